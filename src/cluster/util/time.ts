// Time helpers. Simulated time is a number of milliseconds since the Unix epoch kept in State.now.

/** RFC 3339 with second precision, as the API server serialises metav1.Time: `2025-01-01T00:00:05Z`. */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  // Most calls in a transaction format the same few seconds: the cache saves the formatting and makes the
  // pods written in one second share one string instead of holding a copy each (memory at 150,000 pods).
  let s = recent.get(sec);
  if (s === undefined) {
    s = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
    if (recent.size >= 256) recent.delete(recent.keys().next().value!);
    recent.set(sec, s);
  }
  return s;
}
const recent = new Map<number, string>();

export function parseTime(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration as kubectl and Go's time.ParseDuration accept it (`30s`, `2m`, `1h30m`, `1.5s`, `500ms`),
 * plus `d` for days. A bare number means seconds. Returns undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(parseFloat(s) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    total += parseFloat(m[1]) * UNIT_MS[m[2]];
    pos = re.lastIndex;
  }
  if (pos !== s.length || pos === 0) return undefined;
  return Math.round(total);
}

/** Go's time.Duration.String() for whole seconds and above, as kubelet messages print it: 10s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const totalS = ms / 1000;
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS - h * 3600 - m * 60;
  const sStr = Number.isInteger(s) ? `${s}s` : `${parseFloat(s.toFixed(9))}s`;
  if (h > 0) return `${h}h${m}m${sStr}`;
  if (m > 0) return `${m}m${sStr}`;
  return sStr;
}
