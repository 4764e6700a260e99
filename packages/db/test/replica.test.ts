/**
 * The read router's decisions (src/replica.ts) on a clock and servers of the test's own: a
 * viewer who wrote reads from the primary until the replica has replayed past the write's
 * position, or for maxLagMs at most; while a mutation runs; and everyone reads from the
 * primary while the replica is down, until a probe finds it back. The real streaming replica
 * is exercised in packages/graphql/test/read-replica.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { lsnValue, ReadRouter, replicaCannotAnswer } from '../src/replica.js';

function setup(options: { maxLagMs?: number; lsnCacheMs?: number; retryMs?: number } = {}) {
  const state = { now: 1_000, primaryLsn: '0/100', replayLsn: '0/100' as string | null, replicaDown: false, replicaAsked: 0 };
  const router = new ReadRouter(
    { url: 'postgresql://replica/db', lsnCacheMs: 0, ...options },
    () => Promise.resolve({ rows: [{ lsn: state.primaryLsn }] }),
    (text) => {
      state.replicaAsked += 1;
      if (state.replicaDown) return Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
      return Promise.resolve({
        rows: [text.includes('pg_is_in_recovery') ? { replaying: true, lsn: state.replayLsn } : { lsn: state.replayLsn }],
      });
    },
    () => state.now,
  );
  /** officer:a's running mutation ends, having written up to `lsn` on the primary. */
  const wroteAt = async (lsn: string) => {
    state.primaryLsn = lsn;
    await router.wrote('officer:a');
  };
  return { state, router, wroteAt };
}

describe('lsnValue', () => {
  it('orders WAL positions as PostgreSQL does (the high word first, hexadecimal)', () => {
    expect(lsnValue('0/16B3748')).toBe(0x16b3748n);
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(lsnValue('A/10') > lsnValue('9/FF')).toBe(true);
    expect(() => lsnValue('nonsense')).toThrow(/not a WAL position/);
  });
});

describe('ReadRouter', () => {
  it('sends everyone to the replica when nobody wrote, without asking the replica anything', async () => {
    const { state, router } = setup();
    expect(await router.choose('officer:a')).toBe('replica');
    expect(await router.choose(null)).toBe('replica');
    expect(state.replicaAsked).toBe(0);
  });

  it('holds a writer to the primary while its mutation runs, and until the replica has replayed past it', async () => {
    const { state, router, wroteAt } = setup();
    router.writing('officer:a');
    expect(await router.choose('officer:a')).toBe('primary');
    expect(await router.choose('officer:b')).toBe('replica');
    await wroteAt('0/200');
    state.replayLsn = '0/1FF';
    expect(await router.choose('officer:a')).toBe('primary');
    expect(router.pinned).toBe(1);
    state.replayLsn = '0/200';
    expect(await router.choose('officer:a')).toBe('replica');
    expect(router.pinned).toBe(0);
  });

  it('lets the writer go back to the replica after maxLagMs, replayed or not', async () => {
    const { state, router, wroteAt } = setup({ maxLagMs: 500 });
    router.writing('officer:a');
    await wroteAt('0/900');
    state.now += 499;
    expect(await router.choose('officer:a')).toBe('primary');
    state.now += 1;
    expect(await router.choose('officer:a')).toBe('replica');
  });

  it('keeps the writer on the primary while a second mutation of its runs, though the first one is replayed', async () => {
    const { state, router, wroteAt } = setup();
    router.writing('officer:a');
    router.writing('officer:a');
    await wroteAt('0/300');
    state.replayLsn = '0/300';
    expect(await router.choose('officer:a')).toBe('primary');
    await wroteAt('0/400');
    expect(await router.choose('officer:a')).toBe('primary');
    state.replayLsn = '0/400';
    expect(await router.choose('officer:a')).toBe('replica');
  });

  it('trusts the replayed position for lsnCacheMs', async () => {
    const { state, router, wroteAt } = setup({ lsnCacheMs: 100 });
    router.writing('officer:a');
    await wroteAt('0/200');
    state.replayLsn = '0/100';
    expect(await router.choose('officer:a')).toBe('primary');
    state.replayLsn = '0/200';
    expect(await router.choose('officer:a')).toBe('primary'); // still the cached 0/100
    expect(state.replicaAsked).toBe(1);
    state.now += 100;
    expect(await router.choose('officer:a')).toBe('replica');
    expect(state.replicaAsked).toBe(2);
  });

  it('sends everyone to the primary while the replica is down, and back once a probe finds it answering', async () => {
    const { state, router } = setup({ retryMs: 1_000 });
    state.replicaDown = true;
    router.failed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(router.down).toBe(true);
    expect(router.fallbacks).toBe(1);
    expect(await router.choose('officer:b')).toBe('primary');
    expect(state.replicaAsked).toBe(0); // left alone for retryMs
    state.now += 1_000;
    expect(await router.choose('officer:b')).toBe('primary'); // a probe starts, and finds it still down
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(state.replicaAsked).toBe(1);
    expect(router.down).toBe(true);
    state.replicaDown = false;
    expect(await router.status()).toEqual({ up: true, replaying: true, replayLsn: '0/100' });
    expect(router.down).toBe(false);
    expect(await router.choose('officer:b')).toBe('replica');
  });

  it('refuses a bound that is not a whole number of milliseconds', () => {
    expect(() => setup({ maxLagMs: -1 })).toThrow(/ANTQ_REPLICA_MAX_LAG_MS/);
    expect(() => setup({ maxLagMs: 1.5 })).toThrow(/ANTQ_REPLICA_MAX_LAG_MS/);
  });
});

describe('replicaCannotAnswer', () => {
  it('is true of a replica that cannot be used now, and of a read cancelled by a conflict with recovery', () => {
    expect(replicaCannotAnswer(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(replicaCannotAnswer(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(replicaCannotAnswer(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(replicaCannotAnswer(Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' }))).toBe(
      true,
    );
  });

  it('is false of a statement that is wrong (it would be wrong on the primary too)', () => {
    expect(replicaCannotAnswer(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(false);
    expect(replicaCannotAnswer(Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }))).toBe(
      false,
    );
    expect(replicaCannotAnswer(Object.assign(new Error('could not serialize access'), { code: '40001' }))).toBe(false);
  });
});
