/**
 * What every mutation shares: reading IDs and inputs from clients, and recording a refused
 * act. (Writes and their audit entries go in one transaction in each mutation.)
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { uuidOrNone } from './access.js';
import { audit } from './audit/record.js';
import type { Context } from './context.js';
import { userErrors, type UserError } from './errors.js';

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
      for (let n = path.length; n > 0; n--) {
        const renamed = rename[path.slice(0, n).join('.')];
        if (renamed) return { path: [renamed, ...path.slice(n)], message: i.message };
      }
      return { path, message: i.message };
    }),
  );
}

/** What a refused act is recorded against: the entity, its ID and place, when known. */
export interface Subject {
  readonly entity: string;
  readonly id?: string | null;
  readonly placeCodes?: readonly string[];
  /** Why the viewer tried, when the act requires a reason (a reveal). */
  readonly reason?: string | null;
}

/** Records a refused act (on its own: nothing else is written) and answers its error. */
export async function refused(ctx: Context, action: string, error: UserError, subject: Subject): Promise<{ result: UserError }> {
  await audit(ctx.db.prisma, ctx, {
    action,
    entity: subject.entity,
    entityId: subject.id ?? null,
    placeCodes: subject.placeCodes ?? [],
    reason: subject.reason ?? null,
    outcome: error.code,
  });
  return { result: error };
}
