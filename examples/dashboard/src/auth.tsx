/**
 * Signing in: the schema has no sign-in mutation (officers' tokens come from the agency's
 * identity provider, or `antq token` in development), so the officer pastes a token. It
 * is checked by the server on a first request (a token that is not valid is refused with
 * UNAUTHENTICATED) and kept in sessionStorage: closing the tab signs out. Its claims are
 * read only to show who is signed in; the server decides what they may read.
 */
import { officerRoleOfClaim, type OfficerRole } from '@antq/core';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiError, request } from './api';
import { OfficerUnitDocument } from './generated/graphql';

export type Role = OfficerRole;

export interface Officer {
  readonly role: Role;
  readonly unitCode: string | null;
  readonly unitName: string | null;
  readonly subject: string;
}

interface Session {
  readonly token: string;
  readonly officer: Officer;
}

/** The claims of a JWT, or null when it is not one. */
export function claimsOf(token: string): { role: Role; unitCode: string | null; subject: string } | null {
  const payload = token.split('.')[1];
  if (!payload || token.split('.').length !== 3) return null;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { role?: unknown; unit?: unknown; sub?: unknown };
    const role = typeof claims.role === 'string' ? officerRoleOfClaim(claims.role) : null;
    if (!role) return null;
    return {
      role,
      unitCode: typeof claims.unit === 'string' ? claims.unit : null,
      subject: typeof claims.sub === 'string' ? claims.sub : '',
    };
  } catch {
    return null;
  }
}

interface Auth {
  readonly token: string | null;
  readonly officer: Officer | null;
  /** Checks the token with the server; throws ApiError (UNAUTHENTICATED, TOKEN_MALFORMED…). */
  signIn(token: string): Promise<Officer>;
  signOut(): void;
}

const STORAGE_KEY = 'antq.dashboard.session';
const Context = createContext<Auth | null>(null);

function stored(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && typeof session.token === 'string' ? session : null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(stored);
  const queryClient = useQueryClient();
  const signIn = useCallback(
    async (pasted: string) => {
      const token = pasted.trim();
      if (!token) throw new ApiError('TOKEN_EMPTY', '');
      const claims = claimsOf(token);
      if (!claims) throw new ApiError('TOKEN_MALFORMED', '');
      const { adminUnit } = await request(OfficerUnitDocument, { code: claims.unitCode ?? '' }, token);
      const officer: Officer = { ...claims, unitName: adminUnit?.fullName ?? null };
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token, officer }));
      queryClient.removeQueries(); // nothing read as someone else is shown again
      setSession({ token, officer });
      return officer;
    },
    [queryClient],
  );
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    queryClient.removeQueries();
    setSession(null);
  }, [queryClient]);
  const value = useMemo<Auth>(
    () => ({ token: session?.token ?? null, officer: session?.officer ?? null, signIn, signOut }),
    [session, signIn, signOut],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(Context);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
