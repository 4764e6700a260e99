/**
 * The answer of an endpoint beside `/graphql` (the report downloads, `/metrics`) that
 * refuses a request: a GraphQL-shaped JSON body, `{ errors: [{ message, extensions: { code } }] }`,
 * so that a client reads every refusal of this server the same way, with the HTTP status of its code.
 */
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 };

export function errorResponse(code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status: STATUS[code] ?? 500,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
