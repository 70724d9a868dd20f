// The project's one seeded PRNG (mulberry32), so the demo data is identical on every run.
import { seededRandom as mulberry32 } from '../../core/scoring/cluster/random';

export { mulberry32 };

/** Convenience helpers over one random stream; every call advances it, so call order matters. */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
}
