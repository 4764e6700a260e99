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

/** Verifies this server's own tokens, or an identity provider's through its JWKS. */
export function tokenVerifier(options: { secret: Uint8Array; jwksUrl?: string; issuer?: string; audience?: string }): TokenVerifier {
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  const expected = { issuer: options.issuer ?? ISSUER, audience: options.audience ?? AUDIENCE };
  return async (token) => {
    let payload: JWTPayload;
    try {
      const checks = { ...expected, requiredClaims: ['exp', 'sub'], maxTokenAge: '30d' };
      ({ payload } = jwks
        ? await jwtVerify(token, jwks, { ...checks, algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'] })
        : await jwtVerify(token, options.secret, { ...checks, algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthenticationError('TOKEN_EXPIRED', 'The token has expired: sign in again. / Phiên đăng nhập đã hết hạn.');
      // Malformed, wrongly signed, wrong issuer or audience: one answer, no detail.
      throw new AuthenticationError('TOKEN_INVALID', 'The token is not valid. / Mã truy cập không hợp lệ.');
    }
    return viewerOfClaims(payload);
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
