/**
 * Bearer tokens: JWTs that carry a role and a jurisdiction. This server signs its own
 * with HS256 (`antq token`); an agency's identity provider can sign them instead, checked
 * against its JWKS (`ANTQ_JWKS_URL`).
 */
import { officerRoleOfClaim, ROLE_CLAIMS, type OfficerRole, type Viewer } from '@antq/core';
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

const ISSUER = 'antq';
const AUDIENCE = 'antq-api';

export interface TokenClaims {
  readonly role: OfficerRole;
  /** The officer's unit code; null (or absent) only for the national level. */
  readonly unitCode: string | null;
  readonly areaId?: string | null;
  readonly subject: string;
  /** Lifetime such as "1h", "30m", "7d". */
  readonly ttl: string;
}

/** Signs a token for an officer with this server's key. */
export async function issueToken(secret: Uint8Array, claims: TokenClaims): Promise<string> {
  return new SignJWT({ role: ROLE_CLAIMS[claims.role], unit: claims.unitCode, ...(claims.areaId ? { area: claims.areaId } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.ttl)
    .sign(secret);
}

/** Why a credential was refused; the message is all the caller is told. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(
    readonly code: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'API_KEY_INVALID',
    message: string,
  ) {
    super(message);
  }
}

export type TokenVerifier = (token: string) => Promise<Viewer>;

/** How long after `iat` a token is refused, whatever its `exp`. */
const MAX_TOKEN_AGE_SECONDS = 30 * 24 * 3600;
/** How many of this server's own tokens are remembered as verified (see tokenVerifier). */
const VERIFIED_TOKENS = 1_000;

/**
 * Verifies this server's own tokens, or an identity provider's through its JWKS.
 *
 * A token of this server's own key that passed is remembered, with its viewer, until the
 * moment it would fail (its `exp`, or 30 days after `iat`): an officer's client sends the
 * same token with every request, and the HMAC check through WebCrypto costs about 0.25 ms,
 * a few per cent of a small request. The answer for those bytes cannot change before then
 * (the key is fixed for the life of the server, and `nbf` once passed stays passed); failures
 * are not remembered. An identity provider's tokens are verified every time: its keys rotate.
 */
export function tokenVerifier(options: { secret: Uint8Array; jwksUrl?: string; issuer?: string; audience?: string }): TokenVerifier {
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  const expected = { issuer: options.issuer ?? ISSUER, audience: options.audience ?? AUDIENCE };
  const verified = new Map<string, { viewer: Viewer; until: number }>();
  return async (token) => {
    const known = jwks ? undefined : verified.get(token);
    if (known && Date.now() < known.until) return known.viewer;
    if (known) verified.delete(token);
    let payload: JWTPayload;
    try {
      const checks = { ...expected, requiredClaims: ['exp', 'sub'], maxTokenAge: `${MAX_TOKEN_AGE_SECONDS}s` };
      ({ payload } = jwks
        ? await jwtVerify(token, jwks, { ...checks, algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'] })
        : await jwtVerify(token, options.secret, { ...checks, algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new AuthenticationError('TOKEN_EXPIRED', 'The token has expired: sign in again. / Phiên đăng nhập đã hết hạn.');
      // Malformed, wrongly signed, wrong issuer or audience: one answer, no detail.
      throw new AuthenticationError('TOKEN_INVALID', 'The token is not valid. / Mã truy cập không hợp lệ.');
    }
    const viewer = Object.freeze(viewerOfClaims(payload));
    if (!jwks && payload.exp !== undefined && payload.iat !== undefined) {
      // The oldest entry goes first when full; a remembered token is verified again once it drops out.
      if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value!);
      verified.set(token, { viewer, until: Math.min(payload.exp, payload.iat + MAX_TOKEN_AGE_SECONDS) * 1000 });
    }
    return viewer;
  };
}

/** The unit an officer of each role acts from: a province (2 digits) or a commune (5). */
export const UNIT_CODE_OF_ROLE: Readonly<Record<Exclude<OfficerRole, 'NATIONAL'>, RegExp>> = {
  PROVINCE_OFFICER: /^\d{2}$/,
  COMMUNE_OFFICER: /^\d{5}$/,
  AREA_LEADER: /^\d{5}$/,
};

function viewerOfClaims(payload: JWTPayload): Viewer {
  const role = typeof payload.role === 'string' ? officerRoleOfClaim(payload.role) : null;
  const unit = typeof payload.unit === 'string' ? payload.unit : null;
  const invalid = () => new AuthenticationError('TOKEN_INVALID', 'The token is not valid. / Mã truy cập không hợp lệ.');
  if (!role || !payload.sub) throw invalid();
  // Every officer but the national level acts from a unit of their level; an area leader
  // also leads an area.
  if (role !== 'NATIONAL' && !(unit && UNIT_CODE_OF_ROLE[role].test(unit))) throw invalid();
  const area = typeof payload.area === 'string' ? payload.area : null;
  if (role === 'AREA_LEADER' && !area) throw invalid();
  return { kind: 'OFFICER', role, unitCode: role === 'NATIONAL' ? null : unit, areaId: area, subject: payload.sub };
}
