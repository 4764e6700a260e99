/**
 * The movement report in GraphQL: `movementReportData`, its sections and figures as typed
 * data, in Vietnamese or English. The text of `movementReport` and the XLSX and CSV
 * downloads (download.ts) are written from the same sections.
 */
import { builder } from '../builder.js';
import { AdminUnitRef } from '../hierarchy/schema.js';
import { LanguageEnum } from '../movement/coverage.js';
import { DateScalar } from '../scalars.js';
import { movementReportFor, reportText, type MovementReport } from './movement-report.js';
import type { Bilingual, ReportFigure, ReportSection } from './section.js';

type Language = 'VI' | 'EN';
const text = (b: Bilingual, language: Language) => (language === 'EN' ? b.en : b.vi);

interface InLanguage<T> {
  readonly value: T;
  readonly language: Language;
}

type Breakdown = NonNullable<ReportFigure['breakdown']>[number];

const ReportBreakdownRef = builder.objectRef<InLanguage<Breakdown>>('ReportFigureBreakdown').implement({
  description: 'One part of a figure (a level, a form, a category…).',
  fields: (t) => ({
    key: t.string({
      description: 'Stable key: an enum value (PROVINCE, LETTER_OF_COMMENDATION…) or a model type’s code.',
      resolve: (b) => b.value.key,
    }),
    label: t.string({ description: 'What it is, in the report’s language.', resolve: (b) => text(b.value.label, b.language) }),
    value: t.int({ resolve: (b) => b.value.value }),
  }),
});

const ReportFigureRef = builder.objectRef<InLanguage<ReportFigure>>('ReportFigure').implement({
  description: 'One figure of a report section. An aggregate: never a person’s name or details.',
  fields: (t) => ({
    key: t.string({ description: 'Stable key, also the row key of the spreadsheet: `exemplars.recognised`.', resolve: (f) => f.value.key }),
    label: t.string({ description: 'What it counts, in the report’s language.', resolve: (f) => text(f.value.label, f.language) }),
    value: t.int({ resolve: (f) => f.value.value }),
    breakdown: t.field({
      type: [ReportBreakdownRef],
      description: 'Its parts, when it is broken down (every part listed, zeros included); empty otherwise.',
      resolve: (f) => (f.value.breakdown ?? []).map((value) => ({ value, language: f.language })),
    }),
  }),
});

const ReportSectionRef = builder.objectRef<InLanguage<ReportSection>>('ReportSection').implement({
  description: 'One part of the movement report: its sentences and the figures they are written from.',
  fields: (t) => ({
    key: t.string({ description: 'Stable key: coverage, exemplars, commendations, keyAreas, influence…', resolve: (s) => s.value.key }),
    title: t.string({ resolve: (s) => text(s.value.title, s.language) }),
    sentences: t.stringList({
      description: 'As a provincial police report words them.',
      resolve: (s) => [...(s.language === 'EN' ? s.value.sentences.en : s.value.sentences.vi)],
    }),
    figures: t.field({ type: [ReportFigureRef], resolve: (s) => s.value.figures.map((value) => ({ value, language: s.language })) }),
  }),
});

const MovementReportRef = builder.objectRef<InLanguage<MovementReport>>('MovementReport').implement({
  description: 'The movement report of a unit for a period, section by section. Aggregates only.',
  fields: (t) => ({
    unit: t.field({
      type: AdminUnitRef,
      description: 'The unit, seen on `to`.',
      resolve: (r) => ({ row: r.value.unit, asOf: r.value.to }),
    }),
    from: t.field({ type: DateScalar, resolve: (r) => r.value.from }),
    to: t.field({ type: DateScalar, resolve: (r) => r.value.to }),
    keyAreasOnly: t.boolean({ resolve: (r) => r.value.keyAreasOnly }),
    keyAreaCount: t.int({
      nullable: true,
      description: 'With keyAreasOnly: how many key areas the figures are narrowed to. Null otherwise.',
      resolve: (r) => r.value.keyAreaCount,
    }),
    language: t.field({ type: LanguageEnum, resolve: (r) => r.language }),
    sections: t.field({ type: [ReportSectionRef], resolve: (r) => r.value.sections.map((value) => ({ value, language: r.language })) }),
    text: t.string({ description: 'Every section’s sentences, in order, as one text.', resolve: (r) => reportText(r.value, r.language) }),
  }),
});

builder.queryField('movementReportData', (t) =>
  t.field({
    type: MovementReportRef,
    authScopes: { allowed: ['MOVEMENT_REPORT', 'READ'] },
    complexity: 30,
    description:
      'The movement report of the unit with unitCode (as it was on `to`) for the period from `from` to `to`: models and ' +
      'coverage on `to`, exemplars and replication, commendations, key areas, people of influence and partners… With ' +
      'keyAreasOnly, every figure counts only what lies in the key areas of the period. For the unit’s officers and those ' +
      'above it, and partners granted read:aggregates within their unit (FORBIDDEN otherwise). Downloads: ' +
      '`GET /reports/movement.xlsx` and `/reports/movement.csv` with the same arguments as query parameters.',
    args: {
      unitCode: t.arg.string({ required: true, description: 'Statistical code of a province, district or commune.' }),
      from: t.arg({ type: DateScalar, required: true }),
      to: t.arg({ type: DateScalar, required: true, description: 'Not before from.' }),
      keyAreasOnly: t.arg.boolean({ description: 'Count only what lies in the key areas of the period.' }),
      language: t.arg({ type: LanguageEnum, description: 'Default VI.' }),
    },
    resolve: async (_root, args, ctx) => ({ value: await movementReportFor(ctx, args), language: args.language ?? 'VI' }),
  }),
);
