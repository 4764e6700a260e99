/**
 * The one way the dashboard talks to antq: POST /graphql (same origin: the Vite server,
 * in development and in preview, passes /graphql and /reports on to the antq server), with
 * the officer's token as a bearer token when signed in.
 */
import type { TypedDocumentString } from './generated/graphql';

/** An error the API answered with: its code (FORBIDDEN, UNAUTHENTICATED…) and its message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Sends one operation; answers its data, or throws ApiError with the first error's code. */
export async function request<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token: string | null,
  signal?: AbortSignal,
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK', 'Không kết nối được máy chủ antq. / The antq server cannot be reached.');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: Result | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  } | null;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'INTERNAL', first.message);
  if (!response.ok || !body?.data)
    throw new ApiError('HTTP_' + response.status, `Máy chủ trả lời ${response.status}. / The server answered ${response.status}.`);
  return body.data;
}

/** A file the server makes (the report downloads): its bytes and the name the server gives it. */
export async function download(path: string, params: Record<string, string>, token: string | null): Promise<{ blob: Blob; name: string }> {
  const response = await fetch(`${path}?${new URLSearchParams(params)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  }).catch(() => {
    throw new ApiError('NETWORK', 'Không kết nối được máy chủ antq. / The antq server cannot be reached.');
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    } | null;
    const first = body?.errors?.[0];
    throw new ApiError(
      first?.extensions?.code ?? 'HTTP_' + response.status,
      first?.message ?? `Máy chủ trả lời ${response.status}. / The server answered ${response.status}.`,
    );
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? path.split('/').pop()!;
  return { blob: await response.blob(), name };
}
