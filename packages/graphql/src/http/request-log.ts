/**
 * The server's log: one JSON line per operation (who by role and unit, what operation, how
 * long, which error codes) and per unexpected failure. It never holds variables, documents,
 * results or error messages from below the API (a database error can quote the values it
 * was given): personal data sent in a request cannot reach the log.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { shownCode } from './masked-errors.js';

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly [key: string]: unknown;
}

export type LogSink = (entry: LogEntry) => void;

const LEVELS = { debug: 0, info: 1, warn: 2, error: 3 } as const;

/** JSON lines on stderr, with the time, from `ANTQ_LOG_LEVEL` (default info) up. */
export const stderrSink: LogSink = (entry) => {
  const min = LEVELS[(process.env.ANTQ_LOG_LEVEL as LogEntry['level']) ?? 'info'] ?? LEVELS.info;
  if (LEVELS[entry.level] >= min) process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** What may be logged of an error: its kind, its code and where it was thrown; not its message. */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8);
  return {
    name: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    stack: frames.map((f) => f.trim()),
    ...(error.cause ? { cause: safeError(error.cause) } : {}),
  };
}

/**
 * The name a client gave its operation, kept only when it looks like one (a letter, then up
 * to 63 letters, digits or underscores, and no run of five digits: no phone or ID number);
 * else null. The log and the metrics' labels show operations by this name alone.
 */
export function shownOperationName(name: string | null | undefined): string | null {
  return name && /^[A-Za-z]\w{0,63}$/.test(name) && !/\d{5,}/.test(name) ? name : null;
}

/**
 * What the log and the metrics say of a GraphQL error: the `extensions.code` the client is
 * shown (an error from below the API as masked: INTERNAL_SERVER_ERROR or DATABASE_UNAVAILABLE;
 * UNKNOWN for one without a code), never its message.
 */
export function errorCodeOf(error: { readonly extensions?: Record<string, unknown> }): string {
  return shownCode(error);
}

/** Yoga's own logger, routed to the sink with every argument reduced to what is safe. */
export function yogaLogger(sink: LogSink) {
  const at =
    (level: LogEntry['level']) =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      sink({
        level,
        msg: typeof first === 'string' ? first : 'yoga',
        ...(args.some((a) => a instanceof Error) ? { errors: args.filter((a) => a instanceof Error).map(safeError) } : {}),
        ...(rest.length && !rest.some((a) => a instanceof Error) ? { omitted: rest.length } : {}),
      });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** One line per executed operation. */
export function useRequestLog(sink: LogSink): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const ctx = args.contextValue as Partial<Context>;
      const viewer = ctx.viewer;
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result && result.errors ? result.errors : [];
          sink({
            level: 'info',
            msg: 'operation',
            requestId: ctx.requestId,
            // The client names its operation: keep the name only when it looks like one.
            operation: shownOperationName(args.operationName),
            kind: getOperationAST(args.document, args.operationName)?.operation ?? null,
            viewer: viewer
              ? {
                  kind: viewer.kind,
                  role: viewer.kind === 'OFFICER' ? viewer.role : null,
                  unit: viewer.kind === 'ANONYMOUS' ? null : viewer.unitCode,
                }
              : null,
            ms: Math.round(performance.now() - started),
            errorCodes: errors.map(errorCodeOf),
          });
        },
      };
    },
  };
}
