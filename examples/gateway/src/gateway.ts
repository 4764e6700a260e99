/**
 * The gateway: Hive Gateway's runtime over a supergraph composed (with The Guild's
 * federation composition) from the subgraphs' own SDL, read from their `_service` field.
 * It forwards the caller's Authorization header to every subgraph, so that antq applies
 * the caller's jurisdiction and the partner's service sees who asks.
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

export interface Subgraph {
  readonly name: string;
  /** Its GraphQL endpoint. */
  readonly url: string;
}

/** Reads each subgraph's SDL and composes the supergraph; composition errors are thrown, all of them. */
export async function composeSupergraph(subgraphs: readonly Subgraph[]): Promise<string> {
  const services = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      const body = (await response.json()) as { data?: { _service?: { sdl?: string } }; errors?: Array<{ message: string }> };
      const sdl = body.data?._service?.sdl;
      if (!sdl)
        throw new Error(
          `subgraph ${name} (${url}) did not give its SDL: ${response.status} ${body.errors?.map((e) => e.message).join('; ') ?? ''}`,
        );
      return { name, url, typeDefs: parse(sdl) };
    }),
  );
  const composed = composeServices(services);
  if (composed.errors) throw new Error(`the subgraphs do not compose:\n${composed.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  return composed.supergraphSdl;
}

/** The gateway as a fetch handler (mount it on node:http, or call `.fetch` in tests). */
export function createGateway(supergraph: string) {
  return createGatewayRuntime({
    supergraph,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
    // Given here rather than looked up at run time by package name.
    transports: { http: httpTransport },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        const apiKey = request.headers.get('x-api-key');
        return { ...(authorization ? { authorization } : {}), ...(apiKey ? { 'x-api-key': apiKey } : {}) };
      },
    },
  });
}
