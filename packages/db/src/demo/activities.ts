/**
 * The demo's inspections, outreach sessions and re-integration cases in Bình Phước in
 * 2024 (DEMO_ACTIVITY_YEAR), made by the generators' `generateActivities` from the demo's
 * communes, areas, models and teams, then written in the demo's transaction. About sixty
 * re-integration cases in forty communes, returned since mid-2022; a session in the autumn
 * before and the spring after 2024, so that periods matter. Re-integration data is
 * personal: it is written only sealed, with the `seal` the API layer passes in, and not
 * at all without one.
 */
import type { IsoDate } from '@antq/core';
import { generateActivities as generateYear, sealReintegration, type Activities, type ActivityCommune } from '../generator/activities.js';
import { TABLES } from '../generator/bulk.js';
import type { Seal } from '../sealed.js';
import type { DemoInput, DemoRows } from './generate.js';
import { demoUuid, Random } from './random.js';

export type { FollowUpRow, InspectionRow, OutreachRow, ReintegrationDraft } from '../generator/activities.js';
export type DemoActivities = Activities;

/** The year the demo's activities describe (with a few sessions either side of it). */
export const DEMO_ACTIVITY_YEAR = 2024;

/** Security teams start 2024-07-01 (Law 30/2023/QH15): none is inspected before mid-July. */
const TEAMS_INSPECTED_FROM: IsoDate = '2024-07-15';

/** The demo's communes as the activities need them: codes then and since, areas (by first placement), their models, teams. */
function activityCommunes(input: DemoInput, rows: DemoRows): ActivityCommune[] {
  const areaCodes = new Map<string, string[]>();
  const areasOf = new Map<string, string[]>();
  for (const p of rows.residentialAreaPlacements) {
    areaCodes.set(p.residentialAreaId, [...new Set([...(areaCodes.get(p.residentialAreaId) ?? []), ...p.placeCodes])]);
    // The first placement: the commune of DEMO_AS_OF.
    if (p.validFrom === null) areasOf.set(p.communeCode, [...(areasOf.get(p.communeCode) ?? []), p.residentialAreaId]);
  }
  // The codes of its commune and units above, then and since: all its areas' placements.
  const byArea = new Map<string, string[]>();
  for (const p of rows.residentialAreaPlacements)
    byArea.set(p.residentialAreaId, [...(byArea.get(p.residentialAreaId) ?? []), ...p.placeCodes]);
  const communeCodes = new Map<string, Set<string>>();
  for (const [commune, areas] of areasOf) communeCodes.set(commune, new Set(areas.flatMap((a) => byArea.get(a)!)));
  const modelsByArea = new Map<string, string[]>();
  for (const m of rows.models)
    if (m.residentialAreaId) modelsByArea.set(m.residentialAreaId, [...(modelsByArea.get(m.residentialAreaId) ?? []), m.id]);
  const firstArea = new Map<string, string>();
  for (const a of rows.securityTeamAreas) if (!firstArea.has(a.teamId)) firstArea.set(a.teamId, a.residentialAreaId);
  // Districts of Bình Phước on the border with Cambodia.
  const border = new Set(input.districts.filter((d) => /Lộc Ninh|Bù Đốp|Bù Gia Mập|Hớn Quản/.test(d.name)).map((d) => d.code));
  return input.communes.map((c) => {
    const placeCodes = communeCodes.has(c.code) ? [...communeCodes.get(c.code)!] : [c.code];
    return {
      id: c.id,
      code: c.code,
      fullName: c.fullName,
      placeCodes,
      areas: (areasOf.get(c.code) ?? []).map((id) => ({ id, placeCodes: areaCodes.get(id)!, models: modelsByArea.get(id) ?? [] })),
      teams: rows.securityTeams
        .filter((t) => t.communeCode === c.code)
        .map((t) => {
          const areaId = firstArea.get(t.id) ?? null;
          return { id: t.id, areaId, placeCodes: areaId ? areaCodes.get(areaId)! : placeCodes, inspectableFrom: TEAMS_INSPECTED_FROM };
        }),
      border: border.has(c.parentCode ?? ''),
    };
  });
}

/** The demo's activities from its communes and rows (see the module's comment). */
export function generateActivities(input: DemoInput, rows: DemoRows, seed: number): DemoActivities {
  const year = DEMO_ACTIVITY_YEAR;
  let person = 0;
  return generateYear(activityCommunes(input, rows), {
    year,
    datasetId: rows.dataset.id,
    uuid: (kind, key) => demoUuid(seed, kind, key),
    keyPrefix: '',
    random: {
      inspections: new Random(seed, 'inspections'),
      outreach: new Random(seed, 'outreach'),
      reintegration: new Random(seed, 'reintegration'),
    },
    sessionsAround: true,
    reintegrationCommunes: 40,
    returnedFrom: '2022-06-01',
    until: `${year}-12-31`,
    citizenSerial: () => person++,
    noteAuthor: (commune) => `demo:cong-an-${commune.code}`,
  });
}

type Writer = (table: string, columns: Readonly<Record<string, string>>, rows: readonly object[]) => Promise<void>;

/**
 * Writes the activities with `write` (the demo's bulk insert, inside its transaction).
 * Re-integration cases are sealed with `seal`; without one they are left out.
 */
export async function writeActivities(
  write: Writer,
  a: DemoActivities,
  seal: Seal | undefined,
  progress: (m: string) => void,
): Promise<Record<string, number>> {
  const put = (
    t: 'inspections' | 'inspectionFollowUps' | 'outreachActivities' | 'reintegrationCases' | 'reintegrationMentors' | 'reintegrationNotes',
    list: readonly object[],
  ) => write(TABLES[t].table, TABLES[t].columns, list);
  await put('inspections', a.inspections);
  await put('inspectionFollowUps', a.followUps);
  await put('outreachActivities', a.outreach);
  const counts: Record<string, number> = {
    inspections: a.inspections.length,
    inspectionFollowUps: a.followUps.length,
    outreachActivities: a.outreach.length,
  };
  if (!seal) {
    progress('demo: re-integration cases left out: they hold personal data and no sealing key was given');
    return counts;
  }
  const sealed = sealReintegration(a.reintegration, seal);
  await put('reintegrationCases', sealed.cases);
  await put('reintegrationMentors', sealed.mentors);
  await put('reintegrationNotes', sealed.notes);
  counts.reintegrationCases = a.reintegration.length;
  return counts;
}
