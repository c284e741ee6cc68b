// The kubelet's back-off bookkeeping: client-go's flowcontrol.Backoff (staging/src/k8s.io/client-go/util/
// flowcontrol/backoff.go) as the kubelet builds it, without jitter: `NewBackOff(10s, 300s)` for container
// restarts (pkg/kubelet/kubelet.go backOffPeriod / MaxContainerBackOff) and for image pulls
// (pkg/kubelet/images, imageBackOff). Entries are plain data kept in the pod's runtime record.

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

export interface BackoffEntry {
  /** The current delay. */
  backoffMs: number;
  /** When the entry was last moved on (Backoff.Next). */
  lastUpdate: number;
}

/** hasExpired: an entry is forgotten once the event is more than 2 × max (10 min) past its last update. */
export function hasExpired(eventTime: number, lastUpdate: number): boolean {
  return eventTime - lastUpdate > 2 * MAX_BACKOFF_MS;
}

/** IsInBackOffSince(id, eventTime): `now - eventTime < backoff` for a live entry. */
export function isInBackOffSince(entry: BackoffEntry | undefined, eventTime: number, now: number): boolean {
  if (!entry || hasExpired(eventTime, entry.lastUpdate)) return false;
  return now - eventTime < entry.backoffMs;
}

/** IsInBackOffSinceUpdate(id, now): `now - lastUpdate < backoff` (the image puller's check). */
export function isInBackOffSinceUpdate(entry: BackoffEntry | undefined, now: number): boolean {
  if (!entry || hasExpired(now, entry.lastUpdate)) return false;
  return now - entry.lastUpdate < entry.backoffMs;
}

/** Next(id, eventTime): a new or expired entry starts at 10s, a live one doubles up to 300s. */
export function nextBackoff(entry: BackoffEntry | undefined, eventTime: number, now: number): BackoffEntry {
  if (!entry || hasExpired(eventTime, entry.lastUpdate)) return { backoffMs: INITIAL_BACKOFF_MS, lastUpdate: now };
  return { backoffMs: Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS), lastUpdate: now };
}
