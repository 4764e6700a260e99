/**
 * Determinism for the demo data: a seeded pseudo-random generator, split into named
 * streams (so that changing how one part is generated leaves the others as they were),
 * and name-based uuids derived from the seed, so a seed always yields the same ids.
 */
import { createHash } from 'node:crypto';
import { addDays, daysBetween, type IsoDate } from '@antq/core';

/** A seeded generator of numbers in [0, 1) with helpers. Not for anything secret. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for `stream` under `seed`: the same pair always gives the same sequence. */
  constructor(seed: number, stream: string) {
    const h = createHash('sha256').update(`antq-demo/${seed}/${stream}`).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One key, with probability proportional to its weight (keys left out weigh nothing). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries.at(-1)![0];
  }

  /** A day in [from, to], both included. */
  date(from: IsoDate, to: IsoDate): IsoDate {
    return addDays(from, this.int(0, daysBetween(from, to)));
  }

  /** The list in a random order (a copy). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/**
 * A name-based uuid (version 8, SHA-256, as RFC 9562 Appendix B.2 shows) for the demo
 * row `kind`/`key` under `seed`: the same seed always gives the same ids, and ids of
 * different seeds do not meet.
 */
export function demoUuid(seed: number, kind: string, key: string): string {
  const h = createHash('sha256').update(`antq-demo/${seed}/${kind}/${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80; // version 8
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
