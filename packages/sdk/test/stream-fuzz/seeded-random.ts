/**
 * A small seeded random source (sfc32, seeded through splitmix32), so that every fuzz case is reproduced from one
 * 32-bit number: the same seed gives the same events, the same bytes, the same mutations and the same chunks.
 */
export interface SeededRandom {
  /** The seed this source started from. */
  readonly seed: number;
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [0, below). */
  below(below: number): number;
  /** A whole number in [low, high]. */
  between(low: number, high: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of `choices`, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [weight: number, value: T])[]): T;
}

/** splitmix32: spreads consecutive seeds (case 1, case 2, …) over unrelated states. */
function splitmix32(value: number): number {
  let mixed = (value + 0x9e3779b9) | 0;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

/** The seed of case `index` of a run started with `runSeed`. */
export function caseSeed(runSeed: number, index: number): number {
  return splitmix32((runSeed ^ Math.imul(index + 1, 0x27d4eb2d)) >>> 0);
}

export function createSeededRandom(seed: number): SeededRandom {
  let a = splitmix32(seed);
  let b = splitmix32(a);
  let c = splitmix32(b);
  let d = 1;
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator).
    const sum = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + sum) | 0;
    return (sum >>> 0) / 4_294_967_296;
  };
  // A few rounds first: the first outputs of a fresh state are the least mixed.
  for (let round = 0; round < 12; round++) next();
  const below = (limit: number) => Math.floor(next() * limit);
  return {
    seed,
    next,
    below,
    between: (low, high) => low + below(high - low + 1),
    chance: (probability) => next() < probability,
    pick: (items) => items[below(items.length)] as (typeof items)[number],
    weighted(choices) {
      let roll = next() * choices.reduce((total, [weight]) => total + weight, 0);
      for (const [weight, value] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return (choices.at(-1) as (typeof choices)[number])[1];
    },
  };
}
