/**
 * Reading IDs and inputs from clients, for the mutation pipeline (mutation/define.ts) and
 * the mutations' own checks.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { uuidOrNone } from './access.js';
import { userErrors, type FieldProblem, type UserError } from './errors.js';

/** The database ID in a Relay global ID of `typename`; null for any other type or a malformed ID. */
export function decodeId(globalId: string | number, typename: string): string | null {
  try {
    const { typename: type, id } = decodeGlobalID(String(globalId));
    return type === typename && id ? uuidOrNone(id) : null;
  } catch {
    return null;
  }
}

/** GraphQL gives absent optional inputs as null; the core schemas expect them left out. */
export function stripNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** A failed zod parse as a ValidationError, with core's paths renamed to the input's fields. */
export function zodError(
  error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> },
  rename: Record<string, string> = {},
): UserError {
  return userErrors.invalid(
    error.issues.map((i) => {
      const path = i.path.map(String);
      // The longest renamed prefix; '' renames the root (core's fields nested under one input field).
      for (let n = path.length; n >= 0; n--) {
        // Renamed to '': the input has the nested fields flat.
        const renamed = rename[path.slice(0, n).join('.')];
        if (renamed !== undefined) return { path: [...(renamed ? [renamed] : []), ...path.slice(n)], message: i.message };
      }
      return { path, message: i.message };
    }),
  );
}

/** `value` parsed with a core input schema, or a ValidationError thrown (core's paths renamed to the input's fields). */
export function parseInput<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof zodError>[0] } },
  value: unknown,
  rename: Record<string, string> = {},
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodError(parsed.error, rename);
  return parsed.data;
}

/** Records state what happened, never what is planned: a problem for each of these days after today. */
export const notInFuture = (today: string, days: Record<string, string | null | undefined>): FieldProblem[] =>
  Object.entries(days).flatMap(([field, day]) => (day && day > today ? [{ path: [field], message: 'must not be in the future' }] : []));

type Decision = { readonly number: string; readonly date: string; readonly issuer: string };
type DecisionColumns<N> = { decisionNumber: string | N; decisionDate: Date | N; decisionIssuer: string | N };
/** A decision's columns (none: all three null). */
export function decisionColumns(d: Decision): DecisionColumns<never>;
export function decisionColumns(d: Decision | undefined | null): DecisionColumns<null>;
export function decisionColumns(d: Decision | undefined | null): DecisionColumns<null> {
  return { decisionNumber: d?.number ?? null, decisionDate: d ? new Date(`${d.date}T00:00:00Z`) : null, decisionIssuer: d?.issuer ?? null };
}
