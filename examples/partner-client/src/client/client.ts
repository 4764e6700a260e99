/**
 * A small typed client for a partner agency: it sends each operation by its persisted
 * hash (Apollo's protocol, `extensions.persistedQuery.sha256Hash`), never its text, with
 * the key in `X-Api-Key`. The operation's types come from its typed document node, so the
 * variables are checked and the answer is typed.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** What every answer reports it cost (see the partner guide, "Limits"). */
export interface Cost {
  readonly complexity: number;
  readonly depth: number;
  readonly breadth: number;
  readonly max: { readonly complexity: number; readonly depth: number; readonly breadth: number };
}

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/**
 * The request failed as a whole or in part (a GraphQL error, not a mutation's typed
 * error): `code` is the first error's `extensions.code` (UNAUTHENTICATED, FORBIDDEN,
 * BAD_USER_INPUT, NOT_FOUND, QUERY_TOO_COMPLEX, PERSISTED_QUERY_NOT_FOUND when the
 * operation is not registered for the key, …).
 */
export class AntqRequestError extends Error {
  override readonly name = 'AntqRequestError';
  constructor(
    readonly operationName: string,
    readonly status: number,
    readonly errors: readonly GraphQLErrorEntry[],
  ) {
    super(`${operationName}: ${errors.map((e) => e.message).join('; ') || `HTTP ${status}`}`);
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface ClientOptions {
  /** The server's GraphQL endpoint, e.g. https://antq.example.vn/graphql. */
  readonly url: string;
  readonly apiKey: string;
  /** Called with each answer's cost, to watch the budget. */
  readonly onCost?: (operationName: string, cost: Cost) => void;
  readonly fetch?: typeof globalThis.fetch;
}

export interface PartnerClient {
  /** Runs a registered operation; answers its data, or throws an {@link AntqRequestError}. */
  execute<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V): Promise<R>;
}

/** The persisted hash GraphQL Code Generator embeds in a document (`__meta__.hash`). */
export function hashOf(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string')
    throw new Error('this document has no persisted hash: generate it with persistedDocuments (see codegen.ts)');
  return hash;
}

/** The name of the document's operation (the client preset writes one per document). */
export function operationNameOf(document: TypedDocumentNode<unknown, never>): string {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) return definition.name.value;
  }
  throw new Error('this document has no named operation');
}

export function partnerClient({ url, apiKey, onCost, fetch = globalThis.fetch }: ClientOptions): PartnerClient {
  return {
    async execute(document, variables) {
      const operationName = operationNameOf(document as TypedDocumentNode<unknown, never>);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          operationName,
          variables,
          extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document as TypedDocumentNode<unknown, never>) } },
        }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        data?: unknown;
        errors?: GraphQLErrorEntry[];
        extensions?: { cost?: Cost };
      };
      if (body.extensions?.cost) onCost?.(operationName, body.extensions.cost);
      // A field error leaves the data partial: refuse it rather than hand on holes.
      if (body.errors?.length || body.data == null) throw new AntqRequestError(operationName, response.status, body.errors ?? []);
      return body.data as never;
    },
  };
}
