/**
 * Narrowing reads to the viewer's jurisdiction, in SQL, for records that carry the codes of
 * their unit and every unit above it (`placeCodes`). One place for the rule, used by lists,
 * by `node(id:)` and by totals alike.
 */
import { authorize, jurisdictionOf, type AccessDecision, type Operation, type Placement, type Resource } from '@antq/core';
import type { Context } from './context.js';

/** A `where` that keeps only the records the viewer may `operation` (and, if given, only those in `unitCode`). */
export function placeFilter(ctx: Pick<Context, 'viewer'>, resource: Resource, operation: Operation, unitCode?: string | null) {
  const scope = jurisdictionOf(ctx.viewer, resource, operation);
  if (scope.kind === 'NOWHERE') return { AND: [{ placeCodes: { has: '∅' } }] };
  const codes = [...(scope.kind === 'WITHIN' && scope.unitCode ? [scope.unitCode] : []), ...(unitCode ? [unitCode.trim()] : [])];
  return codes.length ? { placeCodes: { hasEvery: codes } } : {};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ID from a client as a UUID column takes it: one that matches nothing when it is not a UUID. */
export function uuidOrNone(id: string): string {
  return UUID.test(id) ? id : '00000000-0000-0000-0000-000000000000';
}

/**
 * May the viewer `operation` a `resource` (placed at `placement`, or anywhere when not given)?
 * The one decision every mutation reaches, through its pipeline (mutation/define.ts).
 */
export function authorizeTarget(
  ctx: Pick<Context, 'viewer'>,
  resource: Resource,
  operation: Operation,
  placement?: Placement,
): AccessDecision {
  return authorize(ctx.viewer, resource, operation, placement);
}
