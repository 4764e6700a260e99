// Waits for a started server and checks the answers the README and issue #2 promise.
import { execFileSync } from 'node:child_process';

// usage: node .ci/smoke.mjs <base-url> <timeout-seconds> [server-pid]
const [base = 'http://localhost:4000', timeout = '600', pid] = process.argv.slice(2);
const deadline = Date.now() + Number(timeout) * 1000;

const alive = () => {
  if (!pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};

async function ready() {
  while (Date.now() < deadline && alive()) {
    try {
      if ((await fetch(`${base}/ready`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

async function query(q, variables, headers = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: q, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const checks = [
  [
    '63 provinces on 2025-01-01',
    `{ adminUnits(level: PROVINCE, asOf: "2025-01-01") { totalCount } }`,
    (d) => d.adminUnits.totalCount === 63,
  ],
  [
    '34 provinces on 2025-07-01',
    `{ adminUnits(level: PROVINCE, asOf: "2025-07-01") { totalCount } }`,
    (d) => d.adminUnits.totalCount === 34,
  ],
  [
    'Tỉnh Bình Phước with 11 children in 2024',
    `{ adminUnit(code: "70", asOf: "2024-06-01") { fullName children { totalCount } } }`,
    (d) => d.adminUnit?.fullName === 'Tỉnh Bình Phước' && d.adminUnit.children.totalCount === 11,
  ],
  ['code 70 is null on 2025-08-01', `{ adminUnit(code: "70", asOf: "2025-08-01") { code } }`, (d) => d.adminUnit === null],
  [
    'Tỉnh Đồng Nai has 95 communes on 2025-08-01',
    `{ adminUnit(code: "75", asOf: "2025-08-01") { fullName children { totalCount } } }`,
    (d) => d.adminUnit?.fullName === 'Tỉnh Đồng Nai' && d.adminUnit.children.totalCount === 95,
  ],
  [
    'code 75 is Thành phố Đồng Nai on 2026-06-01',
    `{ adminUnit(code: "75", asOf: "2026-06-01") { fullName } }`,
    (d) => d.adminUnit?.fullName === 'Thành phố Đồng Nai',
  ],
  [
    "Bình Phước's successor is Đồng Nai (FULL)",
    `{ adminUnit(code: "70", asOf: "2024-06-01") { successors { kind unit { code } } } }`,
    (d) => JSON.stringify(d.adminUnit.successors) === '[{"kind":"FULL","unit":{"code":"75"}}]',
  ],
  [
    'coverage of Bình Phước at the end of 2024: 866/866 areas, 14 model types (demo data)',
    `{ coverage(unitCode: "70", asOf: "2024-12-31") { residentialAreas residentialAreasWithActiveModel modelTypes byChild { residentialAreas } } }`,
    (d) =>
      d.coverage.residentialAreas === 866 &&
      d.coverage.residentialAreasWithActiveModel === 866 &&
      d.coverage.modelTypes === 14 &&
      d.coverage.byChild.length === 11,
  ],
  ['movementReport says 866/866', `{ movementReport(unitCode: "70", asOf: "2024-12-31") }`, (d) => d.movementReport.includes('866/866')],
  [
    'the same figures through Đồng Nai after the reform, by child',
    `{ coverage(unitCode: "75", asOf: "2025-12-31", lineage: true, figuresOn: "2024-12-31") { residentialAreas residentialAreasWithActiveModel byChild { residentialAreas } } }`,
    (d) =>
      d.coverage.residentialAreas === 866 &&
      d.coverage.residentialAreasWithActiveModel === 866 &&
      d.coverage.byChild.reduce((s, c) => s + c.residentialAreas, 0) === 866,
  ],
  [
    'search "binh phuoc" finds it in 2024',
    `{ adminUnits(search: "binh phuoc", level: PROVINCE, asOf: "2024-06-01") { edges { node { code } } } }`,
    (d) => d.adminUnits.edges.some((e) => e.node.code === '70'),
  ],
];

if (!(await ready())) {
  console.error(alive() ? `[smoke] ${base}/ready did not answer within ${timeout} s` : '[smoke] the server stopped before it was ready');
  process.exit(1);
}
let failed = 0;
for (const [name, q, ok] of checks) {
  try {
    const pass = ok(await query(q));
    console.log(`[smoke] ${pass ? 'ok  ' : 'FAIL'} ${name}`);
    if (!pass) failed++;
  } catch (error) {
    console.log(`[smoke] FAIL ${name}: ${error.message}`);
    failed++;
  }
}
// `pnpm antq token` at the repository root prints the token alone on stdout, signed with
// the key the running server created in its data directory; a commune officer of one
// commune gets nothing of another commune.
const token = (role, unit) => {
  const out = execFileSync('npx', ['-y', 'pnpm@12.4.2', 'antq', 'token', '--role', role, '--unit', unit], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (!/^[\w-]+\.[\w-]+\.[\w-]+\n$/.test(out)) throw new Error(`antq token printed more than a token: ${JSON.stringify(out)}`);
  return out.trim();
};
try {
  // Tokens first: a long pause between requests lets the server close idle connections.
  const officerHere = token('commune-officer', '25195');
  const officerThere = token('commune-officer', '25210');
  const receipt = await query('mutation($i: SubmitTipInput!) { submitTip(input: $i) { result { ... on TipReceipt { tipNumber } } } }', {
    i: { category: 'DRUGS', unitCode: '25195', text: 'Smoke test: a tip from .ci/smoke.mjs' },
  });
  const number = receipt.submitTip.result.tipNumber;
  const tips = 'query($n: String) { tips(unitCode: $n, first: 100) { totalCount edges { node { number } } } }';
  const own = await query(tips, { n: '25195' }, { authorization: `Bearer ${officerHere}` });
  const other = await query(tips, {}, { authorization: `Bearer ${officerThere}` });
  const sees = own.tips.edges.some((e) => e.node.number === number);
  const leaks = other.tips.edges.some((e) => e.node.number === number);
  console.log(
    `[smoke] ${sees && !leaks ? 'ok  ' : 'FAIL'} antq token: the commune officer of 25195 sees tip ${number}; the officer of 25210 sees ${other.tips.totalCount} tips of 25195's`,
  );
  if (!sees || leaks) failed++;
} catch (error) {
  console.log(`[smoke] FAIL antq token and tips: ${error.message} ${error.cause?.message ?? ''}`);
  failed++;
}

// Issue #8: the movement report of Bình Phước for 2024,
// read by an officer of today's Đồng Nai (75, which took it in), speaks of exemplars,
// inspections, outreach, commendations and key areas with figures, and
// downloads as XLSX.
try {
  const province = { authorization: `Bearer ${token('province-officer', '75')}` };
  const data = await query(
    '{ movementReportData(unitCode: "70", from: "2024-01-01", to: "2024-12-31") { text sections { key figures { key value } } } }',
    {},
    province,
  );
  const value = (key) => data.movementReportData.sections.flatMap((s) => s.figures).find((f) => f.key === key)?.value ?? 0;
  const keys = [
    'exemplars.recognised',
    'inspections.done',
    'outreach.activities',
    'commendations.total',
    'keyAreas.units',
    'influence.people',
  ];
  const text = data.movementReportData.text;
  const ok =
    keys.every((k) => value(k) > 0) &&
    ['điển hình tiên tiến', 'kiểm tra', 'tuyên truyền', 'khen thưởng', 'địa bàn trọng điểm'].every((w) => text.includes(w));
  console.log(`[smoke] ${ok ? 'ok  ' : 'FAIL'} movement report of 70 for 2024: ${keys.map((k) => `${k} ${value(k)}`).join(', ')}`);
  if (!ok) failed++;
  const xlsx = await fetch(`${base}/reports/movement.xlsx?unitCode=70&from=2024-01-01&to=2024-12-31`, { headers: province });
  const zip = new Uint8Array(await xlsx.arrayBuffer());
  const isXlsx = xlsx.ok && zip[0] === 0x50 && zip[1] === 0x4b; // a ZIP container
  console.log(`[smoke] ${isXlsx ? 'ok  ' : 'FAIL'} /reports/movement.xlsx (${xlsx.status}, ${zip.length} bytes)`);
  if (!isXlsx) failed++;
} catch (error) {
  console.log(`[smoke] FAIL movement report: ${error.message}`);
  failed++;
}

const health = await fetch(`${base}/health`);
console.log(`[smoke] ${health.ok ? 'ok  ' : 'FAIL'} /health`);
process.exit(failed || !health.ok ? 1 : 0);
