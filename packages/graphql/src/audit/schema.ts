/** The audit log in GraphQL: national officers see all of it, province officers their province's part. */
import type { Prisma } from '@antq/db';
import { codedUnder, uuidOrNone } from '../access.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';

builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [codedUnder(ctx, 'AUDIT_LOG')] }),
  description: 'One audited act: who, when, what, which record, from which unit. Holds no personal data.',
  authScopes: (entry) => ({ allowedAt: ['AUDIT_LOG', 'READ', { unitCodes: entry.placeCodes }] as const }),
  fields: (t) => ({
    at: t.string({ description: 'ISO 8601 instant.', resolve: (e) => e.at.toISOString() }),
    actorKind: t.exposeString('actorKind', { description: 'OFFICER, PARTNER or ANONYMOUS.' }),
    actor: t.exposeString('actor', { nullable: true, description: 'The officer (token subject) or the partner key’s prefix.' }),
    actorRole: t.exposeString('actorRole', { nullable: true }),
    actorUnitCode: t.exposeString('actorUnitCode', { nullable: true }),
    action: t.exposeString('action'),
    entity: t.exposeString('entity'),
    entityId: t.exposeString('entityId', { nullable: true, description: 'The global ID of the record (as `node(id:)` takes it).' }),
    unitCodes: t.exposeStringList('placeCodes', { description: 'The record’s unit and the units above it.' }),
    reason: t.exposeString('reason', { nullable: true }),
    outcome: t.exposeString('outcome', { description: 'OK, or the error code the act ended with.' }),
    requestId: t.exposeString('requestId', { nullable: true }),
  }),
});

const AuditFilter = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    action: t.string(),
    entity: t.string(),
    entityId: t.string(),
    actor: t.string(),
    unitCode: t.string({ description: 'Acts on records in this unit or below it.' }),
    from: t.field({ type: DateScalar, description: 'From this day (Vietnam time), inclusive.' }),
    to: t.field({ type: DateScalar, description: 'Up to this day, inclusive.' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    description: 'The audit log, newest first: national officers see all, province officers what concerns their province.',
    authScopes: { allowed: ['AUDIT_LOG', 'READ'] as const },
    args: { filter: t.arg({ type: AuditFilter }) },
    ...filteredList(
      (db) => db.auditEntry,
      (ctx, args: { filter?: Filter | null }) => auditWhere(ctx, args.filter ?? {}),
      { id: 'desc' },
    ),
  }),
);

type Filter = {
  action?: string | null;
  entity?: string | null;
  entityId?: string | null;
  actor?: string | null;
  unitCode?: string | null;
  from?: string | null;
  to?: string | null;
};

/** Vietnam is UTC+7: a day runs from 17:00 UTC the day before. */
const startOfDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+07:00`));

function auditWhere(ctx: Context, f: Filter): Prisma.AuditEntryWhereInput {
  return {
    AND: [codedUnder(ctx, 'AUDIT_LOG', { code: f.unitCode, date: ctx.today })],
    ...(f.action ? { action: f.action } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.from || f.to
      ? {
          at: {
            ...(f.from ? { gte: startOfDay(f.from) } : {}),
            ...(f.to ? { lt: new Date(startOfDay(f.to).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}
