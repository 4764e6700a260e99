/**
 * The administrative units and their lineage as core's `HierarchyIndex`, read once per
 * open database (two statements) and kept while it is open: every read's unit-on-date and
 * jurisdiction decision (core's `readScope`) is taken on it. An import of the units through
 * this `Database` forgets it; a server whose units were imported by another process reads
 * them again after a restart.
 */
import { indexHierarchy, type HierarchyIndex, type LineageLink } from '@antq/core';
import { isoOf, validityOf } from './dates.js';
import type { LineageLink as LineageLinkRow, PrismaClient } from './generated/prisma/client.js';

/** A lineage link row as core reads it. */
export const lineageLinkOf = (l: LineageLinkRow): LineageLink => ({
  predecessor: l.predecessorId,
  successor: l.successorId,
  kind: l.kind,
  date: isoOf(l.date),
});

/** Reads every unit version and lineage link. */
export async function readHierarchy(prisma: PrismaClient): Promise<HierarchyIndex> {
  const [units, links] = await Promise.all([
    prisma.adminUnit.findMany({
      select: { id: true, code: true, level: true, fullName: true, parentCode: true, validFrom: true, validTo: true },
    }),
    prisma.lineageLink.findMany(),
  ]);
  return indexHierarchy(
    units.map((u) => ({ ...u, validity: validityOf(u) })),
    links.map(lineageLinkOf),
  );
}

/** The index of one database, read when first needed. */
export interface HierarchyCache {
  load(): Promise<HierarchyIndex>;
  /** The units changed (an import): read them again when next needed. */
  forget(): void;
}

export function hierarchyCache(prisma: PrismaClient): HierarchyCache {
  let loading: Promise<HierarchyIndex> | null = null;
  return {
    load: () =>
      (loading ??= readHierarchy(prisma).catch((error: unknown) => {
        loading = null;
        throw error;
      })),
    forget: () => {
      loading = null;
    },
  };
}
