import { beforeAll, describe, expect, it } from 'vitest';
import { usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
beforeAll(() => ({ server } = ctx));

describe('the hierarchy through time (issue #2 contract)', () => {
  it('counts provinces on each side of the 2025 reform', async () => {
    const { data } = await server.query(`{
      before: adminUnits(level: PROVINCE, asOf: "2025-01-01") { totalCount }
      after: adminUnits(level: PROVINCE, asOf: "2025-07-01") { totalCount }
      lastDay: adminUnits(level: PROVINCE, asOf: "2025-06-30") { totalCount }
      districts: adminUnits(level: DISTRICT, asOf: "2025-06-30") { totalCount }
      noDistricts: adminUnits(level: DISTRICT, asOf: "2025-07-01") { totalCount }
      communes2024: adminUnits(level: COMMUNE, asOf: "2024-12-31") { totalCount }
      communesToday: adminUnits(level: COMMUNE) { totalCount }
    }`);
    expect(data).toEqual({
      before: { totalCount: 63 },
      after: { totalCount: 34 },
      lastDay: { totalCount: 63 },
      districts: { totalCount: 696 },
      noDistricts: { totalCount: 0 },
      communes2024: { totalCount: 10035 },
      communesToday: { totalCount: 3321 },
    });
  });

  it('finds Bình Phước in 2024 with its 11 districts, and follows it into Đồng Nai', async () => {
    const { data, errors } = await server.query(`{
      adminUnit(code: "70", asOf: "2024-06-01") {
        code name fullName level kind kindName validFrom validTo asOf parent { code }
        children(first: 100) { totalCount edges { node { code level parent { code } } } }
        successors { kind date unit { code fullName validFrom validTo asOf children { totalCount } } }
        predecessors { kind }
      }
    }`);
    expect(errors).toBeUndefined();
    const unit = (data as any).adminUnit;
    expect(unit).toMatchObject({
      code: '70',
      name: 'Bình Phước',
      fullName: 'Tỉnh Bình Phước',
      level: 'PROVINCE',
      kind: 'TINH',
      kindName: 'Tỉnh',
      validFrom: null,
      validTo: '2025-06-30',
      asOf: '2024-06-01',
      parent: null,
      predecessors: [],
    });
    expect(unit.children.totalCount).toBe(11);
    expect(unit.children.edges).toHaveLength(11);
    expect(unit.children.edges.every((e: any) => e.node.level === 'DISTRICT' && e.node.parent.code === '70')).toBe(true);
    expect(unit.successors).toEqual([
      {
        kind: 'FULL',
        date: '2025-07-01',
        unit: {
          code: '75',
          fullName: 'Tỉnh Đồng Nai',
          validFrom: '2025-07-01',
          validTo: '2026-04-29',
          asOf: '2025-07-01',
          children: { totalCount: 95 },
        },
      },
    ]);
  });

  it('has 111 communes in Bình Phước before the reform', async () => {
    const { data } = await server.query(`{
      adminUnit(code: "70", asOf: "2025-06-30") { children(first: 100) { edges { node { children(first: 100) { totalCount } } } } }
    }`);
    const counts = (data as any).adminUnit.children.edges.map((e: any) => e.node.children.totalCount);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(111);
  });

  it('answers null for a unit that did not hold on the date, and the new Đồng Nai after', async () => {
    const { data } = await server.query(`{
      gone: adminUnit(code: "70", asOf: "2025-08-01") { code }
      dongNai: adminUnit(code: "75", asOf: "2025-08-01") { fullName kind children { totalCount } predecessors { kind unit { code fullName validTo } } }
      city: adminUnit(code: "75", asOf: "2026-06-01") { fullName kind validFrom predecessors { kind date unit { fullName } } children { totalCount } }
      today: adminUnit(code: "75") { fullName }
    }`);
    expect(data).toEqual({
      gone: null,
      dongNai: {
        fullName: 'Tỉnh Đồng Nai',
        kind: 'TINH',
        children: { totalCount: 95 },
        predecessors: [
          { kind: 'FULL', unit: { code: '70', fullName: 'Tỉnh Bình Phước', validTo: '2025-06-30' } },
          { kind: 'FULL', unit: { code: '75', fullName: 'Tỉnh Đồng Nai', validTo: '2025-06-30' } },
        ],
      },
      city: {
        fullName: 'Thành phố Đồng Nai',
        kind: 'THANH_PHO_TRUC_THUOC_TRUNG_UONG',
        validFrom: '2026-04-30',
        predecessors: [{ kind: 'FULL', date: '2026-04-30', unit: { fullName: 'Tỉnh Đồng Nai' } }],
        children: { totalCount: 95 },
      },
      today: { fullName: 'Thành phố Đồng Nai' },
    });
  });

  it.each([
    ['binh phuoc', '2024-06-01', true],
    ['BÌNH PHƯỚC', '2024-06-01', true],
    ['Bình Phước', '2025-08-01', false],
  ])('search %j on %s finds the province: %s', async (search, asOf, found) => {
    const { data } = await server.query<any>(
      `query($s: String!, $d: Date!) { adminUnits(search: $s, asOf: $d, level: PROVINCE) { edges { node { code } } } }`,
      { s: search, d: asOf },
    );
    expect(data.adminUnits.edges.some((e: any) => e.node.code === '70')).toBe(found);
  });

  it('matches names whatever the tone-mark placement', async () => {
    const a = await server.query<any>(
      `{ adminUnits(search: "Hoà Bình", asOf: "2024-06-01", level: PROVINCE) { edges { node { code } } } }`,
    );
    const b = await server.query<any>(
      `{ adminUnits(search: "Hòa Bình", asOf: "2024-06-01", level: PROVINCE) { edges { node { code } } } }`,
    );
    expect(a.data.adminUnits.edges).toEqual([{ node: { code: '17' } }]);
    expect(b.data).toEqual(a.data);
  });

  it('links a reclassified unit under the same code to its successor', async () => {
    const { data } = await server.query<any>(`{
      adminUnits(search: "loc ninh", level: COMMUNE, asOf: "2025-06-30") { edges { node { code fullName successors { kind unit { code fullName } } } } }
    }`);
    const townlet = data.adminUnits.edges.find((e: any) => e.node.fullName === 'Thị trấn Lộc Ninh').node;
    expect(townlet.successors).toContainEqual({ kind: 'FULL', unit: { code: townlet.code, fullName: 'Xã Lộc Ninh' } });
  });
});

describe('relay conventions', () => {
  it('pages with opaque cursors and keeps totalCount', async () => {
    const first = await server.query<any>(
      `{ adminUnits(level: PROVINCE, asOf: "2025-07-01", first: 20) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { code } } } }`,
    );
    const page1 = first.data.adminUnits;
    expect(page1.edges).toHaveLength(20);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await server.query<any>(
      `query($after: String) { adminUnits(level: PROVINCE, asOf: "2025-07-01", first: 20, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { code } } } }`,
      { after: page1.pageInfo.endCursor },
    );
    const page2 = second.data.adminUnits;
    expect(page2.totalCount).toBe(34);
    expect(page2.edges).toHaveLength(14);
    expect(page2.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const codes = [...page1.edges, ...page2.edges].map((e: any) => e.node.code);
    expect(new Set(codes).size).toBe(34);
    expect(codes).toEqual([...codes].sort());
  });

  it('defaults to 20 and refuses more than 100 with a clear error', async () => {
    const ok = await server.query<any>(`{ adminUnits(level: COMMUNE) { edges { cursor } } }`);
    expect(ok.data.adminUnits.edges).toHaveLength(20);
    const tooMany = await server.query(`{ adminUnits(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0]).toMatchObject({
      message:
        'Đối số first phải từ 0 đến 100, nhận được 101: xem tiếp các trang sau bằng "after". / Argument first must be from 0 to 100, got 101: page through longer lists with "after".',
      extensions: { code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE', argument: 'first', value: 101 },
    });
    const nested = await server.query(`{ adminUnit(code: "70", asOf: "2024-01-01") { children(first: 500) { totalCount } } }`);
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const negative = await server.query(`{ adminUnits(first: -1) { totalCount } }`);
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a cursor it did not issue and a date that does not exist', async () => {
    const badCursor = await server.query(`{ adminUnits(after: "not-a-cursor") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await server.query(`{ adminUnit(code: "70", asOf: "2025-02-30") { code } }`);
    expect(badDate.errors?.[0]?.message).toContain('YYYY-MM-DD');
  });

  it('resolves node(id) to the unit, seen on the nearest day it held', async () => {
    const { data } = await server.query<any>(`{ adminUnit(code: "70", asOf: "2024-06-01") { id } }`);
    const id = data.adminUnit.id as string;
    expect(id).not.toContain('70');
    const node = await server.query<any>(
      `query($id: ID!) { node(id: $id) { id ... on AdminUnit { code asOf children { totalCount } } } }`,
      { id },
    );
    expect(node.data.node).toEqual({ id, code: '70', asOf: '2025-06-30', children: { totalCount: 11 } });
    const missing = await server.query<any>(`{ node(id: "QWRtaW5Vbml0OjAxOWFjMDZmLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA==") { id } }`);
    expect(missing.data).toEqual({ node: null });
    const garbage = await server.query<any>(`{ node(id: "%%%") { id } }`);
    expect(garbage.errors?.length).toBe(1);
  });
});

describe('SQL statements', () => {
  const pageQuery = (n: number) => `{
    adminUnits(level: PROVINCE, asOf: "2025-01-01", first: ${n}) {
      totalCount
      edges { node {
        code parent { code } successors { kind unit { code } } predecessors { kind }
        children(first: ${n}) { totalCount edges { node { code parent { code } successors { kind unit { code } } } } }
      } }
    }
  }`;

  it('does not grow with the page size: a page of children with their parents and successors', async () => {
    const small = await server.queryCounting<any>(pageQuery(5));
    const large = await server.queryCounting<any>(pageQuery(50));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data.adminUnits.edges).toHaveLength(5);
    expect(large.body.data.adminUnits.edges).toHaveLength(50);
    expect(large.body.data.adminUnits.edges[0].node.children.edges.length).toBeGreaterThan(5);
    expect(large.statements.length).toBe(small.statements.length);
    // units + count, parents of the units, successors (links + units), predecessors (links + units),
    // children pages, parents of the children, successors of the children (links + units)
    expect(small.statements.length).toMatchInlineSnapshot(`10`);
  });
});

describe('health', () => {
  it('answers /health and /ready', async () => {
    expect((await server.yoga.fetch('http://antq.test/health')).status).toBe(200);
    expect((await server.yoga.fetch('http://antq.test/ready')).status).toBe(200);
  });
});
