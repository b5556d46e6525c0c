/**
 * A seeded pseudo-random generator (xoshiro128**, Blackman & Vigna 2018, seeded by splitmix32),
 * so permutation p-values are the same on every run: uniform numbers in [0, 1) from 32 bits.
 */
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0;
  const splitmix32 = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 2 ** 32;
  };
}

const rotl = (v: number, k: number) => (v << k) | (v >>> (32 - k));
