import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useLocation, useSearch } from 'wouter';
import { isIsoDate } from '@antq/core';
import { ApiError, request } from './api';
import { useAuth } from './auth';
import { FIRST_DAY, today } from './dates';
import type { TypedDocumentString } from './generated/graphql';

const nameOf = (document: { toString(): string }) => /(?:query|mutation) (\w+)/.exec(document.toString())?.[1] ?? document.toString();

/** Whether to try a failed request again: only when the server could not be reached. */
const retry = (count: number, error: unknown) => count < 2 && error instanceof ApiError && error.code === 'NETWORK';

/** One operation, cached by its name, variables and the token it was sent with. */
export function useApi<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables, enabled = true) {
  const { token } = useAuth();
  return useQuery({
    queryKey: [nameOf(document), variables, token],
    queryFn: ({ signal }) => request(document, variables, token, signal),
    enabled,
    retry,
  });
}

/** A connection read page after page (`after: endCursor`), for the "show more" of a list. */
export function usePages<Result, Variables extends { after?: string | null }>(
  document: TypedDocumentString<Result, Variables>,
  variables: Omit<Variables, 'after'>,
  pageInfoOf: (result: Result) => { hasNextPage: boolean; endCursor: string | null } | undefined,
  enabled = true,
) {
  const { token } = useAuth();
  return useInfiniteQuery({
    queryKey: [nameOf(document), variables, token, 'pages'],
    queryFn: ({ signal, pageParam }) => request(document, { ...variables, after: pageParam } as Variables, token, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => {
      const info = pageInfoOf(last);
      return info?.hasNextPage ? info.endCursor : undefined;
    },
    enabled,
    retry,
  });
}

/**
 * Where the reader is, from the URL: `?date=` (the figures' date; default today) and
 * `?on=` (the date the unit of the path was picked on, when it differs: the territory
 * followed through the lineage). Every change is a new history entry, so Back works.
 */
export function useView() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const last = today();
  const inRange = (d: string | null): d is string => d !== null && isIsoDate(d) && d >= FIRST_DAY && d <= last;
  const date = inRange(params.get('date')) ? params.get('date')! : last;
  const on = inRange(params.get('on')) && params.get('on') !== date ? params.get('on') : null;
  const query = (values: Record<string, string | null>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `?${s}` : '';
  };
  return {
    date,
    on,
    today: last,
    /** A unit on the current date (or `day`). */
    unitHref: (code: string, day = date) => `/unit/${encodeURIComponent(code)}${query({ date: day === last ? null : day })}`,
    areaHref: (id: string) => `/area/${encodeURIComponent(id)}${query({ date: date === last ? null : date })}`,
    homeHref: () => `/${query({ date: date === last ? null : date })}`,
    /** The same page on another date; a unit keeps the date it was picked on, to follow its territory. */
    setDate(day: string, replace = false) {
      const keepOn = location.startsWith('/unit/') ? (on ?? date) : null;
      navigate(`${location}${query({ date: day === last ? null : day, on: keepOn === day ? null : keepOn })}`, { replace });
    },
  };
}
