/**
 * What a client hears of an error that is not one of ours: yoga's mask ("Unexpected error.",
 * `INTERNAL_SERVER_ERROR`), except when the database cannot be used now, which is said as
 * such (`DATABASE_UNAVAILABLE`, HTTP 503, `Retry-After`; errors.ts), wherever it was thrown:
 * a resolver, the mutation pipeline, the context (the hierarchy's first read), the
 * authentication of an API key. The one place errors from below the API are turned into
 * what a client sees; @antq/db's `databaseUnavailable` is the one that recognises them.
 */
import { databaseUnavailable } from '@antq/db';
import { GraphQLError } from 'graphql';
import { maskError, type MaskError } from 'graphql-yoga';
import { databaseUnavailableError } from '../errors.js';

export const maskErrors: MaskError = (error, message, isDev) => {
  const reason = databaseUnavailable(error);
  if (reason) {
    const at = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    return databaseUnavailableError(reason, at);
  }
  return maskError(error, message, isDev);
};

/** The `extensions.code` a client is shown for `error` once masked (UNKNOWN for one of ours without a code): what the log and the metrics count. */
export function shownCode(error: unknown): string {
  const masked = maskErrors(error, 'Unexpected error.', false) as { extensions?: Record<string, unknown> };
  return String(masked.extensions?.code ?? 'UNKNOWN');
}
