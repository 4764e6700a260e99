/**
 * `antq import admin-units <dir>`: reads and checks every file, plans the units through
 * time, then writes era by era, each era in one transaction. Running it again changes
 * nothing: units are matched on (code, first day) and only differences are written.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { addDays } from '@antq/core';
import type { Database } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ADMIN_UNIT_ERAS } from './eras.js';
import type { PlannedUnit } from './plan.js';
import { planFromSources, readShippedPlan, shippedDataDir } from './shipped.js';
import { vacuumAnalyzeAfterLoad } from '../maintenance.js';
import { isoOf } from '../dates.js';

export interface EraSummary {
  era: string;
  file: string;
  units: number;
  inserted: number;
  updated: number;
  closed: number;
  linksInserted: number;
  ms: number;
}

export interface ImportSummary {
  eras: EraSummary[];
  warnings: string[];
  ms: number;
}

export type Progress = (message: string) => void;

/** The source folder an import reads instead of the shipped data: `ANTQ_ADMIN_UNITS_DIR` when set, else null. */
export function adminUnitsDirOverride(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.ANTQ_ADMIN_UNITS_DIR?.trim() || null;
}

/**
 * Imports the administrative units and their lineage: the data shipped with this package,
 * or the published source files in `dir` when one is given (`ANTQ_ADMIN_UNITS_DIR`).
 */
export async function importAdminUnits(db: Database, dir?: string | null, progress: Progress = () => {}): Promise<ImportSummary> {
  const started = performance.now();
  progress(dir ? `reading the source files in ${dir}` : `reading the administrative units shipped with @antq/db (${shippedDataDir()})`);
  const { plan, sources } = dir ? await planFromSources(dir) : readShippedPlan();
  progress(
    `planned ${plan.units.length} units and ${plan.links.length} lineage links; ${plan.warnings.length} source disagreements reported`,
  );

  const summaries: EraSummary[] = [];
  for (const [index, era] of ADMIN_UNIT_ERAS.entries()) {
    const eraStarted = performance.now();
    progress(`era ${index + 1}/${ADMIN_UNIT_ERAS.length} (${era.label}): writing`);
    const summary = await db.prisma.$transaction(
      async (tx) => {
        const existing = await tx.adminUnit.findMany({
          select: {
            id: true,
            code: true,
            validFrom: true,
            validTo: true,
            name: true,
            fullName: true,
            nameEn: true,
            fullNameEn: true,
            parentCode: true,
            kind: true,
            level: true,
            searchText: true,
          },
        });
        const byKey = new Map(existing.map((u) => [keyOf(u.code, isoOf(u.validFrom)), u]));
        const mine = plan.units.filter((u) => u.validFrom === era.from);
        const toInsert: Prisma.AdminUnitCreateManyInput[] = [];
        let updated = 0;
        for (const u of mine) {
          const row = byKey.get(keyOf(u.code, u.validFrom));
          if (!row) {
            toInsert.push(rowOf(u));
            continue;
          }
          const want = rowOf(u);
          if (differs(row, want)) {
            // validTo is left to the era that ends the unit (below).
            await tx.adminUnit.update({ where: { id: row.id }, data: { ...want, validTo: row.validTo } });
            updated++;
          }
        }
        if (toInsert.length) await tx.adminUnit.createMany({ data: toInsert });

        // Close the units this era ends (all of them end the day before it starts).
        let closed = 0;
        if (era.from) {
          const ending = plan.units.filter((u) => u.validTo === addDays(era.from!, -1));
          const ids = ending.map((u) => byKey.get(keyOf(u.code, u.validFrom))?.id).filter((id): id is string => !!id);
          closed = (await tx.adminUnit.updateMany({ where: { id: { in: ids }, validTo: null }, data: { validTo: dayBefore(era.from) } }))
            .count;
        }

        // Link successors to predecessors, now that both exist.
        let linksInserted = 0;
        const links = plan.links.filter((l) => l.date === era.from);
        if (links.length) {
          const ids = await tx.adminUnit.findMany({
            where: { OR: [{ validFrom: dateOf(era.from!) }, { validTo: dayBefore(era.from!) }] },
            select: { id: true, code: true, validFrom: true },
          });
          const idOf = new Map([...existing, ...ids].map((u) => [keyOf(u.code, isoOf(u.validFrom)), u.id]));
          const id = (u: PlannedUnit) => idOf.get(keyOf(u.code, u.validFrom))!;
          linksInserted = (
            await tx.lineageLink.createMany({
              data: links.map((l) => ({
                predecessorId: id(l.predecessor),
                successorId: id(l.successor),
                kind: l.kind,
                date: dateOf(l.date),
              })),
              skipDuplicates: true,
            })
          ).count;
        }
        const result: EraSummary = {
          era: era.label,
          file: era.file,
          units: mine.length,
          inserted: toInsert.length,
          updated,
          closed,
          linksInserted,
          ms: 0,
        };
        if (toInsert.length || updated || closed || linksInserted) {
          await tx.importRun.create({
            data: {
              source: era.file,
              sha256: sources.find((s) => s.file === era.file)!.sha256,
              summary: { ...result, warnings: index === 1 ? plan.warnings.length : 0 },
            },
          });
        }
        return result;
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    summary.ms = Math.round(performance.now() - eraStarted);
    summaries.push(summary);
    progress(
      `era ${index + 1}/${ADMIN_UNIT_ERAS.length} (${era.label}): ${summary.units} units, ${summary.inserted} inserted, ${summary.updated} updated, ${summary.closed} closed, ${summary.linksInserted} links inserted (${summary.ms} ms)`,
    );
  }
  if (summaries.some((e) => e.inserted || e.updated || e.closed || e.linksInserted)) {
    const t = performance.now();
    const unvacuumed = await vacuumAnalyzeAfterLoad(db, ['AdminUnit', 'LineageLink']);
    progress(
      unvacuumed === null
        ? `units and lineage links vacuumed and analysed (${Math.round(performance.now() - t)} ms)`
        : `warning: the units and links could not be vacuumed (${unvacuumed}); they are in, the vacuum is left to autovacuum or the embedded server's maintenance`,
    );
  }
  db.hierarchy.forget();
  for (const w of plan.warnings.slice(0, 10)) progress(`warning: ${w}`);
  if (plan.warnings.length > 10) progress(`warning: … and ${plan.warnings.length - 10} more source disagreements`);
  return { eras: summaries, warnings: plan.warnings, ms: Math.round(performance.now() - started) };
}

/**
 * Where the published source files are, to generate the shipped data or check it against
 * them: `ANTQ_ADMIN_UNITS_DIR`, else `shared/data/admin-units` beside or above the working
 * directory (a checkout of the project may sit beside `shared/`); null when neither exists.
 * The server and the command line import the shipped data unless `ANTQ_ADMIN_UNITS_DIR` is set.
 */
export function findAdminUnitsDir(env: NodeJS.ProcessEnv = process.env, from = process.cwd()): string | null {
  if (env.ANTQ_ADMIN_UNITS_DIR) return resolve(env.ANTQ_ADMIN_UNITS_DIR);
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'shared/data/admin-units'), join(dir, '../shared/data/admin-units')]) {
      if (existsSync(join(candidate, ADMIN_UNIT_ERAS[0]!.file))) return resolve(candidate);
    }
    if (dirname(dir) === dir) return null;
  }
}

type UnitRow = Omit<Prisma.AdminUnitCreateManyInput, 'id'>;

function rowOf(u: PlannedUnit): UnitRow {
  return {
    code: u.code,
    level: u.level,
    kind: u.kind,
    name: u.name,
    fullName: u.fullName,
    nameEn: u.nameEn,
    fullNameEn: u.fullNameEn,
    parentCode: u.parentCode,
    validFrom: u.validFrom ? dateOf(u.validFrom) : null,
    validTo: null,
    searchText: u.searchText,
  };
}

function differs(row: Record<string, unknown>, want: UnitRow): boolean {
  return (['name', 'fullName', 'nameEn', 'fullNameEn', 'parentCode', 'kind', 'level', 'searchText'] as const).some(
    (k) => row[k] !== want[k],
  );
}

const keyOf = (code: string, validFrom: string | null) => `${code}@${validFrom ?? ''}`;
const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000);
