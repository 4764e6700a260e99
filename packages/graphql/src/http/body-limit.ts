/**
 * Caps every request body, before authentication and before it is buffered, with HTTP 413
 * and `PAYLOAD_TOO_LARGE` (the limit in `extensions.maxBytes`, the message in Vietnamese and
 * English naming it):
 *  - an import's upload (a multipart body): the import's file limit, with room for the
 *    operation and the multipart framing;
 *  - any other body (a JSON or GraphQL POST): the server setting `maxBodyBytes`
 *    (`ANTQ_MAX_BODY_BYTES`, 1 MiB by default, settings.ts).
 *
 * A body of a kind no parser of yoga's reads (`text/plain`…) is refused with 415 and
 * `UNSUPPORTED_MEDIA_TYPE`, where yoga answers a bare status. A declared length over the cap is refused before anything is read. A body without one
 * (chunked) or lying about it is read through a counter that fails the read as soon as the
 * cap is passed, so the parser (JSON, or busboy for multipart, whose own file size is
 * unlimited by default) never holds more than the cap. The import checks the file's own
 * size again.
 *
 * yoga's own maxRequestBodySize counts bytes the same way, but with one limit for every
 * request (25 MB by default, kept as a backstop), its multipart parser reports the overrun
 * as a 400 "invalid multipart data", and its message is English only. These caps run inside
 * yoga's (plugins wrap the parser in order, yoga's last), so they are the ones that trip.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { IMPORT_LIMITS } from '../imports/read.js';

const FRAMING = 256 * 1024;

/** An import's upload: the file and its framing. */
const UPLOAD_MAX_BYTES = IMPORT_LIMITS.maxBytes + FRAMING;

const CODE = 'PAYLOAD_TOO_LARGE';

/** A size as people read it: whole MiB or KiB when it is one, else bytes. */
function shownSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}

interface Cap {
  readonly maxBytes: number;
  readonly message: string;
}

function capOf(request: Request, maxBodyBytes: number): Cap {
  if ((request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const size = shownSize(IMPORT_LIMITS.maxBytes);
    return { maxBytes: UPLOAD_MAX_BYTES, message: `Tệp tải lên quá lớn (tối đa ${size}). / The upload is too large (at most ${size}).` };
  }
  const size = shownSize(maxBodyBytes);
  return {
    maxBytes: maxBodyBytes,
    message: `Nội dung yêu cầu quá lớn (tối đa ${size}). / The request body is too large (at most ${size}).`,
  };
}

const tooLarge = (cap: Cap) =>
  createGraphQLError(cap.message, { extensions: { code: CODE, maxBytes: cap.maxBytes, http: { status: 413 } } });

/** A body of a kind no parser reads (yoga answers a bare 415): said with a code, as every refusal. */
const unsupported = (request: Request) => {
  const type = JSON.stringify(request.headers.get('content-type') ?? '');
  return createGraphQLError(
    `Kiểu nội dung ${type} không được hỗ trợ: gửi application/json (hoặc multipart/form-data cho tệp nhập). / Content type ${type} is not supported: send application/json (or multipart/form-data for an import's file).`,
    { extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } } },
  );
};

/**
 * `body` passed through unchanged until more than `maxBytes` went by; then the read fails
 * (and `over()` says so, however the parser reports the failure).
 */
function capped(body: ReadableStream<Uint8Array>, cap: Cap) {
  let seen = 0;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > cap.maxBytes) controller.error(new Error(cap.message));
        else controller.enqueue(chunk);
      },
    }),
  );
  return { stream, over: () => seen > cap.maxBytes };
}

/** The caps, for bodies other than uploads at `maxBodyBytes`. */
export function useBodyLimit(maxBodyBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!request.body) return;
      const cap = capOf(request, maxBodyBytes);
      if (Number(request.headers.get('content-length') ?? 0) > cap.maxBytes) throw tooLarge(cap);
      if (!requestParser) throw unsupported(request);
      const parse = requestParser;
      setRequestParser(async (original) => {
        const body = capped(original.body!, cap);
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
          // The parser wraps the stream's failure in its own (a 400 "invalid JSON" or "invalid multipart data").
          if (body.over()) throw tooLarge(cap);
          throw e;
        }
      });
    },
  };
}
