/**
 * Who is asking, from the request's credentials: `Authorization: Bearer <jwt>` for
 * officers, `Authorization: Bearer antq_pk_…` (or `X-Api-Key`) for partners, nothing for
 * the public. A credential that is present but wrong is refused (401), never ignored.
 */
import { ANONYMOUS, type Viewer } from '@antq/core';
import type { PrismaClient } from '@antq/db';
import { looksLikeApiKey, partnerOfKey } from './api-keys.js';
import { tokenRefused, type TokenVerifier } from './tokens.js';

export interface Authenticated {
  readonly viewer: Viewer;
  /** Partners whose key allows only their registered (persisted) operations. */
  readonly persistedOnly: boolean;
}

export async function authenticate(request: Request, verifyToken: TokenVerifier, prisma: PrismaClient): Promise<Authenticated> {
  const header = request.headers.get('authorization');
  const apiKey = request.headers.get('x-api-key');
  if (!header && !apiKey) return { viewer: ANONYMOUS, persistedOnly: false };
  let credential = apiKey?.trim() ?? '';
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw tokenRefused('NOT_BEARER');
    credential = m[1]!;
  }
  if (looksLikeApiKey(credential)) {
    const { persistedOnly, ...viewer } = await partnerOfKey(prisma, credential);
    return { viewer, persistedOnly };
  }
  return { viewer: await verifyToken(credential), persistedOnly: false };
}
