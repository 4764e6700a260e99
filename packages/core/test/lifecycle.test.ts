import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import {
  LIFECYCLE_EVENT_KINDS,
  LIFECYCLE_TRANSITIONS,
  IllegalTransitionError,
  activeDaysUpTo,
  addDays,
  allowedEvents,
  applyEvent,
  assertLegal,
  buildLifecycle,
  firstActiveDate,
  isActiveOn,
  lifecycleOrThrow,
  stateOn,
  type DatedEvent,
  type LifecycleEventKind,
  type ModelState,
} from '../src/index.js';

const ev = (kind: LifecycleEventKind, date: string): DatedEvent => ({ kind, date });
const founding = (date: string): DatedEvent[] =>
  (['PROPOSE', 'SURVEY', 'APPROVE', 'ESTABLISH', 'ACTIVATE'] as const).map((k) => ev(k, date));

describe('transitions', () => {
  test.each<[ModelState | null, LifecycleEventKind, ModelState]>([
    [null, 'PROPOSE', 'PROPOSED'],
    ['PROPOSED', 'SURVEY', 'SURVEYED'],
    ['SURVEYED', 'APPROVE', 'APPROVED'],
    ['APPROVED', 'ESTABLISH', 'ESTABLISHED'],
    ['ESTABLISHED', 'ACTIVATE', 'ACTIVE'],
    ['ACTIVE', 'SUSPEND', 'SUSPENDED'],
    ['SUSPENDED', 'RESUME', 'ACTIVE'],
    ['SUSPENDED', 'DISSOLVE', 'DISSOLVED'],
    ['ACTIVE', 'DISSOLVE', 'DISSOLVED'],
    ['PROPOSED', 'DISSOLVE', 'DISSOLVED'],
  ])('%s --%s--> %s', (from, event, to) => expect(applyEvent(from, event, '2024-01-01')).toEqual({ ok: true, state: to }));

  test.each<[ModelState | null, LifecycleEventKind]>([
    [null, 'ACTIVATE'],
    [null, 'DISSOLVE'],
    ['PROPOSED', 'PROPOSE'],
    ['PROPOSED', 'ACTIVATE'],
    ['ESTABLISHED', 'SUSPEND'],
    ['ACTIVE', 'RESUME'],
    ['ACTIVE', 'ACTIVATE'],
    ['DISSOLVED', 'RESUME'],
    ['DISSOLVED', 'DISSOLVE'],
  ])('%s --%s--> is illegal and names both', (from, event) => {
    const r = applyEvent(from, event, '2024-03-05', 7);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', state: from, event, date: '2024-03-05', index: 7 });
    expect(r.error.message.en).toContain(event);
    expect(r.error.message.vi).toContain(from ?? 'NONE');
  });

  it('allowedEvents', () => {
    expect(allowedEvents(null)).toEqual(['PROPOSE']);
    expect(allowedEvents('ACTIVE')).toEqual(['SUSPEND', 'DISSOLVE']);
    expect(allowedEvents('SUSPENDED')).toEqual(['RESUME', 'DISSOLVE']);
    expect(allowedEvents('DISSOLVED')).toEqual([]);
  });

  it('assertLegal throws an IllegalTransitionError with state and event', () => {
    expect(assertLegal('ACTIVE', 'SUSPEND', '2024-01-01')).toBe('SUSPENDED');
    try {
      assertLegal('DISSOLVED', 'RESUME', '2024-06-01');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IllegalTransitionError);
      expect(e).toMatchObject({ name: 'IllegalTransitionError', state: 'DISSOLVED', event: 'RESUME', date: '2024-06-01' });
      expect((e as Error).message).toBe('Event RESUME is not allowed in state DISSOLVED (on 2024-06-01).');
    }
  });
});

describe('timeline', () => {
  const history = [
    ev('PROPOSE', '2024-01-10'),
    ev('SURVEY', '2024-01-20'),
    ev('APPROVE', '2024-02-01'),
    ev('ESTABLISH', '2024-02-15'),
    ev('ACTIVATE', '2024-03-01'),
    ev('SUSPEND', '2024-03-11'),
    ev('RESUME', '2024-04-01'),
    ev('DISSOLVE', '2024-04-06'),
  ];
  const life = lifecycleOrThrow(history);

  test.each<[string, ModelState | null]>([
    ['2024-01-09', null],
    ['2024-01-10', 'PROPOSED'],
    ['2024-01-19', 'PROPOSED'],
    ['2024-02-29', 'ESTABLISHED'],
    ['2024-03-01', 'ACTIVE'],
    ['2024-03-10', 'ACTIVE'],
    ['2024-03-11', 'SUSPENDED'],
    ['2024-04-05', 'ACTIVE'],
    ['2024-04-06', 'DISSOLVED'],
    ['2030-01-01', 'DISSOLVED'],
  ])('state on %s is %s', (date, state) => expect(stateOn(life, date)).toBe(state));

  test.each([
    ['2024-02-29', 0],
    ['2024-03-01', 1],
    ['2024-03-10', 10],
    ['2024-03-31', 10],
    ['2024-04-01', 11],
    ['2024-04-05', 15],
    ['2025-01-01', 15],
  ])('active days up to %s: %i', (date, days) => expect(activeDaysUpTo(life, date)).toBe(days));

  it('firstActiveDate and isActiveOn', () => {
    expect(firstActiveDate(life)).toBe('2024-03-01');
    expect(isActiveOn(life, '2024-03-05')).toBe(true);
    expect(isActiveOn(life, '2024-03-15')).toBe(false);
    expect(firstActiveDate(lifecycleOrThrow([ev('PROPOSE', '2024-01-01')]))).toBeNull();
    expect(buildLifecycle([])).toEqual({ ok: true, lifecycle: { segments: [] } });
  });

  it('same-day events apply in the order given; the state on the day is the last', () => {
    const l = lifecycleOrThrow(founding('2024-05-01'));
    expect(l.segments).toEqual([{ state: 'ACTIVE', from: '2024-05-01', to: null }]);
    const bounce = lifecycleOrThrow([...founding('2024-05-01'), ev('SUSPEND', '2024-06-01'), ev('RESUME', '2024-06-01')]);
    expect(bounce.segments).toEqual([{ state: 'ACTIVE', from: '2024-05-01', to: null }]);
    // Reversed within the day it is illegal: RESUME before SUSPEND.
    const r = buildLifecycle([...founding('2024-05-01'), ev('RESUME', '2024-06-01'), ev('SUSPEND', '2024-06-01')]);
    expect(r).toMatchObject({ ok: false, error: { state: 'ACTIVE', event: 'RESUME', index: 5 } });
  });

  it('events out of date order are sorted by date first', () => {
    const shuffled = [history[5]!, history[0]!, history[7]!, history[2]!, history[1]!, history[4]!, history[6]!, history[3]!];
    expect(lifecycleOrThrow(shuffled)).toEqual(life);
  });

  it('a back-dated event that breaks the history is reported with its input index', () => {
    const r = buildLifecycle([...history, ev('SUSPEND', '2024-02-20')]);
    expect(r).toMatchObject({ ok: false, error: { state: 'ESTABLISHED', event: 'SUSPEND', date: '2024-02-20', index: 8 } });
    expect(() => lifecycleOrThrow([...history, ev('SUSPEND', '2024-02-20')])).toThrow(IllegalTransitionError);
  });
});

// ---- properties ----------------------------------------------------------------------

/** A legal history: a walk through allowed events with random day gaps (0 = same day). */
const legalHistory = fc
  .record({
    start: fc.integer({ min: 0, max: 3650 }),
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 60 }), pick: fc.nat() }), { maxLength: 25 }),
  })
  .map(({ start, steps }) => {
    const events: DatedEvent[] = [];
    let state: ModelState | null = null;
    let date = addDays('2015-01-01', start);
    for (const { gap, pick } of steps) {
      const options = allowedEvents(state);
      if (options.length === 0) break;
      const kind = options[pick % options.length]!;
      date = addDays(date, gap);
      events.push({ kind, date });
      state = LIFECYCLE_TRANSITIONS[kind].to;
    }
    return { events, final: state };
  });

describe('lifecycle properties', () => {
  it('every legal walk builds, ends in the walked state, and has contiguous segments', () => {
    fc.assert(
      fc.property(legalHistory, ({ events, final }) => {
        const r = buildLifecycle(events);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const segs = r.lifecycle.segments;
        if (events.length > 0) expect(stateOn(r.lifecycle, events.at(-1)!.date)).toBe(final);
        segs.forEach((s, i) => {
          if (i > 0) expect(s.state).not.toBe(segs[i - 1]!.state);
          const next = segs[i + 1];
          if (next) expect(addDays(s.to!, 1)).toBe(next.from);
          else expect(s.to).toBeNull();
          if (s.to !== null) expect(s.from <= s.to).toBe(true);
        });
      }),
    );
  });

  it('active days never decrease, never exceed days since the first event, and grow by at most 1 a day', () => {
    fc.assert(
      fc.property(legalHistory, fc.integer({ min: 0, max: 800 }), ({ events }, offset) => {
        const life = lifecycleOrThrow(events);
        if (events.length === 0) return;
        const first = events[0]!.date;
        const d = addDays(first, offset);
        const a = activeDaysUpTo(life, d);
        const b = activeDaysUpTo(life, addDays(d, 1));
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(offset + 1);
        expect(b - a).toBe(isActiveOn(life, addDays(d, 1)) ? 1 : 0);
      }),
    );
  });

  it('the order of events across different dates does not matter', () => {
    fc.assert(
      fc.property(legalHistory, fc.integer(), ({ events }, seed) => {
        // Shuffle whole days (a stable shuffle by a hash of the date keeps same-day order).
        const key = (d: string) => (Number(d.replaceAll('-', '')) * 2654435761 + seed) % 1000003;
        const shuffled = [...events].sort((x, y) => key(x.date) - key(y.date));
        expect(buildLifecycle(shuffled)).toEqual(buildLifecycle(events));
      }),
    );
  });

  it('any sequence either builds or names an event its state does not allow', () => {
    const anyEvents = fc.array(
      fc.record({
        kind: fc.constantFrom(...LIFECYCLE_EVENT_KINDS),
        date: fc.integer({ min: 0, max: 30 }).map((n) => addDays('2024-01-01', n)),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(anyEvents, (events) => {
        const r = buildLifecycle(events);
        if (r.ok) return;
        expect(LIFECYCLE_TRANSITIONS[r.error.event].from).not.toContain(r.error.state);
        expect(events[r.error.index]).toEqual({ kind: r.error.event, date: r.error.date });
      }),
    );
  });
});
