/**
 * OpenTelemetry traces, exported only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set: without it
 * `startTracing` answers null and none of the OpenTelemetry packages is even loaded (they
 * are imported here, lazily). With it, `@opentelemetry/sdk-node` exports over OTLP as the
 * standard OTEL_* variables say (`OTEL_EXPORTER_OTLP_PROTOCOL`, `OTEL_EXPORTER_OTLP_HEADERS`,
 * `OTEL_SERVICE_NAME`, sampling…), and `@envelop/opentelemetry` makes a span of each GraphQL
 * operation (`query.UnitName`), with its type, its name and, when it fails, its error codes.
 *
 * No personal data in a span: the plugin is asked for no document, no variables, no result
 * and no resolver spans (their arguments), and its spans go through `safeTracerProvider`,
 * which keeps only the attributes listed in SAFE_ATTRIBUTES, shows an operation's name only
 * when it looks like one (as the log and the metrics do; `query.(other)` otherwise), and
 * records an error as its codes (`FORBIDDEN`), never its message (a coercion error quotes the
 * variable's value).
 */
import type { Plugin } from 'graphql-yoga';
import type { Attributes, AttributeValue, Exception, Span, SpanOptions, Tracer, TracerProvider } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { shownOperationName } from './request-log.js';

/** The attributes of the plugin's spans that reach the exporter; every other is dropped. */
export const SAFE_ATTRIBUTES = ['graphql.execute.operationName', 'graphql.execute.operationType'] as const;

const OTHER = '(other)';

export interface Tracing {
  /** The yoga plugin that makes the spans: `createAntqYoga({ tracing })`. */
  readonly plugin: Plugin;
  /** Sends the spans not yet exported and stops the SDK (on shutdown). */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (message: string) => void;
  /** Where spans go instead of the OTLP exporter the environment describes (tests). */
  readonly spanProcessors?: SpanProcessor[];
}

/** Starts tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` is set; null (loading nothing) otherwise. */
export async function startTracing({ env = process.env, log = () => {}, spanProcessors }: TracingOptions = {}): Promise<Tracing | null> {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!endpoint) return null;
  const [{ NodeSDK }, { useOpenTelemetry }, api] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@envelop/opentelemetry'),
    import('@opentelemetry/api'),
  ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'antq',
    instrumentations: [],
    ...(spanProcessors ? { spanProcessors } : {}),
  });
  sdk.start();
  log(`tracing: exporting OpenTelemetry spans to ${shownEndpoint(endpoint)}`);
  const provider = safeTracerProvider(api.trace.getTracerProvider());
  const plugin = useOpenTelemetry({ document: false, variables: false, result: false, resolvers: false }, provider) as Plugin;
  return { plugin, shutdown: () => sdk.shutdown() };
}

/** The endpoint without credentials, for the log. */
function shownEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return '(an endpoint that is not a URL)';
  }
}

/** A tracer provider whose spans hold only what is safe to export (see the module's comment). */
export function safeTracerProvider(provider: TracerProvider): TracerProvider {
  return {
    getTracer(name, version, options) {
      const tracer = provider.getTracer(name, version, options);
      const safe: Tracer = {
        startSpan: (spanName: string, options: SpanOptions = {}, context) =>
          safeSpan(tracer.startSpan(safeSpanName(spanName), { ...options, attributes: safeAttributes(options.attributes ?? {}) }, context)),
        startActiveSpan: ((...args: unknown[]) => {
          // Not used by the plugin; refused rather than let a span through unchecked.
          void args;
          throw new Error('safeTracerProvider: startActiveSpan is not supported');
        }) as Tracer['startActiveSpan'],
      };
      return safe;
    },
  };
}

/** `query.Name`: the type, and the name as shown. */
function safeSpanName(name: string): string {
  const dot = name.indexOf('.');
  if (dot < 0) return OTHER;
  const operation = name.slice(dot + 1);
  return `${name.slice(0, dot)}.${operation === 'anonymous' ? operation : (shownOperationName(operation) ?? OTHER)}`;
}

function safeAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const key of SAFE_ATTRIBUTES) {
    const value = attributes[key];
    if (value === undefined) continue;
    kept[key] = key === 'graphql.execute.operationName' && value !== 'anonymous' ? (shownOperationName(String(value)) ?? OTHER) : value;
  }
  return kept;
}

/** A span that drops attributes other than the safe ones, and records an error as its codes. */
function safeSpan(span: Span): Span {
  return new Proxy(span, {
    get(target, property, receiver) {
      if (property === 'setAttribute') {
        return (key: string, value: AttributeValue) => {
          const kept = safeAttributes({ [key]: value });
          if (key in kept) target.setAttribute(key, kept[key]!);
          return receiver as Span;
        };
      }
      if (property === 'setAttributes') {
        return (attributes: Attributes) => {
          target.setAttributes(safeAttributes(attributes));
          return receiver as Span;
        };
      }
      if (property === 'addEvent') {
        return () => receiver as Span; // the plugin adds none; an event's attributes are not checked
      }
      if (property === 'recordException') {
        return (exception: Exception) => {
          target.addEvent('exception', { 'exception.type': 'GraphQLError', 'exception.message': errorCodesOf(exception) });
        };
      }
      if (property === 'setStatus') {
        return (status: { code: number }) => {
          target.setStatus({ code: status.code }); // without a message
          return receiver as Span;
        };
      }
      if (property === 'updateName') {
        return (name: string) => {
          target.updateName(safeSpanName(name));
          return receiver as Span;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The codes of the errors the plugin records (as JSON of the result's errors), e.g. `FORBIDDEN, BAD_USER_INPUT`. */
function errorCodesOf(exception: Exception): string {
  const message = typeof exception === 'string' ? exception : (exception.message ?? '');
  try {
    const errors = JSON.parse(message) as unknown;
    if (Array.isArray(errors)) {
      const codes = errors.map((e: { extensions?: { code?: unknown } }) =>
        typeof e?.extensions?.code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(e.extensions.code) ? e.extensions.code : 'UNKNOWN',
      );
      return [...new Set(codes)].join(', ');
    }
  } catch {
    // not the plugin's JSON
  }
  return 'UNKNOWN';
}
