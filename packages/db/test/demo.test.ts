import {
  buildLifecycle,
  checkMemberEligibility,
  checkTeamComposition,
  checkTeamEvaluation,
  coverage,
  coverageThroughLineage,
  CATALOGUE_SCOPES,
  EDUCATION_LEVELS,
  HOST_KINDS,
  LIFECYCLE_EVENT_KINDS,
  MODEL_BUILDERS,
  MODEL_CATEGORIES,
  MODEL_EFFECTIVENESS,
  ORGANIZATION_KINDS,
  ENTERPRISE_SIZES,
  SCHOOL_LEVELS,
  RESIDENTIAL_AREA_KINDS,
  TEAM_EVALUATION_LEVELS,
  TEAM_ROLES,
  prescribedTeamSize,
  stateOn,
  canRateModel,
  FOLLOW_UP_STATUSES,
  INSPECTION_KINDS,
  INSPECTION_RATINGS,
  INSPECTION_STATUSES,
  INSPECTION_SUBJECT_KINDS,
  MENTOR_KINDS,
  OUTREACH_AUDIENCES,
  OUTREACH_FORMS,
  PARTNER_KINDS,
  REINTEGRATION_STATUSES,
  type IsoDate,
} from '@antq/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/database.js';
import { checkCoverageSteps } from '../src/coverage-steps.js';
import { readCoverageData } from '../src/coverage-rows.js';
import { lineageLinkOf } from '../src/hierarchy.js';
import { importAdminUnits } from '../src/admin-units/import.js';
import * as prismaEnums from '../src/generated/prisma/enums.js';
import {
  DEMO_MODEL_RATING_MINIMUM_DAYS,
  DEMO_SEED,
  DEMO_TABLES,
  DEMO_TEAM_EVALUATION_YEAR,
  DEMO_TEAM_SIZE_PACK,
  generateDemo,
  readDemoInput,
  removeDemo,
  seedDemo,
  type SeedDemoResult,
} from '../src/demo/index.js';
import { describeEachDatabase, postgresUnavailable, type TargetName } from './support/databases.js';
import { rowEstimates } from './support/statistics.js';

// One import of the real units and one seedDemo per database (plus, on PGlite, one seed
// of a copy of the imported database for the determinism check).

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date | null): IsoDate | null => (d ? d.toISOString().slice(0, 10) : null);
const FIVE_NAMED = [
  'Tổ an ninh nhân dân',
  'Đội dân phòng',
  'Tổ xung kích phòng, chống tội phạm',
  'Đội xe ôm tự quản',
  'Khu dân cư không có tội phạm ẩn náu hoạt động',
];

/** Tables whose rows name a commune by AdminUnit id. */
const WITH_COMMUNE = new Set(['ResidentialAreaPlacement', 'OrganizationPlacement', 'Model', 'SecurityTeam']);

/**
 * A digest of every demo row, sorted, per table (Dataset without its load time): equal
 * means identical rows. The ids of administrative units are made by each database's
 * import, so a row's commune is named by code and first day instead of its id.
 */
async function demoDigest(db: Database): Promise<Record<string, string>> {
  const tables = ['Dataset', ...Object.values(DEMO_TABLES)];
  const digest = (t: string, row: string, from: string) =>
    `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(r, E'\\n' order by r collate "C"), '')) as h from (select ${row} as r from ${from}) s`;
  const parts = tables.map((t) =>
    t === 'Dataset'
      ? digest(t, `concat_ws('|', id, kind, name, seed, parameters, summary)`, '"Dataset"')
      : WITH_COMMUNE.has(t)
        ? digest(
            t,
            `(to_jsonb(x) - 'communeId')::text || coalesce(u.code || '@' || coalesce(u."validFrom"::text, 'start'), '')`,
            `"${t}" x left join "AdminUnit" u on u.id = x."communeId"`,
          )
        : digest(t, 'to_jsonb(x)::text', `"${t}" x`),
  );
  const rows = await db.prisma.$queryRawUnsafe<Array<{ t: string; n: number; h: string }>>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

describe('the Prisma enums of movement.prisma', () => {
  it("are @antq/core's value sets, value for value", () => {
    const pairs: Array<[keyof typeof prismaEnums, readonly string[]]> = [
      ['ResidentialAreaKind', RESIDENTIAL_AREA_KINDS],
      ['OrganizationKind', ORGANIZATION_KINDS],
      ['EnterpriseSize', ENTERPRISE_SIZES],
      ['SchoolLevel', SCHOOL_LEVELS],
      ['HostKind', HOST_KINDS],
      ['ModelCategory', MODEL_CATEGORIES],
      ['CatalogueScope', CATALOGUE_SCOPES],
      ['ModelBuilder', MODEL_BUILDERS],
      ['LifecycleEventKind', LIFECYCLE_EVENT_KINDS],
      ['ModelEffectiveness', MODEL_EFFECTIVENESS],
      ['TeamRole', TEAM_ROLES],
      ['TeamEvaluationLevel', TEAM_EVALUATION_LEVELS],
      ['EducationLevel', EDUCATION_LEVELS],
      // activities.prisma
      ['InspectionKind', INSPECTION_KINDS],
      ['InspectionSubjectKind', INSPECTION_SUBJECT_KINDS],
      ['InspectionStatus', INSPECTION_STATUSES],
      ['InspectionRating', INSPECTION_RATINGS],
      ['FollowUpStatus', FOLLOW_UP_STATUSES],
      ['OutreachForm', OUTREACH_FORMS],
      ['OutreachAudience', OUTREACH_AUDIENCES],
      ['PartnerKind', PARTNER_KINDS],
      ['ReintegrationStatus', REINTEGRATION_STATUSES],
      ['MentorKind', MENTOR_KINDS],
    ];
    for (const [name, core] of pairs) expect(Object.values(prismaEnums[name]), name).toEqual([...core]);
  });
});

/** Fingerprints of the demo rows per target, to compare PGlite with PostgreSQL. */
const digests = new Map<TargetName, Record<string, string>>();

describe('demo data', () => {
  describeEachDatabase('seedDemo', (getDb, target) => {
    let withoutUnits: unknown;
    let imported: Blob | undefined;
    let first: SeedDemoResult;
    const progress: string[] = [];
    const q = <T = any>(sql: string) => getDb().prisma.$queryRawUnsafe<T[]>(sql);

    beforeAll(async () => {
      withoutUnits = await seedDemo(getDb()).catch((error: unknown) => error);
      await importAdminUnits(getDb());
      if (target === 'pglite' && postgresUnavailable !== null) imported = await getDb().dump();
      first = await seedDemo(getDb(), { progress: (m) => progress.push(m) });
      console.log(
        `[demo] seedDemo on ${target}: ${(first.ms / 1000).toFixed(2)} s for ${Object.values(first.counts).reduce((s, n) => s + n, 0)} rows`,
      );
      digests.set(target, await demoDigest(getDb()));
    });

    it('refuses to run before the administrative units are imported, saying so', () => {
      expect(withoutUnits).toBeInstanceOf(Error);
      expect((withoutUnits as Error).message).toMatch(/no province 70 valid on 2024-12-31.*import/i);
    });

    it('loads the demo with seed 866, showing progress, including the check with core', () => {
      expect(first).toMatchObject({ created: true, seed: DEMO_SEED });
      expect(progress.some((m) => m.includes('11 districts, 111 communes'))).toBe(true);
      expect(progress.some((m) => m.includes('checked with core: 866/866 residential areas'))).toBe(true);
      expect(progress.at(-1)).toMatch(/^demo: loaded seed 866 as dataset .* in [\d.]+ s$/);
      expect(progress.at(-2)).toMatch(/^demo: \d+ tables vacuumed and analysed \(\d+ ms\)$/);
    });

    it('vacuums and analyses the tables it loaded: the planner has statistics at once (PGlite has no autovacuum)', async () => {
      const tables = [
        'ResidentialArea',
        'ResidentialAreaPlacement',
        'Model',
        'LifecycleEvent',
        'SecurityTeam',
        'Inspection',
        'CoverageStep',
        'Dataset',
      ];
      const estimates = await rowEstimates(getDb(), tables);
      expect(Object.keys(estimates).sort()).toEqual([...tables].sort());
      expect(Object.entries(estimates).filter(([, n]) => n < 1)).toEqual([]);
    });

    it('files every placement and team under its commune and the units above it, for jurisdiction checks', async () => {
      const before = await q<{ n: bigint }>(
        `select count(*) as n from "ResidentialAreaPlacement" where "validTo" = '2025-06-30' and array_length("placeCodes", 1) = 3 and "placeCodes"[3] = '70' and "placeCodes"[1] = "communeCode"`,
      );
      const after = await q<{ n: bigint }>(
        `select count(*) as n from "ResidentialAreaPlacement" where "validFrom" >= '2025-07-01' and "placeCodes" = array["communeCode", '75']`,
      );
      const teams = await q<{ n: bigint }>(
        `select count(*) as n from "SecurityTeam" where "placeCodes"[1] = "communeCode" and "placeCodes"[3] = '70' and '75' = any("placeCodes")`,
      );
      expect(Number(before[0]!.n)).toBe(866);
      expect(Number(after[0]!.n)).toBeGreaterThanOrEqual(866);
      expect(Number(teams[0]!.n)).toBe(834);
    });

    it('has 2024 inspections with follow-ups (some overdue), outreach in every form and audience with the festival day, filed under then and now', async () => {
      const [i] =
        await q(`select count(*)::int as n, count(*) filter (where status = 'DONE')::int as done, count(*) filter (where status = 'PLANNED')::int as planned,
        count(*) filter (where status = 'CANCELLED')::int as cancelled, count(distinct "unitCode")::int as communes,
        count(*) filter (where not ("placeCodes" @> array['70', '75']))::int as unfiled from "Inspection"`);
      expect(i).toMatchObject({ communes: 111, unfiled: 0 });
      expect(i.done).toBeGreaterThan(100);
      expect(i.planned).toBeGreaterThan(0);
      expect(i.cancelled).toBeGreaterThan(0);
      // Overdue on 2024-12-31: open then, due before it (core's followUpStateOn, in SQL).
      const [f] =
        await q(`select count(*)::int as n, count(*) filter (where "dueOn" < '2024-12-31' and ("closedOn" is null or "closedOn" > '2024-12-31') and "setOn" <= '2024-12-31')::int as overdue,
        count(*) filter (where status = 'DONE')::int as done from "InspectionFollowUp"`);
      expect(f.overdue).toBeGreaterThan(10);
      expect(f.done).toBeGreaterThan(f.overdue);
      const forms = await q<{ form: string }>(
        `select distinct form::text from "OutreachActivity" where "heldOn" between '2024-01-01' and '2024-12-31' order by 1`,
      );
      expect(forms.map((r) => r.form)).toEqual([...OUTREACH_FORMS].sort());
      const audiences = await q<{ a: string }>(`select distinct unnest(audiences)::text as a from "OutreachActivity" order by 1`);
      expect(audiences.map((r) => r.a)).toEqual([...OUTREACH_AUDIENCES].sort());
      const [festival] = await q(
        `select count(*)::int as n, count(*) filter (where 'ARMY' = any(partners))::int as army from "OutreachActivity" where "heldOn" = '2024-08-19' and form = 'FESTIVAL_DAY'`,
      );
      expect(festival.n).toBeGreaterThan(50);
      expect(festival.army).toBeGreaterThan(0);
      // Personal data is written only sealed: without a sealing key there are no cases.
      expect(await getDb().prisma.reintegrationCase.count()).toBe(0);
      expect(progress.some((m) => m.includes('re-integration cases left out'))).toBe(true);
    });

    it('has exactly 866 residential areas, every one of the 111 communes of 2024-12-31 with at least one', async () => {
      expect(await getDb().prisma.residentialArea.count()).toBe(866);
      const [row] = await q(`
        select count(distinct c.id)::int as communes, count(distinct p."residentialAreaId")::int as areas,
               min(n)::int as fewest, max(n)::int as most
        from "AdminUnit" c
        join "AdminUnit" d on d.code = c."parentCode" and d."parentCode" = '70' and d."validTo" = '2025-06-30'
        join lateral (select count(*) as n from "ResidentialAreaPlacement" x where x."communeId" = c.id) k on true
        left join "ResidentialAreaPlacement" p on p."communeId" = c.id and p."validTo" = '2025-06-30'
        where c.level = 'COMMUNE' and c."validTo" = '2025-06-30'`);
      expect(row).toMatchObject({ communes: 111, areas: 866 });
      expect(row.fewest).toBeGreaterThanOrEqual(3);
    });

    it('names and kinds areas plausibly: ấp or thôn in a xã, khu phố or tổ dân phố in a phường or thị trấn', async () => {
      const rows = await q<{ kind: string; commune_kind: string; name: string }>(`
        select a.kind, c.kind as commune_kind, a.name from "ResidentialArea" a
        join "ResidentialAreaPlacement" p on p."residentialAreaId" = a.id and p."validFrom" is null
        join "AdminUnit" c on c.id = p."communeId"`);
      expect(rows).toHaveLength(866);
      for (const r of rows) {
        expect(r.commune_kind === 'XA' ? ['AP', 'THON'] : ['KHU_PHO', 'TO_DAN_PHO']).toContain(r.kind);
        expect(r.name).toMatch(/^(Ấp|Thôn|Khu phố|Tổ dân phố) (\d+|\p{Lu}[\p{L} ]+)$/u);
      }
      const names = new Set(rows.map((r) => r.name));
      for (const n of ['Ấp 3', 'Khu phố 5']) expect(names).toContain(n);
      expect([...names].some((n) => /^Ấp \p{Lu}/u.test(n))).toBe(true);
    });

    it('places every area in its commune until 2025-06-30 and from 2025-07-01 in the Đồng Nai commune the lineage names', async () => {
      const rows = await q<{ bad: number; placed: number }>(`
        select count(*) filter (where not ok)::int as bad, count(*)::int as placed from (
          select a.id, bool_and(
            (old.id is not null) and (new.id is not null) and l."predecessorId" is not null
          ) as ok
          from "ResidentialArea" a
          left join "ResidentialAreaPlacement" o on o."residentialAreaId" = a.id and o."validFrom" is null and o."validTo" = '2025-06-30'
          left join "AdminUnit" old on old.id = o."communeId" and old."validTo" = '2025-06-30'
          left join "ResidentialAreaPlacement" n on n."residentialAreaId" = a.id and n."validFrom" = '2025-07-01'
          left join "AdminUnit" new on new.id = n."communeId" and new."parentCode" = '75' and new."validFrom" = '2025-07-01'
          left join "LineageLink" l on l."predecessorId" = old.id and l."successorId" = new.id
          group by a.id) t`);
      expect(rows[0]).toEqual({ bad: 0, placed: 866 });
      // Placements are contiguous and inside their commune's validity; Thị trấn Lộc Ninh's areas
      // go on to Phường Lộc Ninh (25270) on 2026-04-30.
      const [gaps] = await q(`
        select count(*)::int as outside from "ResidentialAreaPlacement" p join "AdminUnit" u on u.id = p."communeId"
        where (u."validFrom" is not null and (p."validFrom" is null or p."validFrom" < u."validFrom"))
           or (u."validTo" is not null and (p."validTo" is null or p."validTo" > u."validTo"))`);
      expect(gaps.outside).toBe(0);
      const locNinh = await q(`
        select u."fullName", p."validFrom"::text as "from", p."validTo"::text as "to" from "ResidentialAreaPlacement" p
        join "AdminUnit" u on u.id = p."communeId"
        where p."residentialAreaId" = (select "residentialAreaId" from "ResidentialAreaPlacement" where "communeCode" = '25270' and "validFrom" is null limit 1)
        order by p."validFrom" nulls first`);
      expect(locNinh).toEqual([
        { fullName: 'Thị trấn Lộc Ninh', from: null, to: '2025-06-30' },
        { fullName: 'Xã Lộc Ninh', from: '2025-07-01', to: '2026-04-29' },
        { fullName: 'Phường Lộc Ninh', from: '2026-04-30', to: null },
      ]);
    });

    it("has Bình Phước's provincial catalogue of 14 model types, the five of the report among them", async () => {
      const catalogue = await getDb().prisma.modelCatalogue.findFirstOrThrow({ where: { provinceCode: '70' }, include: { types: true } });
      expect(catalogue).toMatchObject({ scope: 'PROVINCIAL', provinceCode: '70' });
      expect(catalogue.types).toHaveLength(14);
      const names = catalogue.types.map((t) => t.name);
      for (const n of [
        ...FIVE_NAMED,
        'Camera an ninh',
        'Tổ liên gia tự quản',
        'Giáo xứ bình yên',
        'Chợ an toàn về ANTT',
        'Tiếng kẻng an ninh',
      ])
        expect(names).toContain(n);
    });

    it('covers all 866 areas with an ACTIVE model on 2024-12-31, with all 14 types active: core coverage over the rows read back', async () => {
      const data = await readCoverageData(getDb().prisma, '2024-12-31');
      const links = (await getDb().prisma.lineageLink.findMany()).map(lineageLinkOf);
      const r = coverage(data, '70', '2024-12-31');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.problems).toEqual([]);
      expect(r.coverage).toMatchObject({ residentialAreas: 866, residentialAreasWithActiveModel: 866, modelTypes: 14 });
      expect(r.coverage.byChild).toHaveLength(11);
      for (const d of r.coverage.byChild) expect(d.residentialAreasWithActiveModel).toBe(d.residentialAreas);
      // The same figures after the reform, through the lineage (the API's coverage(75, 2025-12-31, lineage: true)).
      const l = coverageThroughLineage(data, links, '75', { figuresOn: '2024-12-31', unitsOn: '2025-12-31' });
      expect(l.ok).toBe(true);
      if (!l.ok) return;
      expect(l.attributed).toMatchObject({ residentialAreas: 866, residentialAreasWithActiveModel: 866, modelTypes: 14 });
      expect(l.partial).toEqual([]);
      expect(l.unmapped).toEqual([]);
    });

    it('gives models legal, dated lifecycles (2019–2024), with some suspended, resumed and dissolved', async () => {
      const events = await getDb().prisma.lifecycleEvent.findMany({ orderBy: [{ modelId: 'asc' }, { date: 'asc' }, { seq: 'asc' }] });
      const byModel = new Map<string, Array<{ kind: (typeof events)[number]['kind']; date: IsoDate }>>();
      for (const e of events) byModel.set(e.modelId, [...(byModel.get(e.modelId) ?? []), { kind: e.kind, date: iso(e.date)! }]);
      expect(byModel.size).toBe(await getDb().prisma.model.count());
      const states = new Map<string, number>();
      for (const list of byModel.values()) {
        const life = buildLifecycle(list);
        expect(life.ok).toBe(true);
        if (!life.ok) continue;
        const state = stateOn(life.lifecycle, '2024-12-31') ?? 'NONE';
        states.set(state, (states.get(state) ?? 0) + 1);
        expect(list[0]!.kind).toBe('PROPOSE');
        expect(list.every((e) => e.date >= '2019-01-01' && e.date <= '2024-12-31')).toBe(true);
      }
      expect(states.get('SUSPENDED')).toBeGreaterThan(20);
      expect(states.get('DISSOLVED')).toBeGreaterThan(20);
      expect(states.get('ACTIVE')).toBeGreaterThan(1_500);
      expect(events.filter((e) => e.kind === 'RESUME').length).toBeGreaterThan(20);
      const [replication] =
        await q(`select count(*)::int as n, count(*) filter (where s."modelTypeId" <> r."modelTypeId")::int as other_type
        from "ReplicationPoint" p join "Model" s on s.id = p."sourceModelId" join "Model" r on r.id = p."replicaModelId"`);
      expect(replication.n).toBeGreaterThan(50);
      expect(replication.other_type).toBe(0);
    });

    it('rates models for 2023 and 2024 only after they have run the minimum time', async () => {
      const evaluations = await getDb().prisma.modelEvaluation.findMany({
        include: { model: { include: { events: { orderBy: [{ date: 'asc' }, { seq: 'asc' }] } } } },
      });
      expect(evaluations.filter((e) => iso(e.periodFrom) === '2024-01-01').length).toBeGreaterThan(1_000);
      for (const e of evaluations) {
        const life = buildLifecycle(e.model.events.map((x) => ({ kind: x.kind, date: iso(x.date)! })));
        if (!life.ok) throw new Error('illegal lifecycle');
        expect(canRateModel(life.lifecycle, iso(e.evaluatedOn)!, DEMO_MODEL_RATING_MINIMUM_DAYS).pass).toBe(true);
      }
      const effective = evaluations.filter((e) => e.outcome === 'EFFECTIVE').length / evaluations.length;
      expect(effective).toBeGreaterThan(0.7);
      expect(effective).toBeLessThan(0.95);
    });

    it('forms security teams from 2024-07-01 only, one per one or two areas, every area covered once, sized by the rule pack', async () => {
      const teams = await getDb().prisma.securityTeam.findMany({
        include: { areas: { include: { residentialArea: true } }, members: true, commune: true },
      });
      expect(teams.length).toBeGreaterThan(700);
      expect(teams.every((t) => iso(t.establishedOn)! >= '2024-07-01' && iso(t.establishedOn)! <= '2024-12-31')).toBe(true);
      expect(teams.filter((t) => iso(t.establishedOn) === '2024-07-01').length).toBeGreaterThan(teams.length / 2);
      const covered = teams.flatMap((t) => t.areas.map((a) => a.residentialAreaId));
      expect(new Set(covered).size).toBe(866);
      expect(covered).toHaveLength(866);
      for (const t of teams) {
        expect([1, 2]).toContain(t.areas.length);
        const households = t.areas.reduce((s, a) => s + a.residentialArea.households!, 0);
        const size = prescribedTeamSize([DEMO_TEAM_SIZE_PACK], { provinceCode: '70', households, keyArea: false }, iso(t.establishedOn)!);
        if (!size.ok) throw new Error(size.error.code);
        expect(
          checkTeamComposition(
            t.members.map((m) => m.role),
            size.members,
          ).pass,
        ).toBe(true);
        expect(t.members.filter((m) => m.role === 'DEPUTY')).toHaveLength(1);
        for (const m of t.members) {
          const verdict = checkMemberEligibility(
            {
              birthDate: iso(m.birthDate)!,
              cleanRecord: m.cleanRecord,
              education: m.education,
              residentSince: iso(m.residentSince),
              hasHealthCertificate: m.hasHealthCertificate,
            },
            { date: iso(t.establishedOn)!, borderMountainOrEthnicMinorityArea: false },
          );
          expect(verdict.failures).toEqual([]);
        }
      }
    });

    it('gives people well-formed, visibly fake personal data', async () => {
      const people = [
        ...(await getDb().prisma.teamMember.findMany({ select: { fullName: true, citizenId: true, phone: true, birthDate: true } })),
        ...(await getDb().prisma.modelMember.findMany({ select: { fullName: true, citizenId: true, phone: true, birthDate: true } })),
      ];
      expect(people.length).toBeGreaterThan(3_000);
      for (const p of people) {
        expect(p.citizenId).toMatch(/^000[0-3]\d{8}$/); // province of birth "000" does not exist
        expect(p.citizenId!.slice(4, 6)).toBe(iso(p.birthDate)!.slice(2, 4));
        expect(p.phone).toMatch(/^0[3789]0000\d{4}$/);
        expect(p.fullName).toMatch(/^\p{Lu}\p{Ll}* \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*$/u);
      }
      expect(new Set(people.map((p) => p.citizenId)).size).toBe(people.length);
    });

    it(`rates teams and members for ${DEMO_TEAM_EVALUATION_YEAR} within Guidance 01/HD-BCA-V05, commune by commune`, async () => {
      const teams = await getDb().prisma.securityTeam.findMany({
        include: {
          evaluations: true,
          members: { include: { evaluations: true } },
          areas: { take: 1, include: { residentialArea: { include: { placements: true } } } },
        },
      });
      const byCommune = new Map<string, typeof teams>();
      for (const t of teams) {
        const commune = t.areas[0]!.residentialArea.placements.find((p) => iso(p.validFrom) === '2025-07-01')!.communeId;
        byCommune.set(commune, [...(byCommune.get(commune) ?? []), t]);
      }
      let rated = 0;
      for (const list of byCommune.values()) {
        const verdict = checkTeamEvaluation({
          year: DEMO_TEAM_EVALUATION_YEAR,
          teams: list.map((t) => {
            const e = t.evaluations.find((x) => x.year === DEMO_TEAM_EVALUATION_YEAR)!;
            rated++;
            return {
              id: t.id,
              activeSince: iso(t.establishedOn)!,
              tasksAssigned: e.tasksAssigned,
              tasksCompleted: e.tasksCompleted,
              level: e.level,
              members: t.members.map((m) => {
                const me = m.evaluations[0]!;
                return {
                  id: m.id,
                  role: m.role,
                  activeSince: iso(m.joinedOn)!,
                  tasksAssigned: me.tasksAssigned,
                  tasksCompleted: me.tasksCompleted,
                  level: me.level,
                };
              }),
            };
          }),
        });
        expect(verdict.failures).toEqual([]);
      }
      expect(rated).toBe(teams.length);
    });

    it('marks every top-level row as demo data of one DEMO dataset', async () => {
      const [dataset, ...others] = await getDb().prisma.dataset.findMany();
      expect(others).toEqual([]);
      expect(dataset).toMatchObject({ id: first.datasetId, kind: 'DEMO', seed: DEMO_SEED });
      expect(dataset!.summary).toEqual(first.counts);
      expect(dataset!.parameters).toMatchObject({
        provinceCode: '70',
        asOf: '2024-12-31',
        teamSizePack: { provinceCode: '70', status: 'DRAFT' },
      });
      for (const table of ['ResidentialArea', 'Organization', 'ModelCatalogue', 'Model', 'SecurityTeam']) {
        const [row] = await q(
          `select count(*)::int as n, count(*) filter (where "datasetId" is distinct from '${first.datasetId}')::int as unmarked from "${table}"`,
        );
        expect(row).toMatchObject({ unmarked: 0 });
        expect(row.n).toBeGreaterThan(0);
      }
    });

    it('is idempotent: a second seedDemo writes nothing', async () => {
      const queries: string[] = [];
      const stop = getDb().onQuery((e) => queries.push(e.query));
      const again = await seedDemo(getDb());
      stop();
      expect(again).toMatchObject({ created: false, datasetId: first.datasetId, counts: first.counts });
      expect(queries.filter((s) => /^\s*(insert|update|delete)/i.test(s))).toEqual([]);
      expect(await demoDigest(getDb())).toEqual(digests.get(target));
    });

    it('keeps a model to exactly one host, the one hostKind names (the CHECK constraint of the migration)', async () => {
      const { prisma } = getDb();
      const type = await prisma.modelType.findFirstOrThrow({ where: { code: 'CAMERA_AN_NINH' } });
      const area = await prisma.residentialArea.findFirstOrThrow();
      const org = await prisma.organization.findFirstOrThrow();
      const base = { name: 'Camera an ninh (thử)', modelTypeId: type.id, foundedOn: day('2024-01-01'), builtBy: 'POLICE' as const };
      await expect(prisma.model.create({ data: { ...base, hostKind: 'RESIDENTIAL_AREA', organizationId: org.id } })).rejects.toThrow(
        /Model_host_check/,
      );
      await expect(
        prisma.model.create({ data: { ...base, hostKind: 'ORGANIZATION', organizationId: org.id, residentialAreaId: area.id } }),
      ).rejects.toThrow(/Model_host_check/);
      const ok = await prisma.model.create({ data: { ...base, hostKind: 'ORGANIZATION', organizationId: org.id } });
      expect(ok).toMatchObject({ version: 1, datasetId: null });
      expect(ok.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // uuid v7 (made by the Prisma client) for the API's rows
      await prisma.model.delete({ where: { id: ok.id } });
    });

    it('refuses a second demo dataset of another seed', async () => {
      await expect(seedDemo(getDb(), { seed: 1 })).rejects.toThrow(/seed 866 is already loaded; remove it first/);
      await expect(seedDemo(getDb(), { seed: 1.5 })).rejects.toThrow(/integer/);
    });

    // Determinism: the PGlite and the PostgreSQL databases are two fresh databases seeded
    // with the same seed. Without a PostgreSQL server, a copy of the PGlite database taken
    // before seeding serves as the second one.
    it.runIf(target === 'postgres')(
      'is deterministic: PostgreSQL holds exactly the rows PGlite got from the same seed, ids included',
      () => {
        if (!digests.has('pglite')) return; // the PGlite block did not run
        expect(digests.get('postgres')).toEqual(digests.get('pglite'));
      },
    );

    it.runIf(target === 'pglite' && postgresUnavailable !== null)(
      'is deterministic: a fresh copy of the database seeded with the same seed holds the same rows',
      async () => {
        const copy = await openDatabase({ kind: 'pglite', dataDir: 'memory', loadDataDir: imported! });
        try {
          await seedDemo(copy);
          expect(await demoDigest(copy)).toEqual(digests.get('pglite'));
        } finally {
          await copy.close();
        }
      },
    );

    it.runIf(target === 'pglite')('generates the same rows from the same seed, and other rows and ids from another', async () => {
      const input = await readDemoInput(getDb());
      const other = generateDemo(input, 7);
      expect(generateDemo(input, 7)).toEqual(other);
      expect(other.residentialAreas).toHaveLength(866);
      const mine = new Set((await getDb().prisma.residentialArea.findMany({ select: { id: true } })).map((a) => a.id));
      expect(other.residentialAreas.some((a) => mine.has(a.id))).toBe(false);
      expect(other.residentialAreas.map((a) => a.name)).not.toEqual(generateDemo(input, DEMO_SEED).residentialAreas.map((a) => a.name));
    });

    it('keeps coverage steps right when two transactions write to one commune at once', async () => {
      const db = getDb();
      expect(await checkCoverageSteps(db.prisma)).toMatchObject({ missing: 0, extra: 0 });
      const [found] = await q<{ communeId: string }>(
        `select p."communeId" from "Model" m join "ResidentialAreaPlacement" p on p."residentialAreaId" = m."residentialAreaId" group by 1 having count(distinct m.id) >= 2 limit 1`,
      );
      const communeId = found!.communeId;
      const models = await q<{ id: string; seq: number }>(
        `select m.id, max(e.seq) as seq from "Model" m join "ResidentialAreaPlacement" p on p."residentialAreaId" = m."residentialAreaId" join "LifecycleEvent" e on e."modelId" = m.id
         where p."communeId" = '${communeId}' group by m.id order by m.id limit 2`,
      );
      // Both write, then wait for each other before committing: without the lock per commune,
      // each refresh would see only its own event and one of them would be lost.
      let arrived = 0;
      const bothWrote = new Promise<void>((resolve) => {
        const poll = setInterval(() => arrived >= 2 && (clearInterval(poll), resolve()), 10);
      });
      const write = (m: { id: string; seq: number }) =>
        db.prisma.$transaction(async (tx) => {
          await tx.lifecycleEvent.create({
            data: { modelId: m.id, kind: 'DISSOLVE', date: day('2024-02-01'), seq: Number(m.seq) + 1 },
          });
          arrived += 1;
          if (target === 'postgres') await Promise.race([bothWrote, new Promise((r) => setTimeout(r, 2_000))]);
        });
      await Promise.all(models.map(write));
      expect(await checkCoverageSteps(db.prisma)).toMatchObject({ missing: 0, extra: 0 });
    });

    it('removes the demo data with its dataset, leaving the administrative units', async () => {
      expect(await removeDemo(getDb())).toBe(1);
      expect(await getDb().prisma.coverageStep.count()).toBe(0);
      const counts = await demoDigest(getDb());
      for (const [table, digest] of Object.entries(counts)) expect([table, digest.split(':')[0]]).toEqual([table, '0']);
      expect(await getDb().prisma.adminUnit.count()).toBe(14_150);
    });
  });
});
