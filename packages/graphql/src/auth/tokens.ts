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

/**
 * Why a token was refused, for the caller to act on (`extensions.why`); each has its message
 * in Vietnamese and English, saying what to do. `UNKNOWN_UNIT` is for a token whose unit
 * does not exist today (the jurisdiction check names the unit in `detail`).
 */
export type TokenRefusal =
  | 'EXPIRED'
  | 'WRONG_KEY'
  | 'MALFORMED'
  | 'NOT_BEARER'
  | 'WRONG_ISSUER'
  | 'NO_EXPIRY'
  | 'NOT_YET_VALID'
  | 'BAD_ROLE'
  | 'BAD_UNIT'
  | 'NO_AREA'
  | 'UNKNOWN_UNIT'
  | 'KEYS_UNAVAILABLE';

const GET_A_NEW_ONE = {
  vi: 'xin mã mới (cán bộ: từ quản trị hoặc nhà cung cấp định danh; thử nghiệm: `pnpm antq token --role … --unit …`)',
  en: 'get a new token (officers: from your administrator or identity provider; to try it out: `pnpm antq token --role … --unit …`)',
};

const REFUSALS: Readonly<Record<TokenRefusal, (detail?: string) => { vi: string; en: string }>> = {
  EXPIRED: () => ({ vi: `Mã truy cập đã hết hạn: ${GET_A_NEW_ONE.vi}.`, en: `The token has expired: ${GET_A_NEW_ONE.en}.` }),
  WRONG_KEY: () => ({
    vi: `Mã truy cập không do máy chủ này ký (mã của máy chủ khác, hoặc ANTQ_JWT_SECRET đã đổi): ${GET_A_NEW_ONE.vi}.`,
    en: `The token was not signed by this server (another server's token, or ANTQ_JWT_SECRET has changed): ${GET_A_NEW_ONE.en}.`,
  }),
  MALFORMED: () => ({
    vi: 'Mã truy cập không đúng định dạng JWT (ba phần base64url nối bằng dấu chấm): chép nguyên mã, không thêm dấu cách hay ngoặc kép.',
    en: 'The token is not a well-formed JWT (three base64url parts joined by dots): copy it whole, without spaces or quotes.',
  }),
  NOT_BEARER: () => ({
    vi: 'Gửi mã truy cập dạng "Authorization: Bearer <mã>" (khóa API: "X-Api-Key: <khóa>").',
    en: 'Send credentials as "Authorization: Bearer <token>" (an API key: "X-Api-Key: <key>").',
  }),
  WRONG_ISSUER: () => ({
    vi: `Mã truy cập được cấp cho hệ thống khác (bên cấp hoặc đối tượng sử dụng không khớp): ${GET_A_NEW_ONE.vi}.`,
    en: `The token was issued for another system (its issuer or audience does not match): ${GET_A_NEW_ONE.en}.`,
  }),
  NO_EXPIRY: () => ({
    vi: `Mã truy cập phải có thời hạn (exp) và chủ thể (sub): ${GET_A_NEW_ONE.vi}.`,
    en: `A token must carry an expiry (exp) and a subject (sub): ${GET_A_NEW_ONE.en}.`,
  }),
  NOT_YET_VALID: () => ({
    vi: 'Mã truy cập chưa đến thời điểm có hiệu lực (nbf): kiểm tra đồng hồ của máy cấp mã.',
    en: 'The token is not valid yet (nbf): check the clock of the machine that issued it.',
  }),
  BAD_ROLE: () => ({
    vi: `Mã truy cập không mang vai trò hợp lệ (national, province-officer, commune-officer, area-leader): ${GET_A_NEW_ONE.vi}.`,
    en: `The token carries no valid role (national, province-officer, commune-officer, area-leader): ${GET_A_NEW_ONE.en}.`,
  }),
  BAD_UNIT: () => ({
    vi: `Mã truy cập không mang mã đơn vị đúng cấp của vai trò (tỉnh: 2 chữ số, xã: 5 chữ số): ${GET_A_NEW_ONE.vi}.`,
    en: `The token carries no unit code of its role's level (a province: 2 digits, a commune: 5): ${GET_A_NEW_ONE.en}.`,
  }),
  NO_AREA: () => ({
    vi: `Mã truy cập của trưởng khu dân cư phải nêu khu dân cư (area): ${GET_A_NEW_ONE.vi}.`,
    en: `An area leader's token must name the residential area (area): ${GET_A_NEW_ONE.en}.`,
  }),
  UNKNOWN_UNIT: (detail) => ({
    vi: `Đơn vị của mã truy cập${detail ? ` (${detail})` : ''} không còn tồn tại hôm nay: ${GET_A_NEW_ONE.vi} cho đơn vị hiện nay.`,
    en: `The token's unit${detail ? ` (${detail})` : ''} does not exist today: ${GET_A_NEW_ONE.en} for the unit of today.`,
  }),
  KEYS_UNAVAILABLE: () => ({
    vi: 'Không tải được khóa của nhà cung cấp định danh (ANTQ_JWKS_URL) để kiểm tra mã: thử lại sau, hoặc báo quản trị.',
    en: "The identity provider's keys (ANTQ_JWKS_URL) could not be loaded to check the token: try again later, or tell your administrator.",
  }),
};

/** Why a credential was refused; the message (and `why`, for tokens) is all the caller is told. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(
    readonly code: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'API_KEY_INVALID',
    message: string,
    readonly why?: TokenRefusal,
  ) {
    super(message);
  }
}

/** A refused token: `TOKEN_EXPIRED` or `TOKEN_INVALID`, with the reason and what to do. */
export function tokenRefused(why: TokenRefusal, detail?: string): AuthenticationError {
  const { vi, en } = REFUSALS[why](detail);
  return new AuthenticationError(why === 'EXPIRED' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID', `${vi} / ${en}`, why);
}

/** The refusal of jose's verdict on a token. */
function refusalOf(error: unknown): TokenRefusal {
  if (error instanceof errors.JWTExpired) return 'EXPIRED';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'WRONG_KEY';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'NOT_YET_VALID';
    if (error.claim === 'iss' || error.claim === 'aud') return 'WRONG_ISSUER';
    return 'NO_EXPIRY';
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof TypeError) return 'KEYS_UNAVAILABLE';
  // Not a JWS, a part that is not base64url or JSON, an algorithm this server does not take.
  return 'MALFORMED';
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
      throw tokenRefused(refusalOf(error));
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
  if (!role) throw tokenRefused('BAD_ROLE');
  if (!payload.sub) throw tokenRefused('NO_EXPIRY');
  // Every officer but the national level acts from a unit of their level; an area leader
  // also leads an area.
  if (role !== 'NATIONAL' && !(unit && UNIT_CODE_OF_ROLE[role].test(unit))) throw tokenRefused('BAD_UNIT');
  const area = typeof payload.area === 'string' ? payload.area : null;
  if (role === 'AREA_LEADER' && !area) throw tokenRefused('NO_AREA');
  return { kind: 'OFFICER', role, unitCode: role === 'NATIONAL' ? null : unit, areaId: area, subject: payload.sub };
}
