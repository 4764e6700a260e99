/**
 * `importSpreadsheet`: a province's spreadsheet of residential areas, models or team
 * members, sent as a multipart upload. The result is the report (every bad row with its
 * row, column and problem; written or not), the file's rejection (encoding, format, size,
 * missing columns), or a ForbiddenError / ValidationError.
 */
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type FileProblem, type RowProblem } from '@antq/core';
import { builder } from '../builder.js';
import { wrapErrorIfMatches } from '@pothos/plugin-errors';
import { ForbiddenErrorRef, ValidationErrorRef } from '../error-types.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { FileScalar } from '../scalars.js';
import { IMPORT_LIMITS } from './read.js';
import { importSpreadsheet, type ImportFileRejection, type ImportReport, type ImportResult } from './run.js';

export const ImportKindEnum = builder.enumType('ImportKind', {
  description: 'What a spreadsheet holds.',
  values: Object.fromEntries(
    IMPORT_KINDS.map((k) => [k, { description: `${IMPORT_KIND_LABELS[k].vi} / ${IMPORT_KIND_LABELS[k].en}` }]),
  ) as Record<(typeof IMPORT_KINDS)[number], { description: string }>,
});

const RowProblemRef = builder.objectRef<RowProblem>('ImportRowProblem').implement({
  description: 'One bad cell (or row) of the file. Never repeats the cell’s content.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The row as the spreadsheet shows it: the header is row 1.' }),
    column: t.exposeString('column', { description: 'The column’s header as written in the file.' }),
    code: t.exposeString('code', {
      description: 'Stable: REQUIRED, BAD_DATE, UNKNOWN_COMMUNE, UNKNOWN_MODEL_TYPE, INELIGIBLE, DUPLICATE_IN_FILE, DUPLICATE_IN_DATABASE…',
    }),
    messageVi: t.string({ resolve: (p) => p.message.vi }),
    messageEn: t.string({ resolve: (p) => p.message.en }),
    detail: t.string({
      nullable: true,
      description: 'The rule’s own words, when there are more (an eligibility code, a format).',
      resolve: (p) => p.detail ?? null,
    }),
  }),
});

const FileProblemRef = builder.objectRef<FileProblem>('ImportFileProblem').implement({
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Stable: UNREADABLE, WRONG_ENCODING, EMPTY, TOO_LARGE, TOO_MANY_ROWS, MISSING_COLUMN, DUPLICATE_COLUMN.',
    }),
    column: t.string({ nullable: true, resolve: (p) => p.column ?? null }),
    messageVi: t.string({ resolve: (p) => p.message.vi }),
    messageEn: t.string({ resolve: (p) => p.message.en }),
  }),
});

const ReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description:
    'What the import found and did. A dry run writes nothing; a real run writes every row (one transaction) or, when any row has a problem, nothing.',
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, resolve: (r) => r.kind }),
    format: t.exposeString('format', { description: 'XLSX or CSV.' }),
    dryRun: t.exposeBoolean('dryRun'),
    written: t.exposeBoolean('written', { description: 'Whether the rows were written.' }),
    rowCount: t.exposeInt('rowCount', { description: 'Data rows read (empty rows are skipped).' }),
    validRowCount: t.exposeInt('validRowCount'),
    createdCount: t.exposeInt('createdCount'),
    problems: t.field({ type: [RowProblemRef], resolve: (r) => r.problems }),
    ignoredColumns: t.exposeStringList('ignoredColumns', { description: 'Headers that are not columns of this kind: not read.' }),
  }),
});

const FileRejectedRef = builder.objectRef<ImportFileRejection>('ImportFileRejected').implement({
  description: 'The file cannot be imported at all; `problems` says why and what to do.',
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.string({ resolve: (e) => `${e.message.vi} / ${e.message.en}` }),
    messageVi: t.string({ resolve: (e) => e.message.vi }),
    messageEn: t.string({ resolve: (e) => e.message.en }),
    fileProblems: t.field({ type: [FileProblemRef], resolve: (e) => e.problems }),
  }),
});

const ResultUnion = builder.unionType('ImportSpreadsheetResult', {
  types: [ReportRef, FileRejectedRef, ValidationErrorRef, ForbiddenErrorRef],
  resolveType: (value) => {
    if ('rowCount' in value) return 'ImportReport';
    if ((value as { code: string }).code === 'FILE_REJECTED') return 'ImportFileRejected';
    return (value as { code: string }).code === 'FORBIDDEN' ? 'ForbiddenError' : 'ValidationError';
  },
});

const PayloadRef = builder.objectRef<{ result: ImportResult }>('ImportSpreadsheetPayload').implement({
  fields: (t) => ({
    result: t.field({
      type: ResultUnion,
      // A typed error given back as plugin-errors gives those of mutation payloads (GraphQL would take an Error as the field's failure).
      resolve: (p) => wrapErrorIfMatches(p.result, [ValidationError, ForbiddenError]) as never,
    }),
  }),
});

const ImportInput = builder.inputType('ImportSpreadsheetInput', {
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, required: true }),
    file: t.field({
      type: FileScalar,
      required: true,
      description: `An .xlsx workbook (its first sheet) or a UTF-8 .csv file; at most ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB and ${IMPORT_LIMITS.maxRows} rows.`,
    }),
    dryRun: t.boolean({ required: true, description: 'Check only: report every problem and write nothing.' }),
  }),
});

builder.mutationField('importSpreadsheet', (t) =>
  t.field({
    type: PayloadRef,
    description:
      'Import residential areas, models or security-team members from a spreadsheet (templates: `antq import template <kind>`). Every row is judged as the matching mutation ' +
      '(createResidentialArea, createModel, assignTeamMember) judges its input, within your jurisdiction. A dry run reports every bad row and writes nothing; a real run writes all rows ' +
      'in one transaction, or nothing if any row has a problem.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ImportInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const file = input.file;
      return {
        result: await importSpreadsheet(ctx, {
          kind: input.kind,
          source: { size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) },
          dryRun: input.dryRun,
        }),
      };
    },
  }),
);
