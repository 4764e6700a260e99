/**
 * What a client hears of an error that is not one of ours: yoga's mask ("Unexpected error.",
 * `INTERNAL_SERVER_ERROR`), except when the database cannot be used now, which is said as
 * such (`DATABASE_UNAVAILABLE`, HTTP 503, `Retry-After`; errors.ts), wherever it was thrown:
 * a resolver, the mutation pipeline, the context (the hierarchy's first read), the
 * authentication of an API key. The one place errors from below the API are turned into
 * what a client sees; @antq/db's `databaseUnavailable` is the one that recognises them.
 * An ID argument that is no global ID (the relay plugin decodes those of `nodes(ids:)` before
 * the resolver, and says it in English without a code) is said as a caller's mistake
 * (`BAD_USER_INPUT`, reason `INVALID_GLOBAL_ID`), in both languages.
 */
import { databaseUnavailable } from '@antq/db';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError, type MaskError } from 'graphql-yoga';
import { databaseUnavailableError } from '../errors.js';

export const maskErrors: MaskError = (error, message, isDev) => {
  const reason = databaseUnavailable(error);
  if (reason) {
    const at = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    return databaseUnavailableError(reason, at);
  }
  const invalidId = invalidGlobalId(error);
  if (invalidId !== null && error instanceof GraphQLError)
    return new GraphQLError(
      `ID toàn cục không hợp lệ: ${JSON.stringify(invalidId)}. / Invalid global ID: ${JSON.stringify(invalidId)} (expected an ID this API gave).`,
      { nodes: error.nodes, path: error.path, extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_GLOBAL_ID', value: invalidId } },
    );
  return maskError(error, message, isDev);
};

/** The ID of the relay plugin's "Invalid global ID: …", wherever in the error's causes, or null. */
function invalidGlobalId(error: unknown): string | null {
  for (let e = error; e; e = (e as { originalError?: unknown }).originalError) {
    if (e instanceof PothosValidationError) return /^Invalid global ID: (.*)$/s.exec(e.message)?.[1] ?? null;
  }
  return null;
}

/** The `extensions.code` a client is shown for `error` once masked (UNKNOWN for one of ours without a code): what the log and the metrics count. */
export function shownCode(error: unknown): string {
  const masked = maskErrors(error, 'Unexpected error.', false) as { extensions?: Record<string, unknown> };
  return String(masked.extensions?.code ?? 'UNKNOWN');
}
