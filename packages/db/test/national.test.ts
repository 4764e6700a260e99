import { createHash } from 'node:crypto';
import { buildLifecycle, checkMemberEligibility, coverage, stateOn, type IsoDate } from '@antq/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAdminUnits } from '../src/admin-units/import.js';
import type { Database } from '../src/database.js';
import { seedDemo } from '../src/demo/index.js';
import { TABLES } from '../src/generator/bulk.js';
import type { GeneratedTables, SealText } from '../src/generator/rows.js';
import type { Seal } from '../src/sealed.js';
import {
  emptyTables,
  generateProvince,
  LOWER_EDUCATION_PROVINCES,
  NATIONAL_AS_OF,
  NATIONAL_SEED,
  planNational,
  provinceCoverageData,
  readNationalInput,
  removeNational,
  RunState,
  seedNational,
  type NationalInput,
  type SeedNationalResult,
} from '../src/national/index.js';
import { describeEachDatabase, postgresUnavailable, type TargetName } from './support/databases.js';
import { rowEstimates } from './support/statistics.js';

// One import of the real units and one seedNational at scale 0.01 per database.

const iso = (d: Date | null): IsoDate | null => (d ? d.toISOString().slice(0, 10) : null);
/** A stand-in for the server's sealing: reversible, so tests can read what was sealed and where. */
const testSeal: SealText = (plaintext, target) => `test:${JSON.stringify(target)}:${plaintext}`;
/** The same for personal data (re-integration cases), bound to a context. */
const testSealPersonal: Seal = (plaintext, context) => `test:${context}:${plaintext}`;

/**
 * A digest of a few tables, rows sorted (ids included; a commune named by code and first
 * day, as unit ids are made by each database's import; sealed columns left out, as the
 * server's sealing draws a fresh nonce for every value).
 */
async function nationalDigest(db: Database): Promise<Record<string, string>> {
  const digest = (t: string, row: string, from: string) =>
    `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(r, E'\\n' order by r collate "C"), '')) as h from (select ${row} as r from ${from}) s`;
  const withCommune = (t: string, drop = '') =>
    digest(
      t,
      `(to_jsonb(x) - 'communeId'${drop})::text || u.code || '@' || coalesce(u."validFrom"::text, 'start')`,
      `"${t}" x join "AdminUnit" u on u.id = x."communeId"`,
    );
  const parts = [
    withCommune('ResidentialAreaPlacement'),
    digest('ResidentialArea', 'to_jsonb(x)::text', '"ResidentialArea" x'),
    digest('Model', 'to_jsonb(x)::text', '"Model" x'),
    digest('LifecycleEvent', `(to_jsonb(x))::text`, '"LifecycleEvent" x'),
    digest('TeamMember', 'to_jsonb(x)::text', '"TeamMember" x'),
    digest('TeamMemberEvaluation', 'to_jsonb(x)::text', '"TeamMemberEvaluation" x'),
    withCommune('Tip', ` - 'bodyCiphertext' - 'contactCiphertext'`),
    // (unit ids and load times differ between databases)
    digest('Inspection', `(to_jsonb(x) - 'unitId' - 'createdAt')::text`, '"Inspection" x'),
    withCommune('OutreachActivity', ` - 'createdAt'`),
  ];
  const rows = await db.prisma.$queryRawUnsafe<Array<{ t: string; n: number; h: string }>>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

const digests = new Map<TargetName, Record<string, string>>();
/** The units and lineage as the generator reads them (from the PGlite database, once imported). */
let input: NationalInput | undefined;

describe('national-scale data', () => {
  describeEachDatabase('seedNational --scale 0.01', (getDb, target) => {
    let result: SeedNationalResult;
    const progress: string[] = [];
    let withoutUnits: unknown;
    const q = <T = any>(sql: string) => getDb().prisma.$queryRawUnsafe<T[]>(sql);

    beforeAll(async () => {
      withoutUnits = await seedNational(getDb(), { scale: 0.01 }).catch((error: unknown) => error);
      await importAdminUnits(getDb());
      input ??= await readNationalInput(getDb());
      result = await seedNational(getDb(), {
        scale: 0.01,
        seal: testSeal,
        sealPersonal: testSealPersonal,
        progress: (m) => progress.push(m),
      });
      console.log(
        `[national] seedNational --scale 0.01 on ${target}: ${(result.ms.total / 1000).toFixed(1)} s for ${Object.values(result.counts).reduce((s, n) => s + n, 0)} rows`,
      );
      digests.set(target, await nationalDigest(getDb()));
    }, 900_000); // an import and a seed: minutes on a loaded machine

    it('refuses to run before the administrative units are imported, saying so', () => {
      expect(withoutUnits).toBeInstanceOf(Error);
      expect((withoutUnits as Error).message).toMatch(/needs the administrative units.*import/i);
    });

    it('writes the expected rows per table (scale 0.01: 1,000 residential areas), and the database holds what it reports', async () => {
      const c = result.counts;
      expect(c.residentialAreas).toBe(1000);
      expect(c.modelCatalogues).toBe(1);
      expect(c.modelTypes).toBe(15);
      const within = (n: number, per: number, low: number, high: number) => expect(n / per).toSatisfy((x: number) => x >= low && x <= high);
      within(c.residentialAreaPlacements, c.residentialAreas, 2, 2.1); // the old commune, then today's (a few changed again in 2026)
      within(c.models, c.residentialAreas, 1.35, 1.75); // ~150,000 at scale 1
      within(c.lifecycleEvents, c.models, 4, 6);
      within(c.replicationPoints, c.models, 0.1, 0.9); // grows with the scale: districts hold more models
      within(c.modelEvaluations, c.models, 2, 4.5); // up to five years each
      within(c.securityTeams, c.residentialAreas, 0.8, 1);
      within(c.securityTeamAreas, c.residentialAreas, 1, 1); // every area covered once
      within(c.teamMembers, c.securityTeams, 3.5, 5.5); // ~400,000 at scale 1
      within(c.teamEvaluations, c.securityTeams, 0.95, 1);
      within(c.tips, c.residentialAreas, 0.55, 0.65);
      within(c.tipEvents, c.tips, 1.5, 4);
      // Five years of activities; per commune and year about the demo's (1.6 inspections, 12 sessions, 0.5 cases),
      // in a share of the communes that grows with the scale (~10 areas per commune at scale 1).
      within(c.inspections, c.residentialAreas, 0.4, 1.2);
      within(c.inspectionFollowUps, c.inspections, 0.8, 1.8);
      within(c.outreachActivities, c.inspections, 6, 10);
      within(c.reintegrationCases, c.inspections, 0.25, 0.55);
      within(c.reintegrationMentors, c.reintegrationCases, 2, 2);
      within(c.reintegrationNotes, c.reintegrationCases, 2, 6);
      for (const [table, n] of Object.entries(c)) {
        const [row] = await q<{ n: number }>(`select count(*)::int as n from "${TABLES[table as keyof GeneratedTables].table}"`);
        expect(row!.n, table).toBe(n);
      }
      const dataset = await getDb().prisma.dataset.findFirstOrThrow({ where: { kind: 'NATIONAL' } });
      expect(dataset).toMatchObject({
        id: result.datasetId,
        seed: NATIONAL_SEED,
        parameters: expect.objectContaining({ scale: 0.01, province: null }),
      });
      expect((dataset.summary as { tables: unknown }).tables).toEqual(c);
    });

    it('shows progress per province and a line per table with counts and rates, and the total time', () => {
      expect(progress[0]).toMatch(
        /^national: seed 3321, scale 0.01: 1,000 residential areas in [\d,]+ communes of 2025-06-30 in 34 provinces of today/,
      );
      expect(progress.filter((m) => /^national: \[\d+\/34\] \d\d /.test(m))).toHaveLength(34);
      expect(progress.some((m) => /^national: TeamMember +[\d,]+ rows, written in +[\d.]+ s \([\d,]+ rows\/s\)$/.test(m))).toBe(true);
      expect(progress.at(-1)).toMatch(
        /^national: loaded [\d,]+ rows as dataset .* in [\d.]+ s \(reading units.*, vacuum and analyse [\d.]+ s/,
      );
    });

    it('vacuums and analyses every table it loaded: the planner has statistics at once (PGlite has no autovacuum)', async () => {
      const tables = [
        'ResidentialArea',
        'ResidentialAreaPlacement',
        'Model',
        'LifecycleEvent',
        'TeamMember',
        'Tip',
        'CoverageStep',
        'Dataset',
      ];
      const estimates = await rowEstimates(getDb(), tables);
      expect(Object.keys(estimates).sort()).toEqual([...tables].sort());
      expect(Object.entries(estimates).filter(([, n]) => n < 1)).toEqual([]);
    });

    it('places every area in old-era communes until 2025-06-30, then in their successors through the lineage, with the right placeCodes', async () => {
      const bad = await q(`
        select p.id from "ResidentialAreaPlacement" p join "AdminUnit" u on u.id = p."communeId"
        where u.level <> 'COMMUNE' or u.code <> p."communeCode" or p."placeCodes"[1] <> u.code or p."placeCodes"[2] <> u."parentCode"
           or (u."validFrom" is not null and (p."validFrom" is null or p."validFrom" < u."validFrom"))
           or (u."validTo" is not null and (p."validTo" is null or p."validTo" > u."validTo"))`);
      expect(bad).toEqual([]);
      // The first placement of each area is in a commune of the old era (with its district and province).
      const first = await q<{ n: number; three: number }>(`
        select count(*)::int as n, count(*) filter (where array_length(p."placeCodes", 1) = 3 and d."parentCode" = p."placeCodes"[3])::int as three
        from "ResidentialAreaPlacement" p join "AdminUnit" u on u.id = p."communeId"
        join "AdminUnit" d on d.code = u."parentCode" and d.level = 'DISTRICT' and d."validTo" = '2025-06-30'
        where p."validFrom" is null and p."validTo" = '2025-06-30'`);
      expect(first[0]).toEqual({ n: 1000, three: 1000 });
      // Placements chain without gaps to one still open, each step along a lineage link.
      const chains = await q<{ gaps: number; open: number; unlinked: number }>(`
        with ordered as (
          select p.*, lag(p."validTo") over w as prev_to, lag(p."communeId") over w as prev_commune
          from "ResidentialAreaPlacement" p window w as (partition by p."residentialAreaId" order by p."validFrom" nulls first))
        select count(*) filter (where prev_to is not null and "validFrom" <> prev_to + 1)::int as gaps,
               count(*) filter (where "validTo" is null)::int as open,
               count(*) filter (where prev_commune is not null and not exists (
                 select 1 from "LineageLink" l where l."predecessorId" = prev_commune and l."successorId" = ordered."communeId"))::int as unlinked
        from ordered`);
      expect(chains[0]).toEqual({ gaps: 0, open: 1000, unlinked: 0 });
    });

    it('gives every model a legal lifecycle, some suspended or dissolved on 2025-12-31, and rates them only when rateable', async () => {
      const events = await getDb().prisma.lifecycleEvent.findMany({ orderBy: [{ modelId: 'asc' }, { seq: 'asc' }] });
      const byModel = new Map<string, Array<{ kind: (typeof events)[number]['kind']; date: IsoDate }>>();
      for (const e of events) byModel.set(e.modelId, [...(byModel.get(e.modelId) ?? []), { kind: e.kind, date: iso(e.date)! }]);
      const states = new Map<string, number>();
      for (const list of byModel.values()) {
        const lifecycle = buildLifecycle(list);
        expect(lifecycle.ok).toBe(true);
        if (!lifecycle.ok) continue;
        const state = stateOn(lifecycle.lifecycle, NATIONAL_AS_OF) ?? 'NONE';
        states.set(state, (states.get(state) ?? 0) + 1);
      }
      expect(states.get('ACTIVE')).toBeGreaterThan(1000);
      expect(states.get('SUSPENDED')).toBeGreaterThan(10);
      expect(states.get('DISSOLVED')).toBeGreaterThan(10);
      const years = await q<{ y: number }>(`select distinct extract(year from "periodTo")::int as y from "ModelEvaluation" order by 1`);
      expect(years.map((r) => r.y)).toEqual([2021, 2022, 2023, 2024, 2025]);
    });

    it('forms teams from 2024-07-01 only, with members eligible under core’s rule, rated for 2025 only', async () => {
      const teams = await q<{ id: string; established: Date; province: string }>(`
        select t.id, t."establishedOn" as established, t."placeCodes"[3] as province from "SecurityTeam" t`);
      expect(teams.every((t) => iso(t.established)! >= '2024-07-01')).toBe(true);
      const provinceOf = new Map(teams.map((t) => [t.id, t.province]));
      const members = await getDb().prisma.teamMember.findMany();
      for (const m of members) {
        const verdict = checkMemberEligibility(
          {
            birthDate: iso(m.birthDate)!,
            education: m.education,
            residentSince: iso(m.residentSince),
            cleanRecord: m.cleanRecord,
            hasHealthCertificate: m.hasHealthCertificate,
            over70ApprovedByCommuneChairman: m.over70ApprovedByCommuneChairman,
          },
          { date: iso(m.joinedOn)!, borderMountainOrEthnicMinorityArea: LOWER_EDUCATION_PROVINCES.has(provinceOf.get(m.teamId)!) },
        );
        expect(verdict.pass, m.id).toBe(true);
        expect(m.citizenId).toMatch(/^000[0-3]\d{8}$/);
      }
      expect(members.filter((m) => m.role === 'LEADER' && m.leftOn === null)).toHaveLength(teams.length);
      const years = await q<{ y: number }>(
        `select distinct year as y from "TeamEvaluation" union select distinct year from "TeamMemberEvaluation"`,
      );
      expect(years.map((r) => r.y)).toEqual([2025]);
      // Nobody who joined after 15 Feb 2025 (under 9 whole months by 14 Nov) or left by 14 Nov is rated.
      const unrateable = await q(
        `select e.id from "TeamMemberEvaluation" e join "TeamMember" m on m.id = e."memberId" where m."joinedOn" > '2025-02-15' or m."leftOn" <= '2025-11-14'`,
      );
      expect(unrateable).toEqual([]);
    });

    it('seals tips through the given sealing, bound to the tip and column, and files them under their commune then and now', async () => {
      const tips = await getDb().prisma.tip.findMany({
        orderBy: { number: 'asc' },
        include: { messages: true, events: { orderBy: { createdAt: 'asc' } } },
      });
      for (const tip of tips) {
        expect(tip.bodyCiphertext).toMatch(new RegExp(`^test:\\{"column":"Tip\\.text","tipNumber":"${tip.number}"\\}:.{10,}`));
        if (tip.contactCiphertext)
          expect(tip.contactCiphertext.startsWith(`test:{"column":"Tip.contact","tipNumber":"${tip.number}"}:`)).toBe(true);
        for (const m of tip.messages)
          expect(m.bodyCiphertext.startsWith(`test:{"column":"TipMessage.text","tipId":"${tip.id}"}:`)).toBe(true);
        expect(tip.number).toMatch(/^TG-202[1-5]-\d{6}$/);
        expect(tip.events[0]!.status).toBe('RECEIVED');
        expect(tip.events.at(-1)!.status).toBe(tip.status);
        const dates = tip.events.map((e) => iso(e.date)!);
        expect(dates).toEqual([...dates].sort());
        expect(dates.at(-1)! <= NATIONAL_AS_OF).toBe(true);
        for (const m of tip.messages) expect(m.createdAt >= tip.receivedAt).toBe(true);
      }
      const misplaced = await q(`
        select t.id from "Tip" t join "AdminUnit" u on u.id = t."communeId"
        where t."placeCodes"[1] <> u.code or (u."validFrom" is not null and t."occurredOn" < u."validFrom") or (u."validTo" is not null and t."occurredOn" > u."validTo")`);
      expect(misplaced).toEqual([]);
      // A tip of 2024 is found by the officers of the province it is in today.
      const [old] = await q<{ n: number; today: number }>(`
        select count(*)::int as n, count(*) filter (where exists (
          select 1 from "AdminUnit" p where p.level = 'PROVINCE' and p."validTo" is null and p.code = any(t."placeCodes")))::int as today
        from "Tip" t where t."occurredOn" < '2025-07-01'`);
      expect(old!.today).toBe(old!.n);
    });

    it('makes five years of activities, each filed under the commune of its day and found under today’s province, and seals re-integration cases', async () => {
      const [years] = await q<{ inspections: number[]; outreach: number[]; cases: number[] }>(`
        select (select array_agg(distinct extract(year from "plannedOn")::int order by extract(year from "plannedOn")::int) from "Inspection") as inspections,
               (select array_agg(distinct extract(year from "heldOn")::int order by extract(year from "heldOn")::int) from "OutreachActivity") as outreach,
               (select array_agg(distinct extract(year from "returnedOn")::int order by extract(year from "returnedOn")::int) from "ReintegrationCase") as cases`);
      expect(years).toEqual({
        inspections: [2021, 2022, 2023, 2024, 2025],
        outreach: [2021, 2022, 2023, 2024, 2025],
        cases: [2021, 2022, 2023, 2024, 2025],
      });
      const misplaced = await q(`
        select x.id from (
          select id, "unitId" as unit, "unitCode" as code, "placeCodes" as codes, "plannedOn" as on from "Inspection"
          union all select id, "communeId", "communeCode", "placeCodes", "heldOn" from "OutreachActivity"
          union all select id, "communeId", "communeCode", "placeCodes", "returnedOn" from "ReintegrationCase") x
        join "AdminUnit" u on u.id = x.unit
        where u.code <> x.code or not (x.code = any(x.codes)) or (u."validFrom" is not null and x.on < u."validFrom") or (u."validTo" is not null and x.on > u."validTo")
          or not exists (select 1 from "AdminUnit" p where p.level = 'PROVINCE' and p."validTo" is null and p.code = any(x.codes))`);
      expect(misplaced).toEqual([]);
      const wrong = await q(`
        select id from "Inspection" where ("subjectKind" = 'SECURITY_TEAM' and "plannedOn" < '2024-07-15') or ("inspectedOn" is not null and "inspectedOn" < "plannedOn")
        union all select id from "InspectionFollowUp" where "closedOn" > '${NATIONAL_AS_OF}' or "setOn" > "dueOn"
        union all select id from "ReintegrationCase" where "closedOn" > '${NATIONAL_AS_OF}'
          or "personCiphertext" not like 'test:ReintegrationCase:' || id || ':person:{%' or "offenceCiphertext" not like 'test:ReintegrationCase:' || id || ':offence:%'
        union all select id from "ReintegrationNote" where "notedOn" > '${NATIONAL_AS_OF}' or "bodyCiphertext" not like 'test:ReintegrationNote:' || id || ':body:%'`);
      expect(wrong).toEqual([]);
      // A model is inspected only while established: never before its ESTABLISH, nor after its DISSOLVE.
      const early = await q(`
        select i.id from "Inspection" i join "LifecycleEvent" e on e."modelId" = i."modelId"
        where (e.kind = 'ESTABLISH' and i."plannedOn" < e.date) or (e.kind = 'DISSOLVE' and i."plannedOn" > e.date)`);
      expect(early).toEqual([]);
    });

    it('recognises, in each old province, key areas, exemplars and commendations for 2021–2024 by its authorities then, and people of influence and model partners once', async () => {
      const c = result.counts;
      for (const t of ['keyAreas', 'exemplars', 'commendations', 'influentialPeople', 'modelPartners'] as const)
        expect(c[t], t).toBeGreaterThan(0);
      const years = await q<{ y: number }>(
        `select distinct extract(year from "decisionDate")::int as y from "Exemplar" union select distinct extract(year from "decisionDate")::int from "Commendation" order by 1`,
      );
      expect(years.map((r) => r.y)).toEqual([2021, 2022, 2023, 2024]);
      // A leader is recognised only once teams exist, for a team formed by the decision's day.
      const early = await q(`
        select x.id from "Exemplar" x where x."subjectKind" = 'INDIVIDUAL' and (x."decisionDate" < '2024-07-01' or not exists (
          select 1 from "SecurityTeam" t where x."personRole" = 'Tổ trưởng ' || t.name and t."establishedOn" <= x."decisionDate"))`);
      expect(early).toEqual([]);
      // Filed under the unit that decided (or its commune) and found under today's province.
      const lost = await q(`
        select id from "Exemplar" x where not (x."unitCode" = any(x."placeCodes")) and x.level <> 'PROVINCE'
        union all select id from "KeyArea" k where not (k."unitCode" = any(k."placeCodes"))
        union all select id from "Commendation" m where not exists (select 1 from "AdminUnit" p where p.level = 'PROVINCE' and p."validTo" is null and p.code = any(m."placeCodes"))`);
      expect(lost).toEqual([]);
    });

    it('records the coverage of each province, which core computes the same over the rows read back', async () => {
      expect(Object.keys(result.coverage)).toHaveLength(34);
      const total = Object.values(result.coverage).reduce((s, c) => s + c.residentialAreas, 0);
      expect(total).toBe(1000);
      // Province 75 (Đồng Nai) read back from the database.
      const input = await readNationalInput(getDb());
      const plan = planNational(input, { seed: NATIONAL_SEED, scale: 0.01, province: '75' });
      const rows = emptyTables();
      rows.residentialAreaPlacements = (await getDb().prisma.residentialAreaPlacement.findMany()).map((p) => ({
        ...p,
        validFrom: iso(p.validFrom),
        validTo: iso(p.validTo),
      }));
      rows.models = (await getDb().prisma.model.findMany()).map((m) => ({ ...m, foundedOn: iso(m.foundedOn)!, datasetId: m.datasetId! }));
      rows.organizationPlacements = (await getDb().prisma.organizationPlacement.findMany()).map((p) => ({
        ...p,
        validFrom: iso(p.validFrom),
        validTo: iso(p.validTo),
      }));
      rows.lifecycleEvents = (await getDb().prisma.lifecycleEvent.findMany({ orderBy: [{ modelId: 'asc' }, { seq: 'asc' }] })).map((e) => ({
        ...e,
        date: iso(e.date)!,
        decisionDate: iso(e.decisionDate),
        recordedAt: e.recordedAt.toISOString(),
      }));
      const check = coverage(provinceCoverageData(plan.world, rows, NATIONAL_AS_OF), '75', NATIONAL_AS_OF, { depth: 0 });
      const { name, ...figures } = result.coverage['75']!;
      expect(name).toBe('Thành phố Đồng Nai');
      expect(figures.residentialAreas).toBeGreaterThan(0);
      expect(check.ok && check.coverage).toMatchObject(figures);
    });

    it('refuses a second run, and the demo, with a clear message, writing nothing', async () => {
      const before = await getDb().prisma.residentialArea.count();
      await expect(seedNational(getDb(), { scale: 0.01 })).rejects.toThrow(
        /refused, nothing written: national data is already loaded .*scale 0.01/,
      );
      await expect(seedDemo(getDb())).rejects.toThrow(/national-scale generated data is loaded/);
      expect(await getDb().prisma.residentialArea.count()).toBe(before);
      expect(await getDb().prisma.dataset.count()).toBe(1);
    });

    it.runIf(target === 'postgres' || postgresUnavailable !== null)(
      'holds the same rows on PGlite and PostgreSQL (same arguments, same rows)',
      () => {
        if (postgresUnavailable !== null) return; // only one database: compared with itself below
        expect(digests.get('postgres')).toEqual(digests.get('pglite'));
      },
    );

    it('removes the national data with its dataset, leaving the administrative units; the demo then refuses nothing', async () => {
      const units = await getDb().prisma.adminUnit.count();
      expect(await removeNational(getDb())).toBe(1);
      for (const t of Object.values(TABLES)) {
        const [row] = await q<{ n: number }>(`select count(*)::int as n from "${t.table}"`);
        expect(row!.n, t.table).toBe(0);
      }
      expect(await getDb().prisma.adminUnit.count()).toBe(units);
      await seedDemo(getDb());
      await expect(seedNational(getDb(), { scale: 0.01 })).rejects.toThrow(/the demo data \(Bình Phước\) is loaded/);
    });
  });

  describe('the generator alone, on the units read above', () => {
    const digestOf = (seed: number, scale: number, province?: string) => {
      const plan = planNational(input!, { seed, scale, ...(province ? { province } : {}) });
      const state = new RunState();
      const hash = createHash('sha256');
      for (const p of plan.provinces) hash.update(JSON.stringify(generateProvince(plan, p, state, testSeal, testSealPersonal)));
      return hash.digest('hex');
    };

    it('is deterministic: the same arguments give the same rows, another seed other rows', () => {
      expect(digestOf(7, 0.05, '75')).toBe(digestOf(7, 0.05, '75'));
      expect(digestOf(8, 0.05, '75')).not.toBe(digestOf(7, 0.05, '75'));
    });

    it('gives a province alone the areas, models and teams a national run gives it', () => {
      const national = planNational(input!, { seed: 7, scale: 0.02 });
      const alone = planNational(input!, { seed: 7, scale: 0.02, province: '75' });
      expect(alone.provinces).toHaveLength(1);
      const p = national.provinces.find((x) => x.province.code === '75')!;
      expect(alone.provinces[0]!.communes).toEqual(p.communes);
      const a = generateProvince(national, p, new RunState(), undefined);
      const b = generateProvince(alone, alone.provinces[0]!, new RunState(), undefined);
      expect(b.residentialAreas.map((x) => x.id)).toEqual(a.residentialAreas.map((x) => x.id));
      expect(b.models.map((x) => x.id)).toEqual(a.models.map((x) => x.id));
      expect(b.teamMembers.map((x) => x.fullName)).toEqual(a.teamMembers.map((x) => x.fullName));
      expect(b.tips).toEqual([]); // no sealing given: no tips
    });

    it('rejects a bad scale or an unknown province', () => {
      expect(() => planNational(input!, { seed: 1, scale: 0 })).toThrow(/scale must be a positive number/);
      expect(() => planNational(input!, { seed: 1, scale: 1, province: '70' })).toThrow(/no province of today has the code 70/);
    });
  });
});
