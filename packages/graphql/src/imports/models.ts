/**
 * Importing models built in residential areas. A row names its commune (on the founding
 * date), its area by name and its type by code or name; these are resolved in bulk (one
 * statement for the areas the viewer may read of every commune named, one for the types of
 * the national catalogue and the provinces' own), then each row is judged as createModel
 * judges its input (parseNewModel, judgeModelHost) and checked for duplicates: the same
 * name, type and area twice in the file, or already recorded.
 */
import { randomUUID } from 'node:crypto';
import { nameKey, rowProblem, searchKey, type IsoDate, type SheetRow } from '@antq/core';
import type { Context } from '../context.js';
import { communePlace } from '../hierarchy/place.js';
import { placementHolds } from '../movement/area-mutations.js';
import { areaWhere } from '../movement/jurisdiction.js';
import { judgeModelHost, newModelData, parseNewModel } from '../movement/model-mutations.js';
import { problemsOf, type Checked, type ErrorColumns, partedRows } from './row-problems.js';

export async function checkModels(ctx: Context, rows: Array<SheetRow<'MODELS'>>, headers: Record<string, string>): Promise<Checked> {
  const columns: ErrorColumns = {
    headers,
    fields: {
      name: 'name',
      modelTypeId: 'modelType',
      residentialAreaId: 'areaName',
      foundedOn: 'foundedOn',
      builtBy: 'builtBy',
      memberCount: 'memberCount',
    },
    fallback: 'name',
    notFound: ['UNKNOWN_AREA', 'areaName'],
    forbidden: 'communeCode',
  };
  const { problems, ready } = partedRows(rows);
  const places = await Promise.all(ready.map((r) => communePlace(ctx, r.values.communeCode!, r.values.foundedOn!)));
  const communeIds = [...new Set(places.flatMap((p) => (p ? [p.commune.id] : [])))];
  const provinces = [...new Set(places.flatMap((p) => p?.codes.filter((c) => /^\d{2}$/.test(c)) ?? []))];
  const [areas, types] = communeIds.length
    ? await Promise.all([
        // Only areas the viewer may read: one outside the jurisdiction is as unknown as a missing one.
        ctx.db.prisma.residentialArea.findMany({
          where: { AND: [areaWhere(ctx), { placements: { some: { communeId: { in: communeIds } } } }] },
          include: { placements: true },
        }),
        ctx.db.prisma.modelType.findMany({
          where: { catalogue: { OR: [{ scope: 'NATIONAL' }, { provinceCode: { in: provinces } }] } },
          include: { catalogue: { select: { scope: true, provinceCode: true } } },
        }),
      ])
    : [[], []];
  const existing = areas.length
    ? await ctx.db.prisma.model.findMany({
        where: { residentialAreaId: { in: areas.map((a) => a.id) } },
        select: { name: true, modelTypeId: true, residentialAreaId: true },
      })
    : [];
  const duplicateKey = (m: { name: string; modelTypeId: string; residentialAreaId: string | null }) =>
    `${m.residentialAreaId}|${m.modelTypeId}|${nameKey(m.name)}`;
  const recorded = new Set(existing.map(duplicateKey));
  const seen = new Set<string>();

  const accepted: Array<{ row: number; data: ReturnType<typeof newModelData>; placeCodes: string[] }> = [];
  ready.forEach((r, i) => {
    const v = r.values;
    const place = places[i];
    const on = v.foundedOn as IsoDate;
    if (!place) return problems.push(rowProblem(r.row, headers.communeCode!, 'UNKNOWN_COMMUNE'));
    // The area of that name placed in the commune on the founding day.
    const named = areas.filter(
      (a) =>
        nameKey(a.name) === nameKey(v.areaName!) && a.placements.some((p) => p.communeId === place.commune.id && placementHolds(p, on)),
    );
    if (named.length !== 1) return problems.push(rowProblem(r.row, headers.areaName!, named.length ? 'AMBIGUOUS' : 'UNKNOWN_AREA'));
    const area = named[0]!;
    // A type of the national catalogue or of the province the commune was in that day; the province's own first.
    const usable = types.filter(
      (t) => t.catalogue.scope === 'NATIONAL' || (t.catalogue.provinceCode !== null && place.codes.includes(t.catalogue.provinceCode)),
    );
    const wanted = v.modelType!.trim();
    const matching = usable.filter((t) => t.code.toLowerCase() === wanted.toLowerCase() || searchKey(t.name) === searchKey(wanted));
    const own = matching.filter((t) => t.catalogue.scope === 'PROVINCIAL');
    const candidates = own.length ? own : matching;
    if (candidates.length !== 1)
      return problems.push(rowProblem(r.row, headers.modelType!, candidates.length ? 'AMBIGUOUS' : 'UNKNOWN_MODEL_TYPE'));
    const type = candidates[0]!;

    const parsed = parseNewModel(ctx, {
      name: v.name!,
      modelTypeId: type.id,
      residentialAreaId: area.id,
      foundedOn: on,
      builtBy: v.builtBy!,
      memberCount: v.memberCount,
    });
    if (!parsed.ok) return problems.push(...problemsOf(r.row, parsed.error, columns));
    const judged = judgeModelHost(ctx, area, type, parsed.foundedOn);
    if (judged.error) return problems.push(...problemsOf(r.row, judged.error, columns));
    const data = newModelData(parsed.model, type, area, parsed.foundedOn);
    const key = duplicateKey(data.model);
    if (seen.has(key)) return problems.push(rowProblem(r.row, headers.name!, 'DUPLICATE_IN_FILE'));
    seen.add(key);
    if (recorded.has(key)) return problems.push(rowProblem(r.row, headers.name!, 'DUPLICATE_IN_DATABASE'));
    accepted.push({ row: r.row, data, placeCodes: judged.placeCodes });
  });

  return {
    problems,
    placeCodes: accepted.map((a) => a.placeCodes),
    write: async (tx) => {
      const data = accepted.map((a) => ({ id: randomUUID(), ...a.data }));
      await tx.model.createMany({ data: data.map((d) => ({ id: d.id, ...d.model })) });
      await tx.lifecycleEvent.createMany({ data: data.map((d) => ({ modelId: d.id, ...d.event })) });
      return data.length;
    },
  };
}
