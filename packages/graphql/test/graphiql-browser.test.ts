/**
 * GraphiQL in a real browser, offline: Debian's Chromium driven by playwright-core opens
 * /graphql of a server over the demo data with every request to another host aborted; the
 * page must render, its default query must answer the sign-in guidance without a token and
 * `"totalCount": 866` with one. Screenshots go to test-output/graphiql (not committed).
 * Without a Chromium the test is skipped loudly, and fails instead with ANTQ_REQUIRE_BROWSER=1
 * (set by .ci/run, which installs Debian's chromium package when it is missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo, type Database } from '@antq/db';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAntqYoga } from '../src/index.js';
import { GRAPHIQL_DEFAULT_QUERY } from '../src/http/yoga.js';
import { listen, type Listening } from '../src/http/serve.js';
import { openPreparedDatabase } from './support/prepared-database.js';
import { TEST_SECRETS, TEST_TODAY, tokenFor } from './support/server.js';

const SCREENSHOTS = new URL('../test-output/graphiql/', import.meta.url).pathname;

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

const executablePath = findChromium();
const required = process.env.ANTQ_REQUIRE_BROWSER === '1';
if (!executablePath) {
  const message =
    '\n!!! [antq tests] NO CHROMIUM: the GraphiQL browser test is SKIPPED. Install Debian’s chromium package ' +
    '(apt-get install -y chromium) or set CHROMIUM_PATH; ANTQ_REQUIRE_BROWSER=1 makes this a failure. !!!\n';
  if (required) throw new Error(message);
  console.warn(message);
}

describe.skipIf(!executablePath)('GraphiQL, offline, in Chromium', () => {
  let db: Database;
  let server: Listening;
  let browser: Browser;
  let page: Page;
  const blocked = new Set<string>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    db = await openPreparedDatabase();
    await seedDemo(db);
    const yoga = createAntqYoga({ db, secrets: TEST_SECRETS, clock: () => TEST_TODAY, log: () => {} });
    server = await listen(yoga, 0, '127.0.0.1');
    browser = await chromium.launch({
      executablePath: executablePath!,
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
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const own = new URL(server.url).host;
    // Every request to another host is aborted, and recorded: GraphiQL must need none.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === own) return route.continue();
      blocked.add(url.host);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
    console.log(`[antq tests] GraphiQL: hosts blocked: ${blocked.size ? [...blocked].join(', ') : 'none'}; screenshots in ${SCREENSHOTS}`);
  });

  /** Runs the query in the editor and answers the response panel's text, once an answer is there. */
  async function run(screenshot: string): Promise<string> {
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && !isIntrospection(r.request().postData()),
    );
    await page.locator('.graphiql-execute-button').click();
    await answered;
    const panel = page.locator('.graphiql-response');
    await expect
      .poll(async () => (await panel.innerText()).includes('"data"') || (await panel.innerText()).includes('"errors"'))
      .toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, screenshot), fullPage: true });
    return (await panel.innerText()).replace(/\u00a0/g, ' ');
  }

  it('renders from the server alone, with the default query', async () => {
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 20_000 }).toContain('residentialAreas');
    await page.screenshot({ path: join(SCREENSHOTS, '1-opened.png'), fullPage: true });
    expect(await page.title()).toBe('antq');
    expect(GRAPHIQL_DEFAULT_QUERY).toContain(`residentialAreas(unitCode: "70", asOf: "2024-12-31"`);
  });

  it('runs the default query: without a token it says how to sign in', async () => {
    const text = await run('2-public.png');
    expect(text).toContain('antq token');
    expect(text).toContain('SIGN_IN_REQUIRED');
  });

  it('runs the default query signed in, as the query says: "totalCount": 866', async () => {
    const token = await tokenFor('NATIONAL', null);
    await page.getByRole('button', { name: /headers/i }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
    const text = await run('3-signed-in.png');
    expect(text).toContain('"totalCount": 866');
    expect(blocked).toEqual(new Set());
    expect(pageErrors).toEqual([]);
  });
});

function isIntrospection(body: string | null): boolean {
  return !!body && body.includes('IntrospectionQuery');
}
