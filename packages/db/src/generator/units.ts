/**
 * The administrative units as the data generators read them (the demo's province, the
 * national units of every era), and the lineage links between them.
 */
import type { AdminLevel, IsoDate } from '@antq/core';
import type { Prisma } from '../generated/prisma/client.js';
import { isoOf } from '../dates.js';

/** An administrative unit as the generators need it (dates as yyyy-mm-dd). */
export interface DemoUnit {
  readonly id: string;
  readonly code: string;
  readonly level: AdminLevel;
  readonly kind: string;
  readonly name: string;
  readonly fullName: string;
  readonly parentCode: string | null;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
}

/** A lineage link between two units the generators read. */
export interface DemoLink {
  readonly predecessorId: string;
  readonly successorId: string;
  readonly kind: 'FULL' | 'PARTIAL';
}

/** The columns of an administrative unit the generators read. */
export const DEMO_UNIT_SELECT = {
  id: true,
  code: true,
  level: true,
  kind: true,
  name: true,
  fullName: true,
  parentCode: true,
  validFrom: true,
  validTo: true,
} as const satisfies Prisma.AdminUnitSelect;

/** A unit row, as the generators read it. */
export const demoUnitOf = (u: Prisma.AdminUnitGetPayload<{ select: typeof DEMO_UNIT_SELECT }>): DemoUnit => ({
  ...u,
  validFrom: isoOf(u.validFrom),
  validTo: isoOf(u.validTo),
});
