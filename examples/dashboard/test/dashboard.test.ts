// The dashboard in a real browser (Debian's Chromium driven by playwright-core), built by
// Vite and served by `vite preview`, against a real antq server on the embedded database
// with the demo. Every request to another host is aborted, and the test fails if any was
// made. Screenshots of each step go to test-screenshots/ (not committed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vietnamDateOf } from '@antq/core';
import { createAntqYoga, issueToken, listen, prepareDatabase, serverSecrets, type Listening } from '@antq/graphql';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exampleDir = new URL('..', import.meta.url).pathname;
const shots = join(exampleDir, 'test-screenshots');

/** The Chromium to drive: CHROMIUM_PATH, else Debian's `chromium` on the PATH; null when there is none. */
function findChromium(): string | null {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

// As the GraphiQL browser test (packages/graphql/test/graphiql-browser.test.ts): skipped
// loudly without a Chromium, a failure instead with ANTQ_REQUIRE_BROWSER=1 (set by .ci/run,
// which installs Debian's chromium package when it is missing).
const chromiumPath = findChromium();
if (!chromiumPath) {
  const message =
    '\n!!! [antq tests] NO CHROMIUM: the browser tests of examples/dashboard are SKIPPED. Install Debian’s chromium package ' +
    '(apt-get install -y chromium) or set CHROMIUM_PATH; ANTQ_REQUIRE_BROWSER=1 makes this a failure. !!!\n';
  if (process.env.ANTQ_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(message);
}

describe.skipIf(!chromiumPath)('the dashboard in Chromium', () => {
  let dataDir: string;
  let antq: Listening;
  let closeDb: () => Promise<void>;
  let jwtSecret: Uint8Array;
  let web: PreviewServer;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const blocked: string[] = [];
  let step = 0;

  beforeAll(async () => {
    rmSync(shots, { recursive: true, force: true }); // this run's steps only
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'antq-dashboard-'));
    const env = { ...process.env, DATABASE_URL: '', ANTQ_DEMO: 'on' };
    const secrets = serverSecrets(env, dataDir);
    jwtSecret = secrets.jwtSecret;
    // The first start imports the units and the demo (~35 s); the build runs meanwhile.
    const outDir = join(dataDir, 'dist');
    const [db] = await Promise.all([
      prepareDatabase({ env, dataDir, log: () => {} }),
      build({ root: exampleDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
    ]);
    closeDb = () => db.close();
    antq = await listen(createAntqYoga({ db, secrets, graphiql: false, log: () => {} }), 0, '127.0.0.1');
    // vite.config.ts passes /graphql and /reports on to ANTQ_URL, as beside `pnpm start`.
    process.env.ANTQ_URL = antq.url;
    web = await preview({ root: exampleDir, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    origin = new URL(web.resolvedUrls!.local[0]!).origin;
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  }, 600_000); // the first start loads the data: about 35 s on a quiet machine, minutes on a busy one

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await antq?.close();
    await closeDb?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(shots, `${String(++step).padStart(2, '0')}-${name}.png`), fullPage: true });
  const ratio = () => page.getByTestId('coverage-ratio').first();
  const path = () => {
    const u = new URL(page.url());
    return u.pathname + u.search;
  };

  it('opens on the country, finds Đồng Nai and shows 866/866 for today', async () => {
    await page.goto(origin);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Toàn quốc');
    await shot('country');
    await page.getByRole('combobox').fill('Đồng Nai');
    await page.locator('li[role=option][data-code="75"] button').click();
    await expect.poll(path).toBe('/unit/75');
    await expect.poll(() => ratio().textContent()).toBe('866/866');
    expect(await page.locator('h1').textContent()).toContain('Đồng Nai');
    expect(await page.getByTestId('active-models').textContent()).toBe('1.828'); // grouped the Vietnamese way
    await shot('dong-nai-today');
  });

  it('on 2024-12-31 shows the same territory in Bình Phước (70) and the old Đồng Nai, through the lineage', async () => {
    await page.locator('input[name=date]').fill('2024-12-31');
    await expect.poll(path).toMatch(/^\/unit\/75\?date=2024-12-31&on=\d{4}-\d{2}-\d{2}$/);
    const binhPhuoc = page.locator('[data-holder="70"]');
    await expect.poll(() => binhPhuoc.locator('h2').textContent()).toContain('Tỉnh Bình Phước');
    expect(await binhPhuoc.getByTestId('coverage-ratio').textContent()).toBe('866/866');
    expect(await binhPhuoc.getByTestId('active-models').textContent()).toBe('1.828');
    expect(await page.locator('[data-holder="75"] [data-testid=coverage-ratio]').textContent()).toBe('0/0');
    // The figures of 2024-12-31 attributed to today's Đồng Nai: the same 866 areas.
    await expect.poll(() => page.locator('[data-section=attributed] [data-testid=coverage-ratio]').textContent()).toBe('866/866');
    await shot('territory-2024-12-31');
    await binhPhuoc.locator('h2 a').click();
    await expect.poll(path).toBe('/unit/70?date=2024-12-31');
    await expect.poll(() => ratio().textContent()).toBe('866/866');
    expect(await page.locator('h1').textContent()).toContain('Tỉnh Bình Phước');
    expect(await page.locator('[data-testid=by-child] tbody tr').count()).toBe(11); // its 11 districts of 2024
    await shot('binh-phuoc-2024-12-31');
  });

  it('back on today, follows Bình Phước into Đồng Nai and drills down to commune 25195 and its 50 areas; Back and Forward work', async () => {
    await page.getByRole('button', { name: /Hôm nay/ }).click();
    await expect.poll(path).toBe('/unit/70?on=2024-12-31');
    const dongNai = page.locator('[data-holder="75"]');
    await expect.poll(() => dongNai.getByTestId('coverage-ratio').textContent()).toBe('866/866');
    await shot('binh-phuoc-today');
    await dongNai.locator('h2 a').click();
    await expect.poll(path).toBe('/unit/75');
    await page.locator('[data-testid=by-child] tr[data-code="25195"] a').click();
    await expect.poll(path).toBe('/unit/25195');
    await expect.poll(() => ratio().textContent()).toBe('50/50');
    expect(await page.getByTestId('residential-areas').textContent()).toBe('50');
    expect(await page.locator('.breadcrumbs').textContent()).toContain('Thành phố Đồng Nai');
    await shot('commune-25195');
    await page.goBack();
    await expect.poll(path).toBe('/unit/75');
    await expect.poll(() => ratio().textContent()).toBe('866/866');
    await page.goForward();
    await expect.poll(path).toBe('/unit/25195');
    await expect.poll(() => ratio().textContent()).toBe('50/50');
  });

  it('switches to English: the labels, numbers and dates change', async () => {
    await page.goto(`${origin}/unit/75`);
    await expect.poll(() => ratio().textContent()).toBe('866/866');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('#coverage').textContent()).toBe('Model coverage');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#by-child').textContent()).toBe('By unit below');
    expect(await page.getByText('Find an administrative unit').count()).toBe(1);
    expect(await page.getByTestId('active-models').textContent()).toBe('1,828');
    expect(await page.getByRole('button', { name: /End of 2024/ }).textContent()).toContain('31 Dec 2024');
    expect(await page.getByText('Độ phủ mô hình').count()).toBe(0);
    await shot('english');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.locator('#coverage').textContent()).toBe('Độ phủ mô hình');
  });

  it('at 360 px wide the page has no horizontal scroll', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const [name, url] of [
      ['phone-dong-nai', '/unit/75'],
      ['phone-territory', '/unit/75?date=2024-12-31&on=2026-01-01'],
      ['phone-commune', '/unit/25195'],
      ['phone-country', '/'],
    ] as const) {
      await page.goto(origin + url);
      await page.getByTestId('coverage-ratio').first().waitFor();
      await page.waitForTimeout(300); // the charts size themselves to the page
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, `${url} scrolls sideways at 360 px`).toBeLessThanOrEqual(client);
      await shot(name);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('refuses a token that is not valid, in the reader’s language', async () => {
    await page.goto(`${origin}/unit/25195`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('textarea[name=token]').fill('not-a-token');
    await page.locator('form.sign-in button[type=submit]').click();
    await expect.poll(() => page.locator('form.sign-in [role=alert]').textContent()).toBe('Đây không phải là mã truy cập (JWT) hợp lệ.');
    const forged = await issueToken(new Uint8Array(32).fill(7), {
      role: 'COMMUNE_OFFICER',
      unitCode: '25195',
      subject: 'forged',
      ttl: '1h',
    });
    await page.locator('textarea[name=token]').fill(forged);
    await page.locator('form.sign-in button[type=submit]').click();
    // The server says why, in both languages; the page shows the reader's half.
    const alert = () => page.locator('form.sign-in [role=alert]').textContent();
    await expect.poll(alert).toMatch(/^Mã truy cập không do máy chủ này ký .*pnpm antq token/);
    expect(await alert()).not.toContain('The token');
    await shot('sign-in-refused');
    // Since #15 a token names a unit of today: Bình Phước (70) was merged into Đồng Nai (75).
    const ofYesterday = await issueToken(jwtSecret, { role: 'PROVINCE_OFFICER', unitCode: '70', subject: 'officer@70', ttl: '1h' });
    await page.locator('textarea[name=token]').fill(ofYesterday);
    await page.locator('form.sign-in button[type=submit]').click();
    // The server says what became of it (and the page, in Vietnamese, the Vietnamese half).
    await expect.poll(alert).toMatch(/^Mã "70" .*Tỉnh Bình Phước đã nhập vào 75 .*Xin cấp mã truy cập mới/);
    await shot('sign-in-refused-unit-of-2024');
    await page.getByRole('button', { name: 'Hủy' }).click();
  });

  it('signs in as a commune officer and shows what the officer may read: the 50 areas, their teams, an area’s models and team', async () => {
    const token = await issueToken(jwtSecret, { role: 'COMMUNE_OFFICER', unitCode: '25195', subject: 'officer@25195', ttl: '1h' });
    await page.goto(origin);
    expect(await page.getByTestId('officer-panel').count()).toBe(0);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('textarea[name=token]').fill(token);
    await page.locator('form.sign-in button[type=submit]').click();
    await expect.poll(path).toBe('/unit/25195'); // the officer's own unit
    expect(await page.getByTestId('session').textContent()).toContain('Cán bộ cấp xã · Phường Bình Phước');
    await expect.poll(() => page.getByTestId('area-count').textContent()).toBe('50 khu dân cư');
    expect(await page.locator('[data-testid=areas] tbody tr').count()).toBe(50);
    await expect.poll(() => page.getByTestId('team-count').textContent()).toBe('50 tổ');
    expect(await page.locator('[data-testid=teams] tbody tr').count()).toBe(50);
    await shot('officer-commune');
    const first = page.locator('[data-testid=areas] tbody tr').first();
    const name = (await first.locator('a').textContent())!;
    const models = Number(await first.locator('td').last().textContent());
    await first.locator('a').click();
    await expect.poll(path).toMatch(/^\/area\/[^?]+$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(name);
    await expect.poll(() => page.locator('[data-testid=models] tbody tr').count()).toBe(models);
    expect(models).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('area-team').count()).toBe(1);
    await shot('officer-area');
    await page.setViewportSize({ width: 360, height: 780 });
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    await shot('phone-officer-area');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goBack();
    await expect.poll(path).toBe('/unit/25195');
  });

  it('downloads the yearly report as a valid XLSX with the coverage line, and as CSV', async () => {
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click()]);
    const year = vietnamDateOf(new Date()).slice(0, 4);
    expect(xlsx.suggestedFilename()).toMatch(new RegExp(`^bao-cao-phong-trao-25195-${year}-01-01-${year}-12-31\\.xlsx$`));
    const file = join(shots, 'report.xlsx');
    await xlsx.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file); // throws if it is not a valid workbook
    const sheet = wb.getWorksheet('Số liệu')!;
    const rows: Array<[string, number]> = [];
    sheet.eachRow((row) => rows.push([String(row.getCell(4).value), Number(row.getCell(5).value)]));
    expect(rows).toContainEqual(['coverage.residentialAreas', 50]);
    expect(rows).toContainEqual(['coverage.residentialAreasWithActiveModel', 50]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
    const csvFile = join(shots, 'report.csv');
    await csv.saveAs(csvFile);
    const text = readFileSync(csvFile, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toMatch(/;coverage\.residentialAreasWithActiveModel;50\r\n/);
    await shot('downloaded');
  });

  it('signs out and shows coverage only', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(path).toBe('/');
    await page.goto(`${origin}/unit/25195`);
    await expect.poll(() => ratio().textContent()).toBe('50/50');
    expect(await page.getByTestId('public-note').count()).toBe(1);
    expect(await page.getByTestId('officer-panel').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tải Excel (XLSX)' }).count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await shot('signed-out');
  });

  it('signs in as an officer of today’s Đồng Nai (75) and reads Bình Phước (70) of 2024, the territory it took in: its teams and its 2024 report', async () => {
    const token = await issueToken(jwtSecret, { role: 'PROVINCE_OFFICER', unitCode: '75', subject: 'officer@75', ttl: '1h' });
    await page.goto(origin);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('textarea[name=token]').fill(token);
    await page.locator('form.sign-in button[type=submit]').click();
    await expect.poll(path).toBe('/unit/75');
    expect(await page.getByTestId('session').textContent()).toContain('Cán bộ cấp tỉnh · Thành phố Đồng Nai');
    const teamsToday = Number((await page.getByTestId('team-count').textContent({ timeout: 20_000 }))!.replace(/\D/g, ''));
    expect(teamsToday).toBeGreaterThan(0);
    await shot('officer-province-today');
    await page.goto(`${origin}/unit/70?date=2024-12-31`);
    await expect.poll(() => ratio().textContent()).toBe('866/866');
    await expect.poll(() => page.getByTestId('team-count').textContent()).toMatch(/^[\d.]+ tổ$/);
    expect(Number((await page.getByTestId('team-count').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(0);
    await shot('officer-province-binh-phuoc-2024');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('bao-cao-phong-trao-70-2024-01-01-2024-12-31.xlsx');
    const file = join(shots, 'report-70-2024.xlsx');
    await xlsx.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: Array<[string, number]> = [];
    wb.getWorksheet('Số liệu')!.eachRow((row) => rows.push([String(row.getCell(4).value), Number(row.getCell(5).value)]));
    expect(rows).toContainEqual(['coverage.residentialAreas', 866]);
    expect(rows).toContainEqual(['coverage.residentialAreasWithActiveModel', 866]);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(path).toBe('/?date=2024-12-31'); // the country, on the same date
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('loaded nothing from another host', () => {
    expect(blocked).toEqual([]);
  });
});
