// A small seeded PRNG (sfc32, seeded through splitmix32) and the draws the generator needs; never Math.random.
export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `n` distinct items (fewer if the list is shorter), in draw order. */
  sample<T>(items: readonly T[], n: number): T[];
  hex(length: number): string;
};

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("Rng.pick: empty list");
      return items[Math.floor(next() * items.length)];
    },
    sample: (items, n) => {
      const pool = [...items];
      const out = [];
      while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
      return out;
    },
    hex: (length) => {
      let s = "";
      while (s.length < length) s += u32().toString(16).padStart(8, "0");
      return s.slice(0, length);
    },
  };
  return rng;
}

/** A seed for the i-th record derived from the corpus seed, so each record can be drawn on its own. */
export function recordSeed(seed: number, index: number): number {
  return splitmix32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)();
}
