/**
 * What a client hears of an error that is not one of ours: yoga's mask ("Unexpected error.",
 * `INTERNAL_SERVER_ERROR`), except when the database cannot be used now, which is said as
 * such (`DATABASE_UNAVAILABLE`, HTTP 503, `Retry-After`; errors.ts), wherever it was thrown:
 * a resolver, the mutation pipeline, the context (the hierarchy's first read), the
 * authentication of an API key. The one place errors from below the API are turned into
 * what a client sees; @antq/db's `databaseUnavailable` is the one that recognises them.
 * The relay plugin's refusals of arguments (an ID of `nodes(ids:)` that is no global ID,
 * `after` with `last`, a negative `last`), which it says in English without a code, are said
 * as a caller's mistake (`BAD_USER_INPUT`, reason `INVALID_GLOBAL_ID` or `INVALID_ARGUMENTS`),
 * in both languages.
 */
import { databaseUnavailable } from '@antq/db';
import { PothosSchemaError, PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError, type MaskError } from 'graphql-yoga';
import { databaseUnavailableError } from '../errors.js';

export const maskErrors: MaskError = (error, message, isDev) => {
  const reason = databaseUnavailable(error);
  if (reason) {
    const at = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    return databaseUnavailableError(reason, at);
  }
  const refused = pothosValidation(error);
  if (refused && error instanceof GraphQLError) return callerMistake(refused, error);
  const unknownType = unknownTypeOf(error);
  if (unknownType !== null && error instanceof GraphQLError)
    return new GraphQLError(
      `ID toàn cục không hợp lệ: không có kiểu ${JSON.stringify(unknownType)}. / Invalid global ID: there is no type ${JSON.stringify(unknownType)} (expected an ID this API gave).`,
      { nodes: error.nodes, path: error.path, extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_GLOBAL_ID', typename: unknownType } },
    );
  return maskError(error, message, isDev);
};

/**
 * The type a global ID names when the schema has none of that name (`node(id:)` of
 * base64 `not:an-id`: Pothos looks the type up and throws "not has not been implemented"), or null.
 */
function unknownTypeOf(error: unknown): string | null {
  for (let e = error; e; e = (e as { originalError?: unknown }).originalError) {
    if (e instanceof PothosSchemaError) return /^(.*) has not been implemented$/s.exec(e.message)?.[1] ?? null;
  }
  return null;
}

/** The relay plugin's refusal of an argument (a global ID, `first` with `last`…), wherever in the error's causes, or null. */
function pothosValidation(error: unknown): PothosValidationError | null {
  for (let e = error; e; e = (e as { originalError?: unknown }).originalError) {
    if (e instanceof PothosValidationError) return e;
  }
  return null;
}

/** The plugin's English refusal said as a caller's mistake, in both languages, with a code. */
function callerMistake(refused: PothosValidationError, error: GraphQLError): GraphQLError {
  const at = { nodes: error.nodes, path: error.path };
  const id = /^Invalid global ID: (.*)$/s.exec(refused.message)?.[1];
  if (id !== undefined)
    return new GraphQLError(
      `ID toàn cục không hợp lệ: ${JSON.stringify(id)}. / Invalid global ID: ${JSON.stringify(id)} (expected an ID this API gave).`,
      { ...at, extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_GLOBAL_ID', value: id } },
    );
  return new GraphQLError(`Đối số không hợp lệ: ${refused.message}. / Invalid arguments: ${refused.message}.`, {
    ...at,
    extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ARGUMENTS' },
  });
}

/** The `extensions.code` a client is shown for `error` once masked (UNKNOWN for one of ours without a code): what the log and the metrics count. */
export function shownCode(error: unknown): string {
  const masked = maskErrors(error, 'Unexpected error.', false) as { extensions?: Record<string, unknown> };
  return String(masked.extensions?.code ?? 'UNKNOWN');
}
