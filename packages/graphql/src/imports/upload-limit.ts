/**
 * Caps a multipart upload at the import's file limit (with room for the operation and the
 * multipart framing), before authentication and before the body is buffered: 413.
 *
 * A declared length over the cap is refused before anything is read. A body without one
 * (chunked) or lying about it is read through a counter that fails the read as soon as the
 * cap is passed, so the multipart parser (busboy, whose own file size is unlimited by
 * default) never holds more than the cap. The import checks the file's own size again.
 *
 * yoga's own maxRequestBodySize counts bytes the same way, but for every request (25 MB by
 * default, kept for the other requests), and its multipart parser reports the overrun as a
 * 400 "invalid multipart data"; this cap is the import's, and says so with a 413. It runs
 * inside yoga's (plugins wrap the parser in order, yoga's last), so it is the one that trips.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { IMPORT_LIMITS } from './read.js';

const FRAMING = 256 * 1024;

const megabytes = IMPORT_LIMITS.maxBytes / 1024 / 1024;
const MESSAGE = `Tệp tải lên quá lớn (tối đa ${megabytes} MB). / The upload is too large (at most ${megabytes} MB).`;
const CODE = 'PAYLOAD_TOO_LARGE';

const isMultipart = (request: Request) => (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

/**
 * `body` passed through unchanged until more than `maxBytes` went by; then the read fails
 * (and `over()` says so, however the parser reports the failure).
 */
function capped(body: ReadableStream<Uint8Array>, maxBytes: number) {
  let seen = 0;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new Error(MESSAGE));
        else controller.enqueue(chunk);
      },
    }),
  );
  return { stream, over: () => seen > maxBytes };
}

export function useUploadLimit(maxBytes: number = IMPORT_LIMITS.maxBytes + FRAMING): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (!isMultipart(request)) return;
      if (Number(request.headers.get('content-length') ?? 0) <= maxBytes) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: MESSAGE, extensions: { code: CODE } }] }), {
          status: 413,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser || !request.body || !isMultipart(request)) return;
      const parse = requestParser;
      setRequestParser(async (original) => {
        const body = capped(original.body!, maxBytes);
        const limited = new fetchAPI.Request(original.url, {
          method: original.method,
          headers: original.headers,
          body: body.stream,
          signal: original.signal,
          duplex: 'half',
        } as RequestInit);
        try {
          return await parse(limited);
        } catch (e) {
          // The parser wraps the stream's failure in its own (a 400 "invalid multipart data").
          if (body.over()) throw createGraphQLError(MESSAGE, { extensions: { code: CODE, http: { status: 413 } } });
          throw e;
        }
      });
    },
  };
}
