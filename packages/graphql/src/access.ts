/**
 * The one place a field learns what it may read: core's `readScope` (which unit a code
 * names on a date, and the viewer's jurisdiction on that date through the lineage) taken on
 * the request's hierarchy, answered the same way in every field:
 *  - a unit code that names no unit on the date → NOT_FOUND, naming the argument and, where
 *    the code named a unit on another date, what it became;
 *  - a unit outside the viewer's jurisdiction → FORBIDDEN in a list; a node out of reach is null;
 * and turned into SQL by @antq/db's filters (placedWhere, filedWhere, codedWhere).
 */
import { readScope, touches, unresolvedMessage, type IsoDate, type Label, type Operation, type ReadScope, type Resource } from '@antq/core';
import { codedWhere, filedWhere, NOTHING, type Scope } from '@antq/db';
import { createContextCache } from '@pothos/core';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import { forbidden, invalidArgument } from './errors.js';

/** A unit asked about: its code, the date it is read on, and the argument that gave it (for errors). */
export interface UnitArg {
  readonly code: string | null | undefined;
  readonly date: IsoDate;
  /** The argument's name as the caller wrote it (`unitCode`, `input.unitCode`). */
  readonly argument?: string;
}

export type ScopeContext = Pick<Context, 'viewer' | 'hierarchy' | 'today'>;

const decide = (ctx: ScopeContext, resource: Resource, operation: Operation, unit?: UnitArg): ReadScope =>
  readScope(ctx.hierarchy, {
    viewer: ctx.viewer,
    resource,
    operation,
    unitCode: unit?.code?.trim() || null,
    date: unit?.date ?? ctx.today,
    today: ctx.today,
  });

/**
 * What a list (or an aggregate) of `resource` may read under the unit asked about: throws
 * NOT_FOUND or FORBIDDEN otherwise.
 */
export function scopeOf(ctx: ScopeContext, resource: Resource, operation: Operation, unit?: UnitArg): Scope {
  // A code given blank names no unit: not the same as no code (the whole jurisdiction).
  if (typeof unit?.code === 'string' && unit.code.trim() === '') {
    const argument = unit.argument ?? 'unitCode';
    throw invalidArgument('BLANK_UNIT_CODE', argument, unit.code, {
      vi: `Đối số ${argument} để trống: hãy ghi mã đơn vị (ví dụ 75), hoặc bỏ đối số nếu nó không bắt buộc.`,
      en: `Argument ${argument} is blank: give a unit code (e.g. 75), or leave the argument out where it is optional.`,
    });
  }
  const scope = decide(ctx, resource, operation, unit);
  if (scope.kind === 'SCOPE') return scope;
  if (scope.kind === 'NOT_FOUND') throw unitNotFound(scope.resolution, unit?.argument ?? 'unitCode', unit?.date ?? ctx.today);
  if (scope.reason === 'OUTSIDE_JURISDICTION' && unit?.code) throw outsideJurisdiction(unit.code.trim(), unit.argument ?? 'unitCode');
  throw forbidden();
}

/**
 * The unit asked about, for what covers a whole unit (its report): as {@link scopeOf}, and
 * FORBIDDEN unless all of the unit lies within the viewer's jurisdiction.
 */
export function wholeUnitOf(ctx: ScopeContext, resource: Resource, operation: Operation, unit: UnitArg & { code: string }): Scope {
  const scope = scopeOf(ctx, resource, operation, unit);
  if (scope.viewer) throw outsideJurisdiction(unit.code.trim(), unit.argument ?? 'unitCode');
  return scope;
}

/** The viewer's scopes of one request, by resource and operation: mayAccess asks for one on every row it judges. */
const viewerScopes = createContextCache(() => new Map<string, Scope | null>());

/** What the viewer may read of `resource` anywhere (for nodes and records reached by a relation); null: nothing. Decided once per request. */
export function viewerScope(ctx: ScopeContext, resource: Resource, operation: Operation = 'READ'): Scope | null {
  const cache = viewerScopes(ctx);
  const key = `${resource} ${operation}`;
  if (!cache.has(key)) {
    const scope = decide(ctx, resource, operation);
    cache.set(key, scope.kind === 'SCOPE' ? scope : null);
  }
  return cache.get(key)!;
}

/** A list's scope: under `unit` when one is asked about (throws as {@link scopeOf}), else the viewer's (null: nothing). */
export function listScope(ctx: ScopeContext, resource: Resource, operation: Operation, unit?: UnitArg): Scope | null {
  return unit?.code != null ? scopeOf(ctx, resource, operation, unit) : viewerScope(ctx, resource, operation);
}

/**
 * A list's `where` over records filed under one unit version (`column`); `area` says how a
 * row names its residential area, for area leaders (null: they see none of these).
 */
export function filedUnder<C extends 'unitId' | 'communeId'>(
  ctx: ScopeContext,
  resource: Resource,
  column: C,
  unit?: UnitArg,
  area?: ((areaId: string) => object) | null,
) {
  const scope = listScope(ctx, resource, 'READ', unit);
  return scope ? filedWhere(scope, column, area) : NOTHING;
}

/** A list's `where` over records filed under codes only (the audit log). */
export function codedUnder(ctx: ScopeContext, resource: Resource, unit?: UnitArg) {
  const scope = listScope(ctx, resource, 'READ', unit);
  return scope ? codedWhere(scope) : NOTHING;
}

/** Where a loaded record is filed: its unit version (preferred), else its codes, and its area. */
export interface FiledAt {
  readonly unitId?: string | null;
  readonly unitCodes?: readonly string[];
  readonly areaId?: string | null;
}

/**
 * Whether the viewer may `operation` a record filed at `place` (or anywhere at all, when not
 * given): the same decision as the lists', on one row. Reads and every mutation's
 * authorization (mutation/define.ts) reach it.
 */
export function mayAccess(ctx: ScopeContext, resource: Resource, operation: Operation, place?: FiledAt): boolean {
  const scope = viewerScope(ctx, resource, operation);
  if (!scope) return false;
  if (!place) return true;
  if (scope.areaId && place.areaId !== scope.areaId) return false;
  if (!scope.viewer) return true;
  const territory = scope.viewer.territory;
  if (place.unitId) return touches(territory, place.unitId);
  return (place.unitCodes ?? []).some((code) => territory.codes.has(code));
}

function unitNotFound(resolution: Parameters<typeof unresolvedMessage>[0], argument: string, asOf: IsoDate): GraphQLError {
  const message = unresolvedMessage(resolution, argument);
  const became = resolution.kind === 'NOT_ON_DATE' ? resolution.became.map((b) => ({ code: b.unit.code, on: b.on, kind: b.kind })) : [];
  return new GraphQLError(`${message.vi} / ${message.en}`, {
    extensions: {
      code: 'NOT_FOUND',
      argument,
      unitCode: resolution.code,
      asOf,
      ...(resolution.kind === 'NOT_ON_DATE' ? { became } : {}),
    },
  });
}

function outsideJurisdiction(code: string, argument: string): GraphQLError {
  const message: Label = {
    vi: `Đơn vị "${code}" (đối số ${argument}) nằm ngoài phạm vi quản lý của bạn.`,
    en: `Unit "${code}" (argument ${argument}) is outside your jurisdiction.`,
  };
  return new GraphQLError(`${message.vi} / ${message.en}`, { extensions: { code: 'FORBIDDEN', argument, unitCode: code } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ID from a client as a UUID column takes it: one that matches nothing when it is not a UUID. */
export function uuidOrNone(id: string): string {
  return UUID.test(id) ? id : '00000000-0000-0000-0000-000000000000';
}
