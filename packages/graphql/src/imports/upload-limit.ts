/**
 * Refuses a multipart upload whose declared length is over the import's file limit (with
 * room for the operation and the multipart framing) before its body is read: 413. The
 * import checks the file's own size again (a body without a declared length is read).
 */
import type { Plugin } from 'graphql-yoga';
import { IMPORT_LIMITS } from './read.js';

const FRAMING = 256 * 1024;

export function useUploadLimit(maxBytes: number = IMPORT_LIMITS.maxBytes + FRAMING): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) return;
      if (Number(request.headers.get('content-length') ?? 0) <= maxBytes) return;
      const message = `Tệp tải lên quá lớn (tối đa ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB). / The upload is too large (at most ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB).`;
      endResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }), { status: 413, headers: { 'content-type': 'application/json' } }));
    },
  };
}
