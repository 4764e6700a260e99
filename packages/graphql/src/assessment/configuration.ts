/**
 * The grading configurations of QĐ 510 (criteria, points and cut-offs of each year, for some
 * kinds of unit), as data: published to everyone, set by national administrators through
 * the mutation pipeline (GRADING_CONFIG WRITE), validated by core's gradingConfigSchema. The
 * example configuration ships as the default until one with its id is set. A configuration
 * changed later never changes an assessment already graded: its points, level and the
 * configuration's id are stored with it.
 */
import { GRADING_LEVELS, gradingConfigSchema, type GradingConfig, type GradingCriterion, type Label } from '@antq/core';
import type { Prisma } from '@antq/db';
import { actorName } from '../audit/record.js';
import { builder } from '../builder.js';
import { userErrors } from '../errors.js';
import { dateColumn } from '../hierarchy/rows.js';
import { parseInput } from '../mutations.js';
import { defineMutation } from '../mutation/define.js';
import { DateScalar } from '../scalars.js';
import { gradingConfigs } from './outcome.js';
import { GradedUnitKindEnum } from './schema.js';

const CONFIGURATION: Label = { vi: 'cấu hình chấm điểm', en: 'grading configuration' };
const CRITERION_KINDS = ['YES_NO', 'SHARE_AT_LEAST', 'SCORED'] as const;
const GradingCriterionKindEnum = builder.enumType('GradingCriterionKind', {
  description: 'YES_NO: points when met; SHARE_AT_LEAST: points when part/whole reaches atLeastPercent; SCORED: 0 to maxPoints.',
  values: CRITERION_KINDS,
});

const CriterionRef = builder.objectRef<GradingCriterion>('GradingCriterion').implement({
  fields: (t) => ({
    kind: t.field({ type: GradingCriterionKindEnum, resolve: (c) => c.kind }),
    code: t.exposeString('code'),
    labelVi: t.string({ resolve: (c) => c.label.vi }),
    labelEn: t.string({ resolve: (c) => c.label.en }),
    points: t.float({ nullable: true, description: 'YES_NO, SHARE_AT_LEAST.', resolve: (c) => (c.kind === 'SCORED' ? null : c.points) }),
    atLeastPercent: t.float({ nullable: true, resolve: (c) => (c.kind === 'SHARE_AT_LEAST' ? c.atLeastPercent : null) }),
    maxPoints: t.float({ nullable: true, description: 'SCORED.', resolve: (c) => (c.kind === 'SCORED' ? c.maxPoints : null) }),
  }),
});

const CutoffRef = builder.objectRef<{ level: (typeof GRADING_LEVELS)[number]; atLeast: number }>('GradingCutoff').implement({
  fields: (t) => ({ level: t.exposeString('level'), atLeast: t.exposeFloat('atLeast', { description: 'The least total for the level.' }) }),
});

const ConfigurationRef = builder.objectRef<GradingConfig & { version: number }>('GradingConfiguration').implement({
  description: 'A dated grading configuration (QĐ 510/QĐ-BCA-V05): its criteria and the least total of each level.',
  fields: (t) => ({
    id: t.exposeString('id'),
    source: t.exposeString('source', { description: 'The text it comes from.' }),
    unitKinds: t.field({ type: [GradedUnitKindEnum], resolve: (c) => c.unitKinds }),
    effectiveFrom: t.field({ type: DateScalar, nullable: true, resolve: (c) => c.effective.from }),
    effectiveTo: t.field({ type: DateScalar, nullable: true, resolve: (c) => c.effective.to }),
    criteria: t.field({ type: [CriterionRef], resolve: (c) => c.criteria }),
    cutoffs: t.field({
      type: [CutoffRef],
      description: 'EXCELLENT, GOOD, AVERAGE; below AVERAGE is WEAK.',
      resolve: (c) => (['EXCELLENT', 'GOOD', 'AVERAGE'] as const).map((level) => ({ level, atLeast: c.cutoffs[level] })),
    }),
    version: t.exposeInt('version', { description: '0 for the shipped example until it is set; send it back with a change.' }),
  }),
});

builder.queryField('gradingConfigurations', (t) =>
  t.field({
    type: [ConfigurationRef],
    description: 'The grading configurations, the shipped example among them unless replaced; ordered by id.',
    authScopes: { public: true },
    resolve: async (_root, _args, ctx) => (await gradingConfigs(ctx)).sort((a, b) => a.id.localeCompare(b.id)),
  }),
);

const CriterionInput = builder.inputType('GradingCriterionInput', {
  fields: (t) => ({
    kind: t.field({ type: GradingCriterionKindEnum, required: true }),
    code: t.string({ required: true, description: 'UPPER_SNAKE_CASE, unique in the configuration.' }),
    labelVi: t.string({ required: true }),
    labelEn: t.string({ required: true }),
    points: t.float({ description: 'YES_NO, SHARE_AT_LEAST.' }),
    atLeastPercent: t.float({ description: 'SHARE_AT_LEAST.' }),
    maxPoints: t.float({ description: 'SCORED.' }),
  }),
});

const SetInput = builder.inputType('SetGradingConfigurationInput', {
  fields: (t) => ({
    id: t.string({ required: true, description: 'A new id adds a configuration; an existing one replaces it (with its version).' }),
    version: t.int({ description: 'The version read, to replace an existing configuration.' }),
    source: t.string({ required: true }),
    unitKinds: t.field({ type: [GradedUnitKindEnum], required: true }),
    effectiveFrom: t.field({ type: DateScalar }),
    effectiveTo: t.field({ type: DateScalar }),
    criteria: t.field({ type: [CriterionInput], required: true }),
    excellentAtLeast: t.float({ required: true }),
    goodAtLeast: t.float({ required: true }),
    averageAtLeast: t.float({ required: true }),
  }),
});

defineMutation('setGradingConfiguration', {
  description:
    'Add or replace a grading configuration, validated (unique codes, cut-offs not rising, reachable): by national administrators.',
  input: SetInput,
  result: ConfigurationRef,
  permission: ['GRADING_CONFIG', 'WRITE'],
  entity: 'GradingConfiguration',
  notFound: CONFIGURATION,
  load: async (ctx, input) => {
    const row = await ctx.db.prisma.gradingConfiguration.findUnique({ where: { id: input.id.trim() } });
    return { row, id: row?.id, version: row?.version, placeCodes: [], actsAt: { unitCodes: [] } };
  },
  versioned: { table: 'gradingConfiguration', version: (input) => input.version ?? undefined },
  judge: (_ctx, input, row) => {
    if (row && input.version == null)
      throw userErrors.invalid([{ path: ['version'], message: 'is required to replace an existing configuration' }]);
    return parseInput(gradingConfigSchema, {
      id: input.id,
      source: input.source,
      unitKinds: input.unitKinds,
      effective: { from: input.effectiveFrom ?? null, to: input.effectiveTo ?? null },
      criteria: input.criteria.map(({ labelVi, labelEn, ...c }) => ({
        ...Object.fromEntries(Object.entries(c).filter(([, v]) => v != null)),
        label: { vi: labelVi, en: labelEn },
      })),
      cutoffs: { EXCELLENT: input.excellentAtLeast, GOOD: input.goodAtLeast, AVERAGE: input.averageAtLeast },
    });
  },
  write: async (tx, config, row, ctx) => {
    const data = {
      config: config as unknown as Prisma.InputJsonValue,
      effectiveFrom: config.effective.from ? dateColumn(config.effective.from) : null,
      effectiveTo: config.effective.to ? dateColumn(config.effective.to) : null,
      setBy: actorName(ctx.viewer),
    };
    const saved = row
      ? await tx.gradingConfiguration.update({ where: { id: row.id }, data })
      : await tx.gradingConfiguration.create({ data: { id: config.id, ...data } });
    return { ...config, version: saved.version };
  },
});
