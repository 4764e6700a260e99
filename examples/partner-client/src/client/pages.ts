/**
 * Relay pagination: ask for a page, then the next one `after` its `pageInfo.endCursor`,
 * until `hasNextPage` is false. Pages hold at most 100 nodes (the server refuses more).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { PartnerClient } from './client.js';

/** The part of a Relay connection that pagination reads. */
export interface Connection<N> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: ReadonlyArray<{ readonly node: N }>;
}

/** The variables of a paginated operation, without the two pagination takes care of. */
type PageVariables = { first?: number | null; after?: string | null };

export const MAX_PAGE_SIZE = 100;

/**
 * Every page of the connection `select` picks out of the operation's answer, in order.
 * Stops with an error rather than loop if the server ever says there is a next page
 * without a new cursor.
 */
export async function* pages<R, V extends PageVariables & Record<string, unknown>, N>(
  client: PartnerClient,
  document: TypedDocumentNode<R, V>,
  variables: Omit<V, 'first' | 'after'>,
  select: (data: R) => Connection<N>,
  pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<Connection<N>> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new RangeError(`pageSize must be 1 to ${MAX_PAGE_SIZE}`);
  let after: string | null = null;
  for (;;) {
    const page = select(await client.execute(document, { ...variables, first: pageSize, after } as V));
    yield page;
    if (!page.pageInfo.hasNextPage) return;
    if (!page.pageInfo.endCursor || page.pageInfo.endCursor === after)
      throw new Error('the server said there is a next page but gave no new cursor');
    after = page.pageInfo.endCursor;
  }
}

/** Every node of the connection, and the `totalCount` the first page announced. */
export async function allNodes<R, V extends PageVariables & Record<string, unknown>, N>(
  client: PartnerClient,
  document: TypedDocumentNode<R, V>,
  variables: Omit<V, 'first' | 'after'>,
  select: (data: R) => Connection<N>,
  pageSize = MAX_PAGE_SIZE,
): Promise<{ nodes: N[]; totalCount: number; pages: number }> {
  const nodes: N[] = [];
  let totalCount = 0;
  let count = 0;
  for await (const page of pages(client, document, variables, select, pageSize)) {
    if (count++ === 0) totalCount = page.totalCount;
    nodes.push(...page.edges.map((e) => e.node));
  }
  return { nodes, totalCount, pages: count };
}
