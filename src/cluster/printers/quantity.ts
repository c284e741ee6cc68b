// resource.Quantity as kubectl prints it (k8s.io/apimachinery/pkg/api/resource/quantity.go, String() →
// CanonicalizeBytes): exact arithmetic in nano-units, then the largest suffix that keeps the number whole —
// `1500m`, `1`, `1500k`, `256Mi`; binary quantities under 1024 print as decimal.

export type QuantityFormat = 'BinarySI' | 'DecimalSI';

export interface Quantity {
  /** Value in nano-units (1 core = 1e9, 1 byte = 1e9). */
  nanos: bigint;
  format: QuantityFormat;
}

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** Parses `100m`, `1.5`, `128Mi`, `1e3`, a number. Undefined when it is not a quantity. */
export function parseQuantityExact(q: string | number | undefined): Quantity | undefined {
  if (q === undefined) return undefined;
  const s = String(q).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  let value = BigInt((m[2] || '0') + frac); // scaled by 10^frac.length
  let exp10 = 9 - frac.length + (m[4] ? parseInt(m[4], 10) : 0);
  const suffix = m[5] ?? '';
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY) {
    value *= BINARY[suffix];
    format = 'BinarySI';
  } else exp10 += DECIMAL_EXP[suffix];
  // Quantities are rounded up to nano precision, as the API server does.
  let nanos: bigint;
  if (exp10 >= 0) nanos = value * 10n ** BigInt(exp10);
  else {
    const d = 10n ** BigInt(-exp10);
    nanos = value / d + (value % d === 0n ? 0n : 1n);
  }
  return { nanos: sign * nanos, format };
}

const DECIMAL_SUFFIXES: [number, string][] = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
  [-3, 'm'],
  [-6, 'u'],
  [-9, 'n'],
];
const BINARY_SUFFIXES: [bigint, string][] = [
  [1n << 60n, 'Ei'],
  [1n << 50n, 'Pi'],
  [1n << 40n, 'Ti'],
  [1n << 30n, 'Gi'],
  [1n << 20n, 'Mi'],
  [1n << 10n, 'Ki'],
];

/** Quantity.String(). */
export function formatQuantity(q: Quantity): string {
  const { nanos } = q;
  if (nanos === 0n) return '0';
  const neg = nanos < 0n;
  const abs = neg ? -nanos : nanos;
  const sign = neg ? '-' : '';
  if (q.format === 'BinarySI' && abs >= 1024n * 1_000_000_000n && abs % 1_000_000_000n === 0n) {
    const bytes = abs / 1_000_000_000n;
    for (const [mult, suffix] of BINARY_SUFFIXES) {
      if (bytes % mult === 0n) return `${sign}${bytes / mult}${suffix}`;
    }
    return `${sign}${bytes}`;
  }
  for (const [e, suffix] of DECIMAL_SUFFIXES) {
    const div = 10n ** BigInt(e + 9);
    if (abs % div === 0n) return `${sign}${abs / div}${suffix}`;
  }
  return `${sign}${abs}n`;
}

/** A stored quantity string in canonical form (`1024Mi` → `1Gi`); unparseable text is returned unchanged. */
export function canonicalQuantity(q: string | number | undefined): string {
  const p = parseQuantityExact(q);
  return p ? formatQuantity(p) : String(q ?? '');
}

export function addQuantity(a: Quantity | undefined, b: Quantity): Quantity {
  return a ? { nanos: a.nanos + b.nanos, format: a.format } : b;
}

/** Whole base units (Quantity.Value(), rounded up) and thousandths (MilliValue()). */
export function quantityValue(q: Quantity | undefined): bigint {
  if (!q) return 0n;
  const d = 1_000_000_000n;
  return q.nanos / d + (q.nanos % d > 0n ? 1n : 0n);
}
export function quantityMilli(q: Quantity | undefined): bigint {
  if (!q) return 0n;
  const d = 1_000_000n;
  return q.nanos / d + (q.nanos % d > 0n ? 1n : 0n);
}
