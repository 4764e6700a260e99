/**
 * OpenTelemetry traces (src/http/tracing.ts): nothing is loaded without
 * OTEL_EXPORTER_OTLP_ENDPOINT; with it, a span for each operation, kept in memory here
 * (InMemorySpanExporter), and none of them holds what a request carried: variables, a
 * document's literal arguments, a tip's text and contact, a value quoted by an error, an
 * operation name that could be a phone number.
 */
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { safeTracerProvider, startTracing, type Tracing } from '../src/http/tracing.js';
import { createTestServer, usePreparedServer } from './support/server.js';

const loaded = vi.hoisted(() => new Set<string>());
vi.mock('@opentelemetry/sdk-node', async (actual) => {
  loaded.add('@opentelemetry/sdk-node');
  return actual();
});
vi.mock('@envelop/opentelemetry', async (actual) => {
  loaded.add('@envelop/opentelemetry');
  return actual();
});

const ctx = usePreparedServer();

describe('traces', () => {
  it('are off without OTEL_EXPORTER_OTLP_ENDPOINT, and then no OpenTelemetry package is loaded', async () => {
    expect(await startTracing({ env: {} })).toBeNull();
    expect(await startTracing({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: ' ' } })).toBeNull();
    expect([...loaded]).toEqual([]);
  });

  describe('with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const exporter = new InMemorySpanExporter();
    const logged: string[] = [];
    let tracing: Tracing;
    beforeAll(async () => {
      tracing = (await startTracing({
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://user:secret@127.0.0.1:4318/' },
        spanProcessors: [new SimpleSpanProcessor(exporter)],
        log: (m) => logged.push(m),
      }))!;
    });
    afterAll(() => tracing?.shutdown());

    it('make a span of each operation, with its type and name, and its error codes, never what the request carried', async () => {
      expect([...loaded].sort()).toEqual(['@envelop/opentelemetry', '@opentelemetry/sdk-node']);
      expect(logged).toEqual(['tracing: exporting OpenTelemetry spans to http://127.0.0.1:4318']);
      const server = createTestServer(ctx.db, () => {}, { tracing: tracing.plugin });
      const SEARCHED = 'Trần Thị Bích Zyxwv 0987654321';
      const LITERAL = 'Nguyễn Văn Pqxwz';
      const TIP_TEXT = 'Người lạ Qwzrt đỗ xe trước nhà số 7 mỗi đêm.';
      const CONTACT = 'Lê Văn Kqjx, 0912 345 678';

      const search = await server.query(
        `query Search($s: String) { adminUnits(search: $s, asOf: "2024-06-01", first: 1) { totalCount } }`,
        {
          s: SEARCHED,
        },
      );
      expect(search.errors).toBeUndefined();
      const literal = await server.query(`query Literal { adminUnits(search: "${LITERAL}", asOf: "2024-06-01", first: 1) { totalCount } }`);
      expect(literal.errors).toBeUndefined();
      // A value that does not fit its type is quoted in the error's message: not in the span.
      const bad = await server.query(`query Bad($d: Date) { adminUnit(code: "70", asOf: $d) { code } }`, { d: SEARCHED });
      expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.message).toContain('Zyxwv');
      const areas = await server.query(`query Areas { residentialAreas(unitCode: "70", asOf: "2024-12-31", first: 1) { totalCount } }`);
      expect(areas.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const tip = await server.query<{ submitTip: { result: { __typename: string } } }>(
        `mutation Tip($i: SubmitTipInput!) { submitTip(input: $i) { result { __typename } } }`,
        { i: { category: 'OTHER', unitCode: '25195', text: TIP_TEXT, contact: CONTACT } },
      );
      expect(tip.data?.submitTip.result.__typename).toBe('TipReceipt');
      await server.query(`query Call0912345678 { __typename }`);
      await server.query(`{ __typename }`);

      const spans = exporter.getFinishedSpans();
      const byName = (name: string) => spans.filter((s) => s.name === name);
      for (const name of ['query.Search', 'query.Literal', 'query.Areas', 'mutation.Tip', 'query.(other)', 'query.anonymous']) {
        expect(byName(name), name).toHaveLength(1);
      }
      expect(byName('query.Search')[0]!.attributes).toEqual({
        'graphql.execute.operationName': 'Search',
        'graphql.execute.operationType': 'query',
      });
      expect(byName('query.(other)')[0]!.attributes['graphql.execute.operationName']).toBe('(other)');
      // A failed operation: an error status and its codes, no message.
      const failed = byName('query.Areas')[0]!;
      expect(failed.status).toEqual({ code: 2 });
      expect(failed.events.map((e) => e.attributes)).toEqual([{ 'exception.type': 'GraphQLError', 'exception.message': 'FORBIDDEN' }]);
      // Refused before it runs (its variable does not fit): no span.
      expect(byName('query.Bad')).toEqual([]);

      const shown = JSON.stringify(
        spans.map((s: ReadableSpan) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status })),
      );
      for (const secret of [
        SEARCHED,
        'Zyxwv',
        '0987654321',
        LITERAL,
        'Pqxwz',
        TIP_TEXT,
        'Qwzrt',
        CONTACT,
        'Kqjx',
        '0912',
        'Call0912345678',
        'secret',
      ]) {
        expect(shown).not.toContain(secret);
      }
      // Nor in the resource the SDK describes the process with.
      expect(JSON.stringify(spans[0]!.resource.attributes)).not.toMatch(/Zyxwv|Qwzrt|Kqjx/);
      expect(spans[0]!.resource.attributes['service.name']).toBe('antq');
    });
  });

  it('go through a tracer that keeps only the safe attributes, shows an error as its codes and a doubtful name as (other)', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const tracer = safeTracerProvider(provider).getTracer('graphql');
    const span = tracer.startSpan('query.Call0912345678', {
      attributes: {
        'graphql.execute.operationName': 'Call0912345678',
        'graphql.execute.operationType': 'query',
        'graphql.execute.document': 'query { adminUnits(search: "Zyxwv") { totalCount } }',
        'graphql.execute.variables': '{"s":"Zyxwv"}',
      },
    });
    span.setAttribute('graphql.execute.result', '{"data":{"name":"Zyxwv"}}');
    span.setAttributes({ 'graphql.resolver.args': '{"search":"Zyxwv"}', 'graphql.execute.operationType': 'query' });
    span.addEvent('note', { text: 'Zyxwv' });
    span.recordException({
      name: 'graphql.execute.error',
      message: JSON.stringify([
        { message: 'Variable "$d" got invalid value "Zyxwv"', extensions: { code: 'BAD_USER_INPUT' } },
        { message: 'Zyxwv', extensions: { code: 'not a code: Zyxwv' } },
      ]),
    });
    span.setStatus({ code: 2, message: 'Zyxwv' });
    span.updateName('query.Zyxwv 0987654321');
    span.end();
    const [finished] = exporter.getFinishedSpans();
    expect(finished!.name).toBe('query.(other)');
    expect(finished!.attributes).toEqual({ 'graphql.execute.operationName': '(other)', 'graphql.execute.operationType': 'query' });
    expect(finished!.events.map((e) => [e.name, e.attributes])).toEqual([
      ['exception', { 'exception.type': 'GraphQLError', 'exception.message': 'BAD_USER_INPUT, UNKNOWN' }],
    ]);
    expect(finished!.status).toEqual({ code: 2 });
    expect(JSON.stringify({ ...finished!.attributes, events: finished!.events, name: finished!.name })).not.toContain('Zyxwv');
  });
});
