/**
 * A mutation's typed error as problems of a spreadsheet row: each field of a
 * ValidationError becomes a problem in the column the field comes from, with a code that
 * says what kind of problem it is and the rule's own words as `detail`; and what every kind's
 * check gives the import (Checked).
 */
import { ELIGIBILITY_FAILURE_LABELS, rowProblem, TEAM_COMPOSITION_FAILURE_LABELS, type RowProblem, type RowProblemCode } from '@antq/core';
import type { Prisma } from '@antq/db';
import type { UserError } from '../errors.js';

/** What a kind's check gives: every problem, where the accepted rows are placed, and how to write them. */
export interface Checked {
  readonly problems: RowProblem[];
  readonly placeCodes: ReadonlyArray<readonly string[]>;
  readonly write: (tx: Prisma.TransactionClient) => Promise<number>;
}

const ELIGIBILITY = new Set(Object.keys(ELIGIBILITY_FAILURE_LABELS));
const COMPOSITION = new Set(Object.keys(TEAM_COMPOSITION_FAILURE_LABELS));

/** What a field error's message says, as a problem code. */
function codeOf(message: string): RowProblemCode {
  const rule = /^([A-Z_0-9]+):/.exec(message)?.[1];
  if (rule && ELIGIBILITY.has(rule)) return 'INELIGIBLE';
  if (rule && COMPOSITION.has(rule)) return 'TEAM_COMPOSITION';
  if (message === 'must not be in the future') return 'FUTURE_DATE';
  if (message.includes('give a commune and a validFrom that still hold today')) return 'COMMUNE_ENDED';
  if (message === 'is already a member of this team') return 'DUPLICATE_IN_DATABASE';
  if (message.includes('is not built in a residential area')) return 'MODEL_TYPE_NOT_FOR_AREA';
  return 'INVALID';
}

export interface ErrorColumns {
  /** The header, as written in the file, of each column key. */
  readonly headers: Readonly<Record<string, string>>;
  /** The column key of each input field the error may name (fields not listed: `fallback`). */
  readonly fields: Readonly<Record<string, string>>;
  readonly fallback: string;
  /** A NOT_FOUND: which problem, in which column. */
  readonly notFound: readonly [RowProblemCode, string];
  /** A FORBIDDEN: in which column (the place). */
  readonly forbidden: string;
}

/** A sheet's rows parted: the problems reading the sheet found in them, and the rows with none, to be judged. */
export function partedRows<R extends { readonly problems: readonly RowProblem[] }>(
  rows: readonly R[],
): { problems: RowProblem[]; ready: R[] } {
  return { problems: rows.flatMap((r) => r.problems), ready: rows.filter((r) => !r.problems.length) };
}

/** The problems of spreadsheet row `row` that `error` stands for. */
export function problemsOf(row: number, error: UserError, columns: ErrorColumns): RowProblem[] {
  const header = (key: string) => columns.headers[key] ?? key;
  switch (error.code) {
    case 'VALIDATION':
      return error.fields.map((f) => {
        const field = f.path.find((p) => columns.fields[p] !== undefined);
        return rowProblem(row, header(field ? columns.fields[field]! : columns.fallback), codeOf(f.message), f.message);
      });
    case 'NOT_FOUND':
      return [rowProblem(row, header(columns.notFound[1]), columns.notFound[0])];
    case 'FORBIDDEN':
      return [rowProblem(row, header(columns.forbidden), 'OUTSIDE_JURISDICTION')];
    case 'CONFLICT':
      return [rowProblem(row, header(columns.fallback), 'INVALID', 'changed by someone else meanwhile: try again')];
  }
}

/** The codes every one of `lists` shares, in order: where an act over several places is filed. */
export function commonCodes(lists: ReadonlyArray<readonly string[]>): string[] {
  if (!lists.length) return [];
  return lists[0]!.filter((code) => lists.every((l) => l.includes(code)));
}
