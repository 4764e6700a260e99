/**
 * Importing residential areas: each row judged as createResidentialArea judges its input
 * (judgeNewArea), then duplicates: two rows naming the same area of the same commune, or an
 * area of that name already placed in the commune. Written as createResidentialArea writes
 * (newAreaData), all rows in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { nameKey, rowProblem, type SheetRow } from '@antq/core';
import type { Context } from '../context.js';
import { isoOf } from '../hierarchy/rows.js';
import { judgeNewArea, newAreaData, type JudgedArea } from '../movement/area-mutations.js';
import { problemsOf, type Checked, type ErrorColumns, partedRows } from './row-problems.js';

export async function checkAreas(
  ctx: Context,
  rows: Array<SheetRow<'RESIDENTIAL_AREAS'>>,
  headers: Record<string, string>,
): Promise<Checked> {
  const columns: ErrorColumns = {
    headers,
    fields: {
      name: 'name',
      kind: 'kind',
      communeCode: 'communeCode',
      validFrom: 'validFrom',
      households: 'households',
      residents: 'residents',
    },
    fallback: 'name',
    notFound: ['UNKNOWN_COMMUNE', 'communeCode'],
    forbidden: 'communeCode',
  };
  const { problems, ready } = partedRows(rows);
  // All at once: the loaders batch the communes (and the units above them) of every row.
  const judged = await Promise.all(
    ready.map((r) =>
      judgeNewArea(ctx, {
        name: r.values.name!,
        kind: r.values.kind!,
        communeCode: r.values.communeCode!,
        validFrom: r.values.validFrom,
        households: r.values.households,
        residents: r.values.residents,
      }),
    ),
  );
  const accepted: Array<{ row: number; judged: Extract<JudgedArea, { ok: true }> }> = [];
  judged.forEach((j, i) =>
    j.ok ? accepted.push({ row: ready[i]!.row, judged: j }) : problems.push(...problemsOf(ready[i]!.row, j.error, columns)),
  );

  // Areas already placed in these communes (one statement, whatever the number of rows).
  const communeIds = [...new Set(accepted.map((a) => a.judged.place.commune.id))];
  const placed = communeIds.length
    ? await ctx.db.prisma.residentialAreaPlacement.findMany({
        where: { communeId: { in: communeIds } },
        select: { communeId: true, validTo: true, residentialArea: { select: { name: true } } },
      })
    : [];
  const existing = new Map<string, Array<string | null>>();
  for (const p of placed) {
    const key = `${p.communeId}|${nameKey(p.residentialArea.name)}`;
    existing.set(key, [...(existing.get(key) ?? []), isoOf(p.validTo)]);
  }
  const seen = new Set<string>();
  const fine = accepted.filter(({ row, judged: { area, from, place } }) => {
    const key = `${place.commune.id}|${nameKey(area.name)}`;
    if (seen.has(key)) return void problems.push(rowProblem(row, headers.name!, 'DUPLICATE_IN_FILE'));
    seen.add(key);
    // Placed there on or after this area's first day: the same area.
    if ((existing.get(key) ?? []).some((to) => to === null || to >= from))
      return void problems.push(rowProblem(row, headers.name!, 'DUPLICATE_IN_DATABASE'));
    return true;
  });

  return {
    problems,
    placeCodes: fine.map((a) => a.judged.place.codes),
    write: async (tx) => {
      const data = fine.map((a) => ({ id: randomUUID(), ...newAreaData(a.judged) }));
      await tx.residentialArea.createMany({ data: data.map((d) => ({ id: d.id, ...d.area })) });
      await tx.residentialAreaPlacement.createMany({ data: data.map((d) => ({ residentialAreaId: d.id, ...d.placement })) });
      return data.length;
    },
  };
}
