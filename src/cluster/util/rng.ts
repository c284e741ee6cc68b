// A seeded RNG whose whole state is one uint32 kept in State, so runs are reproducible byte for byte
// (DESIGN.md: "Nothing in src/cluster reads Date.now() or Math.random()"). Algorithm: mulberry32.

/** Returns [value in [0,1), next state]. */
export function nextRandom(state: number): [number, number] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, s];
}

/** The state after one draw (the second half of nextRandom, without allocating the pair). */
export function nextState(state: number): number {
  return (state + 0x6d2b79f5) >>> 0;
}

/** The value drawn from `state` (the first half of nextRandom). */
export function randomValue(state: number): number {
  let t = (state + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Initial RNG state for a user-facing seed. */
export function seedState(seed: number): number {
  let s = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  // Scramble a few rounds so small seeds (1, 2, 3) diverge at once.
  for (let i = 0; i < 4; i++) s = nextRandom(s)[1] ^ (s << 7);
  return s >>> 0;
}
