/**
 * One answer per unit, date and viewer, in every field (issue #15): every list and aggregate
 * that takes a unit × three dates across the 2025 reform × five unit codes × five viewers.
 * In every cell, the fields that the viewer's role may read at all give the same outcome (the
 * unit the code names on the date, and whether the viewer may see it), and that outcome is
 * the one this table pins; the figures of the issue are pinned below it.
 */
import { seedDemo } from '@antq/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/auth/api-keys.js';
import { tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;

type ViewerName = 'public' | 'national' | 'province75' | 'commune25195' | 'partner75';
const headers = {} as Record<ViewerName, Record<string, string>>;

beforeAll(async () => {
  server = ctx.server;
  await seedDemo(ctx.db);
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  headers.public = {};
  headers.national = await bearer(tokenFor('NATIONAL', null));
  headers.province75 = await bearer(tokenFor('PROVINCE_OFFICER', '75'));
  headers.commune25195 = await bearer(tokenFor('COMMUNE_OFFICER', '25195'));
  const key = await issueApiKey(ctx.db.prisma, {
    name: 'Sở Lao động Đồng Nai',
    scopes: ['read:areas', 'read:models', 'read:aggregates'],
    unitCode: '75',
    issuedBy: 'test',
  });
  headers.partner75 = { 'x-api-key': key.key };
});

const DATES = ['2024-12-31', '2025-06-30', '2025-12-31'] as const;
type Day = (typeof DATES)[number];
const CODES = ['70', '75', '689', '25195', '99999'] as const;
type Code = (typeof CODES)[number];
const VIEWERS: readonly ViewerName[] = ['public', 'national', 'province75', 'commune25195', 'partner75'];

/** A field: the query for a unit on a date (a period's fields end on it), and the figure it answers. */
interface Field {
  readonly name: string;
  readonly query: (code: Code, date: Day) => string;
  readonly figure: (data: any) => number;
  /** Has no date argument: reads the unit on today. */
  readonly onToday?: boolean;
  /** The argument holding the unit code (default unitCode). */
  readonly argument?: string;
  /** Covers the whole unit (the movement report): FORBIDDEN unless all of it lies in the jurisdiction. */
  readonly wholeUnit?: boolean;
}
const year = (date: Day) => `${date.slice(0, 4)}-01-01`;
const asOf = (name: string, extra = ''): Field => ({
  name,
  query: (u, d) => `{ f: ${name}(unitCode: "${u}", asOf: "${d}", first: 1${extra}) { totalCount } }`,
  figure: (data) => data.f.totalCount,
});
const period = (name: string, extra = ''): Field => ({
  name,
  query: (u, d) => `{ f: ${name}(unitCode: "${u}", from: "${year(d)}", to: "${d}", first: 1${extra}) { totalCount } }`,
  figure: (data) => data.f.totalCount,
});
const FIELDS: readonly Field[] = [
  asOf('residentialAreas'),
  asOf('organizations'),
  asOf('models'),
  asOf('securityTeams'),
  asOf('keyAreas'),
  asOf('influentialPeople'),
  asOf('overdueFollowUps'),
  asOf('reintegrationCases'),
  period('inspections'),
  period('outreachActivities'),
  period('exemplars'),
  period('commendations'),
  {
    name: 'tips',
    onToday: true,
    query: (u) => `{ f: tips(unitCode: "${u}", first: 1) { totalCount } }`,
    figure: (data) => data.f.totalCount,
  },
  {
    name: 'coverage',
    query: (u, d) => `{ f: coverage(unitCode: "${u}", asOf: "${d}") { residentialAreas } }`,
    figure: (data) => data.f.residentialAreas,
  },
  {
    name: 'adminUnits',
    query: (u, d) => `{ f: adminUnits(parentCode: "${u}", asOf: "${d}", first: 1) { totalCount } }`,
    figure: (data) => data.f.totalCount,
    argument: 'parentCode',
  },
  {
    name: 'movementReportData',
    query: (u, d) => `{ f: movementReportData(unitCode: "${u}", from: "${year(d)}", to: "${d}") { unit { code } } }`,
    figure: () => 1,
    wholeUnit: true,
  },
  {
    name: 'outreachTotals',
    query: (u, d) => `{ f: outreachTotals(unitCode: "${u}", from: "${year(d)}", to: "${d}", by: FORM) { activities } }`,
    figure: (data) => data.f.activities,
  },
];

interface Outcome {
  readonly code: 'OK' | string;
  readonly message?: string;
  readonly figure?: number;
}

async function outcomeOf(field: Field, code: Code, date: Day, viewer: ViewerName): Promise<Outcome> {
  const body = await server.query<any>(field.query(code, date), undefined, headers[viewer]);
  if (body.errors?.length) {
    const e = body.errors[0]!;
    return { code: String(e.extensions?.code), message: e.message };
  }
  return { code: 'OK', figure: field.figure(body.data) };
}

/** Whether the code names a unit on the date (the reform of 2025-07-01 ended province 70 and the districts, 689 among them). */
const NAMES: Record<Code, Record<Day, boolean>> = {
  '70': { '2024-12-31': true, '2025-06-30': true, '2025-12-31': false },
  '75': { '2024-12-31': true, '2025-06-30': true, '2025-12-31': true },
  '689': { '2024-12-31': true, '2025-06-30': true, '2025-12-31': false },
  // a commune of Bình Phước until 2025-06-30, and today the ward that took in it and five others
  '25195': { '2024-12-31': true, '2025-06-30': true, '2025-12-31': true },
  '99999': { '2024-12-31': false, '2025-06-30': false, '2025-12-31': false },
};

/** The public fields: aggregates and the hierarchy, which know no jurisdiction. */
const PUBLIC = ['coverage', 'outreachTotals', 'adminUnits'];

/** The fields each viewer's role may not read anywhere (the policy, not the jurisdiction): FORBIDDEN whatever the unit. */
const ROLE_MAY_NOT: Record<ViewerName, readonly string[]> = {
  public: FIELDS.map((f) => f.name).filter((n) => !PUBLIC.includes(n)),
  national: [],
  province75: [],
  commune25195: [],
  partner75: ['securityTeams', 'keyAreas', 'overdueFollowUps', 'reintegrationCases', 'inspections', 'tips'],
};

/**
 * The one outcome of a cell: NOT_FOUND when the code names no unit on the date; FORBIDDEN when
 * nothing of the unit lies in the viewer's jurisdiction of today, through the lineage (the old
 * Đồng Nai of 2024 has nothing of today's ward 25195, which was Bình Phước's); OK otherwise.
 * Public aggregates (coverage, outreach totals) know no jurisdiction.
 */
function expected(field: Field, viewer: ViewerName, code: Code, date: Day): 'OK' | 'NOT_FOUND' | 'FORBIDDEN' {
  if (ROLE_MAY_NOT[viewer].includes(field.name)) return 'FORBIDDEN';
  if (!NAMES[code][date]) return 'NOT_FOUND';
  if (PUBLIC.includes(field.name)) return 'OK';
  if (viewer === 'commune25195' && code === '75' && date < '2025-07-01') return 'FORBIDDEN';
  // The report is of the whole unit: a commune officer may read their ward's (and the 2024 commune wholly in it), not a province's.
  if (field.wholeUnit && viewer === 'commune25195' && code !== '25195') return 'FORBIDDEN';
  return 'OK';
}

/** A field without a date (tips) reads the unit on today, whose units are those of 2025-12-31. */
const dayOf = (field: Field, date: Day): Day => (field.onToday ? '2025-12-31' : date);

const CELLS = VIEWERS.flatMap((viewer) => DATES.flatMap((date) => CODES.map((code) => [viewer, date, code] as const)));
const outcomes = new Map<string, Outcome[]>();
const cell = (viewer: ViewerName, date: Day, code: Code) => outcomes.get(`${viewer} ${date} ${code}`)!;
const figureOf = (field: string, viewer: ViewerName, date: Day, code: Code) =>
  cell(viewer, date, code)[FIELDS.findIndex((f) => f.name === field)]!.figure;

describe('every list and aggregate answers a unit, a date and a viewer the same way', () => {
  beforeAll(async () => {
    for (const [viewer, date, code] of CELLS) {
      outcomes.set(`${viewer} ${date} ${code}`, await Promise.all(FIELDS.map((f) => outcomeOf(f, code, date, viewer))));
    }
  });

  it.each(CELLS)('%s, %s, unit %s', (viewer, date, code) => {
    const got = cell(viewer, date, code);
    expect(Object.fromEntries(FIELDS.map((f, i) => [f.name, got[i]!.code]))).toEqual(
      Object.fromEntries(FIELDS.map((f) => [f.name, expected(f, viewer, code, dayOf(f, date))])),
    );
    // The same unit resolution and the same jurisdiction outcome, in the same words, in every field the role may read.
    const judged = FIELDS.map((f, i) => ({ f, o: got[i]! })).filter(
      ({ f, o }) => !ROLE_MAY_NOT[viewer].includes(f.name) && !f.onToday && o.code !== 'OK',
    );
    const words = ({ f, o }: (typeof judged)[number]) => o.message!.replaceAll(f.argument ?? 'unitCode', '…');
    expect(new Set(judged.map(words)).size).toBeLessThanOrEqual(1);
    for (const { f, o } of judged) {
      const argument = f.argument ?? 'unitCode';
      if (o.code === 'NOT_FOUND') expect(o.message).toContain(`"${code}" (argument ${argument})`);
      if (o.code === 'FORBIDDEN')
        expect(o.message).toBe(
          `Đơn vị "${code}" (đối số ${argument}) nằm ngoài phạm vi quản lý của bạn. / Unit "${code}" (argument ${argument}) is outside your jurisdiction.`,
        );
    }
  });

  it('an officer of today’s province 75 sees all of 2024 Bình Phước (866 areas, 834 teams), as national officers do', () => {
    expect(figureOf('residentialAreas', 'province75', '2024-12-31', '70')).toBe(866);
    expect(figureOf('securityTeams', 'province75', '2024-12-31', '70')).toBe(834);
    for (const [viewer, date, code] of CELLS.filter(([v]) => v === 'province75')) {
      expect(cell(viewer, date, code).map((o) => o.figure)).toEqual(cell('national', date, code).map((o) => o.figure));
    }
  });

  it('an officer of today’s ward 25195 sees all 50 areas that became it, in every era, and not today’s 50 as 2024’s commune 25195', () => {
    for (const date of DATES) expect(figureOf('residentialAreas', 'commune25195', date, date < '2025-07-01' ? '70' : '75')).toBe(50);
    expect(figureOf('securityTeams', 'commune25195', '2024-12-31', '70')).toBe(50);
    expect(figureOf('residentialAreas', 'commune25195', '2025-12-31', '25195')).toBe(50);
    // 2024's commune 25195 was one of the six: 8 areas, seen whole.
    expect(figureOf('residentialAreas', 'national', '2024-12-31', '25195')).toBe(8);
    expect(figureOf('securityTeams', 'national', '2024-12-31', '25195')).toBe(8);
  });

  it('answers 2024’s Đồng Nai (75) with its own records, never Bình Phước’s', () => {
    for (const field of FIELDS.filter((f) => !f.onToday && !['outreachTotals', 'adminUnits', 'movementReportData'].includes(f.name))) {
      expect(figureOf(field.name, 'national', '2024-12-31', '75'), field.name).toBe(0);
    }
    expect(figureOf('securityTeams', 'national', '2025-12-31', '75')).toBe(834);
  });

  it('says what an ended unit became: securityTeams("70", "2025-12-31") is NOT_FOUND naming unit 75', async () => {
    const body = await server.query<any>(
      `{ securityTeams(unitCode: "70", asOf: "2025-12-31") { totalCount } }`,
      undefined,
      headers.national,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      argument: 'unitCode',
      unitCode: '70',
      asOf: '2025-12-31',
      became: [{ code: '75', on: '2025-07-01', kind: 'FULL' }],
    });
    expect(body.errors?.[0]?.message).toContain('on 2025-07-01, Tỉnh Bình Phước was merged into 75');
    expect(body.errors?.[0]?.message).toContain('từ ngày 2025-07-01, Tỉnh Bình Phước đã nhập vào 75');
  });
});

describe('credentials and nodes', () => {
  it('refuses a token naming province 70, gone since 2025-07-01, saying what it became', async () => {
    const stale = { authorization: `Bearer ${await tokenFor('PROVINCE_OFFICER', '70')}` };
    const body = await server.query<any>(`{ residentialAreas(unitCode: "75", first: 1) { totalCount } }`, undefined, stale);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    expect(body.errors?.[0]?.message).toContain('merged into 75');
    expect(body.errors?.[0]?.message).toContain("Ask for a new token for today's unit.");
  });

  it('answers null, without an error, for a node outside the jurisdiction (Relay), and the node within it', async () => {
    const list = await server.query<any>(
      `{ residentialAreas(unitCode: "75", first: 1) { edges { node { id } } } }`,
      undefined,
      headers.national,
    );
    const id = list.data.residentialAreas.edges[0].node.id;
    const hanoi = { authorization: `Bearer ${await tokenFor('PROVINCE_OFFICER', '01')}` };
    const outside = await server.query<any>(`query($id: ID!) { node(id: $id) { id } }`, { id }, hanoi);
    expect(outside.data).toEqual({ node: null });
    expect(outside.errors).toBeUndefined();
    const inside = await server.query<any>(`query($id: ID!) { node(id: $id) { id } }`, { id }, headers.province75);
    expect(inside.data).toEqual({ node: { id } });
  });
});
