/**
 * The audit log: every mutation and every look at protected data, appended in the same
 * transaction as the act itself, so an act is never without its entry (a refused act,
 * which writes nothing else, is recorded on its own). Entries name who,
 * when, what, which record and from which unit, and hold no personal data.
 */
import { ANONYMOUS, type Viewer } from '@antq/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '@antq/db';
import type { Context } from '../context.js';

export interface AuditFact {
  readonly action: string;
  /** The record's GraphQL type (Tip…) and database ID; the log keeps its global ID, as clients know it. */
  readonly entity: string;
  readonly entityId?: string | null;
  /** Codes of the record's unit and every unit above it. */
  readonly placeCodes?: readonly string[];
  readonly reason?: string | null;
  /** OK, or the error code the act ended with. */
  readonly outcome?: string;
  /**
   * The act is an informant's (submitting a tip, writing to it): recorded without the
   * actor, even when signed in, so that the log never names an informant.
   */
  readonly informant?: boolean;
}

type Writer = Pick<Prisma.TransactionClient, 'auditEntry'>;

export function actorOf(viewer: Viewer): {
  actorKind: string;
  actor: string | null;
  actorRole: string | null;
  actorUnitCode: string | null;
} {
  switch (viewer.kind) {
    case 'ANONYMOUS':
      return { actorKind: 'ANONYMOUS', actor: null, actorRole: null, actorUnitCode: null };
    case 'PARTNER':
      return { actorKind: 'PARTNER', actor: viewer.keyId, actorRole: 'PARTNER', actorUnitCode: viewer.unitCode };
    case 'OFFICER':
      return { actorKind: 'OFFICER', actor: viewer.subject, actorRole: viewer.role, actorUnitCode: viewer.unitCode };
  }
}

/** Who acted, as a record's own history names them (a tip's events, an assessment's steps): the token's subject, else the kind of viewer. */
export const actorName = (viewer: Viewer): string => actorOf(viewer).actor ?? viewer.kind;

/** Appends one entry, with `tx` the transaction of the act (or the client, for a refused act). */
export async function audit(tx: Writer, ctx: Pick<Context, 'viewer' | 'requestId'>, fact: AuditFact): Promise<void> {
  await tx.auditEntry.create({
    data: {
      ...actorOf(fact.informant ? ANONYMOUS : ctx.viewer),
      action: fact.action,
      entity: fact.entity,
      entityId: fact.entityId ? encodeGlobalID(fact.entity, fact.entityId) : null,
      placeCodes: [...(fact.placeCodes ?? [])],
      reason: fact.reason ?? null,
      outcome: fact.outcome ?? 'OK',
      requestId: ctx.requestId,
    },
  });
}
