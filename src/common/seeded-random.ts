import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Deterministic randomness: the same seed always gives the same round. */
export class SeededRandom {
  private readonly rng;

  constructor(seed: number | string) {
    this.rng = xoroshiro128plus(typeof seed === 'number' ? seed : seedFromText(seed));
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return uniformInt(this.rng, 0, n - 1);
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      // Both indexes are inside the array (j ≤ i < length), so the casts only restore what the loop guarantees.
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  pick<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }
}

export function seedFromText(text: string): number {
  return createHash('sha256').update(text).digest().readInt32LE(0);
}
