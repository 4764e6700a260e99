// The partner's client against the embedded server: a persisted-only key limited to Đồng
// Nai, the client's operations registered for it, and the client paging, reading and
// handling typed errors — and refused whatever was not registered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverage, modelDetails, models, movementReport, residentialAreas, submitTip, tipOutcome } from '../src/agency.js';
import { AntqRequestError, allNodes, pages, partnerClient, unreachable, type Cost, type PartnerClient } from '../src/client/index.js';
import { ResidentialAreasPageDocument, SubmitTipDocument, type SubmitTipMutation } from '../src/generated/graphql.js';
import { persistedDocuments, startLocalServer, type LocalServer } from '../src/operator.js';

const AS_OF = '2025-12-31';
const COMMUNE = '25195'; // Phường Bình Phước, Đồng Nai, with 50 residential areas of the demo data
const READ_ALL = ['read:aggregates', 'read:catalogues', 'read:areas', 'read:models'] as const;

let dir: string;
let server: LocalServer;
let client: PartnerClient;
let key: string;
let registered: string[];
const costs: Array<{ operation: string; cost: Cost }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'antq-partner-client-'));
  server = await startLocalServer({ dataDir: dir });
  const issued = await server.issueKey({ name: 'Sở Y tế tỉnh Đồng Nai', scopes: [...READ_ALL], unitCode: '75', persistedOnly: true });
  key = issued.key;
  registered = await server.registerOperations(issued.prefix);
  client = partnerClient({ url: server.url, apiKey: key, onCost: (operation, cost) => costs.push({ operation, cost }) });
}, 600_000); // the first start loads the data: about 20 s on a quiet machine, minutes on a busy one

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request, for what the typed client would not send. */
async function post(body: unknown, apiKey = key): Promise<{ status: number; body: any }> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

it('registers the operations under the hashes the client sends', () => {
  expect(registered).toEqual(Object.keys(persistedDocuments()));
  expect(registered).toHaveLength(7);
});

describe('pagination', () => {
  it('pages through the residential areas of a commune to the end, each once', async () => {
    const areas = await residentialAreas(client, COMMUNE, AS_OF, 20);
    expect(areas.totalCount).toBe(50);
    expect(areas.pages).toBe(3); // 20 + 20 + 10
    expect(areas.nodes).toHaveLength(areas.totalCount);
    expect(new Set(areas.nodes.map((a) => a.id)).size).toBe(areas.totalCount);
    expect(new Set(areas.nodes.map((a) => a.commune?.code))).toEqual(new Set([COMMUNE]));
    // The published coverage counts the same areas.
    const c = await coverage(client, COMMUNE, AS_OF);
    expect(c.residentialAreas).toBe(areas.totalCount);
    expect(areas.nodes.every((a) => a.isDemo && a.models.totalCount > 0)).toBe(true);
  });

  it('pages through the models of a commune; the active ones are those coverage counts', async () => {
    const all = await models(client, COMMUNE, AS_OF, 50);
    expect(all.pages).toBe(Math.ceil(all.totalCount / 50));
    expect(all.pages).toBeGreaterThan(1);
    expect(all.nodes).toHaveLength(all.totalCount);
    expect(new Set(all.nodes.map((m) => m.id)).size).toBe(all.totalCount);
    const c = await coverage(client, COMMUNE, AS_OF);
    expect(all.nodes.filter((m) => m.state === 'ACTIVE')).toHaveLength(c.activeModels);
  });

  it('yields page after page, following endCursor', async () => {
    const seen: Array<{ size: number; hasNextPage: boolean }> = [];
    for await (const page of pages(
      client,
      ResidentialAreasPageDocument,
      { unitCode: COMMUNE, asOf: AS_OF },
      (d) => d.residentialAreas,
      15,
    )) {
      seen.push({ size: page.edges.length, hasNextPage: page.pageInfo.hasNextPage });
    }
    expect(seen).toEqual([
      { size: 15, hasNextPage: true },
      { size: 15, hasNextPage: true },
      { size: 15, hasNextPage: true },
      { size: 5, hasNextPage: false },
    ]);
  });

  it('never asks for more than 100 a page; the server refuses more with BAD_USER_INPUT', async () => {
    await expect(allNodes(client, ResidentialAreasPageDocument, { unitCode: COMMUNE }, (d) => d.residentialAreas, 101)).rejects.toThrow(
      RangeError,
    );
    const refused = await client.execute(ResidentialAreasPageDocument, { unitCode: COMMUNE, first: 101 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AntqRequestError);
    expect((refused as AntqRequestError).code).toBe('BAD_USER_INPUT');
  });
});

describe('reading', () => {
  it('reads the coverage of Đồng Nai through the lineage: what Bình Phước had at the end of 2024', async () => {
    const c = await coverage(client, '75', AS_OF, '2024-12-31');
    expect(c).toMatchObject({
      unit: { code: '75', fullName: 'Tỉnh Đồng Nai' },
      asOf: AS_OF,
      figuresOn: '2024-12-31',
      residentialAreas: 866,
      residentialAreasWithActiveModel: 866,
      modelTypes: 14,
    });
    expect(c.byChild.reduce((sum, child) => sum + child.residentialAreas, 0)).toBe(866);
    expect(c.lineage?.partialCommunes).toEqual([]);
    expect(await movementReport(client, '75', AS_OF, 'EN')).toMatch(
      /^As of 31\/12\/2025, Đồng Nai province has 14 kinds of models.*866\/866 residential areas/,
    );
  });

  it('reads a model by its ID, and gets null for one it may not see', async () => {
    const [first] = (await client.execute(ResidentialAreasPageDocument, { unitCode: COMMUNE, asOf: AS_OF, first: 1 })).residentialAreas
      .edges;
    const modelId = first!.node.models.edges[0]!.node.id;
    const model = await modelDetails(client, modelId, AS_OF);
    expect(model).toMatchObject({ id: modelId, residentialArea: { id: first!.node.id, commune: { code: COMMUNE } } });
    expect(model!.events.length).toBeGreaterThan(0);

    // A key limited to Hà Nội: same operations, nothing of Đồng Nai's.
    const hanoi = await server.issueKey({ name: 'Sở Y tế Hà Nội', scopes: [...READ_ALL], unitCode: '01', persistedOnly: true });
    await server.registerOperations(hanoi.prefix);
    const elsewhere = partnerClient({ url: server.url, apiKey: hanoi.key });
    expect(await modelDetails(elsewhere, modelId, AS_OF)).toBeNull();
    // …and a list asked for a unit outside its reach is refused, naming the unit.
    await expect(residentialAreas(elsewhere, COMMUNE, AS_OF)).rejects.toThrow(
      `Unit "${COMMUNE}" (argument unitCode) is outside your jurisdiction`,
    );
  });

  it('hears what each answer cost', async () => {
    costs.length = 0;
    await residentialAreas(client, COMMUNE, AS_OF, 20);
    await coverage(client, '75', AS_OF);
    expect(costs.map((c) => c.operation)).toEqual(['ResidentialAreasPage', 'ResidentialAreasPage', 'ResidentialAreasPage', 'UnitCoverage']);
    // A page of 20 areas with 5 models each costs what it may fetch, well under the limit.
    for (const { cost } of costs) expect(cost.complexity).toBeLessThan(cost.max.complexity / 10);
  });
});

describe('typed errors', () => {
  it('passes on a tip, and handles a ValidationError with its field paths and a NotFoundError', async () => {
    const invalid = await submitTip(client, { category: 'THEFT', unitCode: COMMUNE, text: 'short' });
    expect(invalid.kind).toBe('invalid');
    if (invalid.kind !== 'invalid') return;
    expect(invalid.error.code).toBe('VALIDATION');
    expect([...invalid.fields.keys()]).toEqual(['input.text']);
    expect(invalid.error.messageVi).not.toBe(invalid.error.messageEn);

    const future = await submitTip(client, {
      category: 'THEFT',
      unitCode: COMMUNE,
      text: 'Mất trộm xe máy trước cổng chợ.',
      occurredOn: '2999-01-01',
    });
    expect(future.kind === 'invalid' && [...future.fields.keys()]).toEqual(['input.occurredOn']);

    const nowhere = await submitTip(client, { category: 'THEFT', unitCode: '99999', text: 'Mất trộm xe máy trước cổng chợ.' });
    expect(nowhere).toMatchObject({ kind: 'unknown-commune', error: { code: 'NOT_FOUND' } });

    const received = await submitTip(client, { category: 'THEFT', unitCode: COMMUNE, text: 'Mất trộm xe máy trước cổng chợ lúc 21 giờ.' });
    expect(received.kind).toBe('received');
    expect(received.kind === 'received' && received.tipNumber).toMatch(/^TG-\d{4}-\d+$/);
  });

  it('makes a result type it does not handle a type error, and a run-time error', () => {
    // What the types become when the server adds ForbiddenError to the union and the partner regenerates.
    type Widened =
      SubmitTipMutation['submitTip']['result'] | { __typename: 'ForbiddenError'; code: string; messageVi: string; messageEn: string };
    const handle = (result: Widened) => {
      switch (result.__typename) {
        case 'TipReceipt':
        case 'ValidationError':
        case 'NotFoundError':
          return tipOutcome(result).kind;
        default:
          // @ts-expect-error ForbiddenError is not handled: the switch is not exhaustive
          return unreachable(result);
      }
    };
    expect(() => handle({ __typename: 'ForbiddenError', code: 'FORBIDDEN', messageVi: '', messageEn: '' })).toThrow(
      /ForbiddenError.*regenerate/,
    );
    // A member the generated types do not know yet (the types are stale) fails as clearly.
    expect(() => tipOutcome({ __typename: 'ConflictError' } as never)).toThrow(/ConflictError/);
  });
});

describe('persisted operations only', () => {
  it('refuses the text of an operation, registered or not', async () => {
    const [document] = Object.values(persistedDocuments());
    const refused = await post({ query: document, variables: { search: 'binh phuoc' } });
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('refuses an operation not registered for the key', async () => {
    // A second key of the agency's, with every operation but the mutation.
    const readOnly = await server.issueKey({
      name: 'Sở Y tế tỉnh Đồng Nai (chỉ đọc)',
      scopes: [...READ_ALL],
      unitCode: '75',
      persistedOnly: true,
    });
    const manifest = persistedDocuments();
    await server.registerOperations(
      readOnly.prefix,
      Object.values(manifest).filter((d) => !d.startsWith('mutation ')),
    );
    const limited = partnerClient({ url: server.url, apiKey: readOnly.key });
    expect((await coverage(limited, COMMUNE, AS_OF)).residentialAreas).toBe(50);
    const refused = await limited
      .execute(SubmitTipDocument, { input: { category: 'THEFT', unitCode: COMMUNE, text: 'Mất trộm xe máy trước cổng chợ.' } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AntqRequestError);
    expect((refused as AntqRequestError).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('is refused with 401 UNAUTHENTICATED once its key is revoked', async () => {
    const doomed = await server.issueKey({ name: 'Revoked', scopes: ['read:aggregates'], persistedOnly: true });
    await server.registerOperations(doomed.prefix);
    const revokedClient = partnerClient({ url: server.url, apiKey: doomed.key });
    expect((await coverage(revokedClient, '75', AS_OF)).unit.code).toBe('75');
    expect(await server.revokeKey(doomed.prefix)).toBe(true);
    const refused = await coverage(revokedClient, '75', AS_OF).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
