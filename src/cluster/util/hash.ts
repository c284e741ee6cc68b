// FNV-1a, 32 bit: a fast, stable string hash used to pick table buckets (see src/cluster/store.ts).
export function fnv1a(s: string): number {
  return fnv1aMore(FNV1A_OFFSET, s) >>> 0;
}

/** FNV-1a's starting state. */
export const FNV1A_OFFSET = 0x811c9dc5;
const FNV1A_PRIME = 0x01000193;

/**
 * Continues an FNV-1a hash over more text: `fnv1aMore(fnv1aMore(FNV1A_OFFSET, a), b) >>> 0 === fnv1a(a + b)`, so a
 * key made of parts is hashed without building it.
 */
export function fnv1aMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV1A_PRIME);
  return h;
}

/** Continues an FNV-1a hash over one UTF-16 code unit. */
export function fnv1aChar(h: number, code: number): number {
  return Math.imul(h ^ code, FNV1A_PRIME);
}
