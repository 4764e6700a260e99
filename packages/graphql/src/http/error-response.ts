/**
 * The answer of an endpoint beside `/graphql` (the report downloads, `/metrics`) that
 * refuses a request: a GraphQL-shaped JSON body, `{ errors: [{ message, extensions: { code } }] }`,
 * so that a client reads every refusal of this server the same way, with the HTTP status of its code.
 */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HEADERS_TOO_LARGE: 431,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
};

/** The same answer as raw HTTP/1.1, for a socket Node's parser refused before any request existed. */
export function rawErrorResponse(code: string, message: string): string {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  const status = STATUS[code] ?? 400;
  return `HTTP/1.1 ${status} ${code}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** The refusal of `code`, with `more` of its extensions (a reason, a value) beside the code. */
export function errorResponse(
  code: string,
  message: string,
  headers: Record<string, string> = {},
  more: Record<string, unknown> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code, ...more } }] }), {
    status: STATUS[code] ?? 500,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
