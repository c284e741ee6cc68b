// CronJob schedules on the simulated clock: robfig/cron's ParseStandard as the CronJob controller uses it
// (5 fields, `@yearly … @hourly`, `@every <duration>`, an optional `TZ=`/`CRON_TZ=` prefix), evaluated with
// cron-parser v5, and the missed-schedule arithmetic of pkg/controller/cronjob/utils.go (mostRecentScheduleTime,
// nextScheduleTimeDuration) as of v1.29+ (#121327: none / few / many missed, no count leaked).

import { CronExpressionParser } from 'cron-parser';
import type { CronJob } from '../api/types.js';
import { parseDuration, parseTime } from '../util/time.js';

/** nextScheduleDelta: the controller wakes 100ms after a schedule time to absorb clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export interface Schedule {
  /** The first schedule time strictly after `t` (robfig Schedule.Next), or undefined if there is none. */
  next(t: number): number | undefined;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** time.LoadLocation: '' and 'UTC' are UTC, 'Local' is the controller manager's zone (UTC here), else IANA names. */
export function loadLocation(zone: string): { tz?: string; error?: string } {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return { tz: 'UTC' };
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return { tz: zone };
  } catch {
    return { error: `unknown time zone ${zone}` };
  }
}

/** cron.ParseStandard of `spec` in zone `defaultZone` (a `TZ=` prefix in the spec wins, as in robfig). */
export function parseStandard(spec: string, defaultZone = 'UTC'): { schedule?: Schedule; error?: string } {
  let text = spec.trim();
  let zone = defaultZone;
  const tzMatch = /^(?:CRON_TZ|TZ)=(\S+)\s+/.exec(text);
  if (tzMatch) {
    const loc = loadLocation(tzMatch[1]);
    if (loc.error) return { error: `provided bad location ${tzMatch[1]}: ${loc.error}` };
    zone = loc.tz!;
    text = text.slice(tzMatch[0].length).trim();
  }
  if (text.startsWith('@every ')) {
    const d = parseDuration(text.slice(7).trim());
    if (d === undefined) return { error: `failed to parse duration ${text}: time: invalid duration "${text.slice(7).trim()}"` };
    // ConstantDelaySchedule: at least a second, whole seconds, counted from the start of the current second.
    const delay = Math.max(1000, Math.floor(d / 1000) * 1000);
    return { schedule: { next: (t) => Math.floor(t / 1000) * 1000 + delay } };
  }
  if (text.startsWith('@')) {
    const expanded = DESCRIPTORS[text];
    if (!expanded) return { error: `unrecognized descriptor: ${text}` };
    text = expanded;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return { error: `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]` };
  try {
    CronExpressionParser.parse(text, { currentDate: new Date(0), tz: zone });
  } catch (e) {
    return { error: (e as Error).message };
  }
  return {
    schedule: {
      next(t) {
        try {
          return CronExpressionParser.parse(text, { currentDate: new Date(t), tz: zone }).next().getTime();
        } catch {
          return undefined;
        }
      },
    },
  };
}

/** formatSchedule + ParseStandard for a CronJob: spec.timeZone applies unless the schedule names its own. */
export function cronJobSchedule(cj: CronJob): { schedule?: Schedule; error?: string; tzInSchedule: boolean } {
  const tzInSchedule = cj.spec.schedule.includes('TZ');
  const zone = !tzInSchedule && cj.spec.timeZone ? (loadLocation(cj.spec.timeZone).tz ?? 'UTC') : 'UTC';
  return { ...parseStandard(cj.spec.schedule, zone), tzInSchedule };
}

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  /** lastScheduleTime or creationTimestamp (raised to now − startingDeadlineSeconds when asked). */
  earliest: number;
  /** The latest schedule time ≤ now after `earliest`, if any. */
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

/**
 * mostRecentScheduleTime: counts the missed schedules by the interval between the first two (without walking a
 * decade of minutes), then finds the latest one by stepping from just before it.
 */
export function mostRecentScheduleTime(cj: CronJob, now: number, sched: Schedule, includeStartingDeadline: boolean): MostRecent {
  let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
  const sds = cj.spec.startingDeadlineSeconds;
  if (includeStartingDeadline && sds !== undefined && sds !== null) earliest = Math.max(earliest, now - sds * 1000);
  const t1 = sched.next(earliest);
  if (t1 === undefined || now < t1) return { earliest, missed: 'none' };
  const t2 = sched.next(t1);
  if (t2 === undefined || now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.floor((now - t1) / 1000);
  const count = Math.floor(elapsed / between) + 1;
  let mostRecent: number | undefined;
  const from = t1 + (count - 2) * between * 1000;
  for (let t = sched.next(from); t !== undefined && t <= now; t = sched.next(t)) mostRecent = t;
  const missed: Missed = count > 100 ? 'many' : count > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTimeDuration, as an absolute time: the next schedule after the last one handled, plus 100ms. */
export function nextWakeUp(cj: CronJob, now: number, sched: Schedule): number | undefined {
  const r = mostRecentScheduleTime(cj, now, sched, false);
  let from: number;
  if (r.error) from = now;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : now;
  else from = r.mostRecent;
  const next = sched.next(from);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z of a UTC time: `Wed, 01 Jan 2025 00:01:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** `t.In(zone).Format(time.RFC3339)`: `2025-01-01T09:00:00+09:00`, or `…Z` in UTC. */
export function rfc3339InZone(ms: number, zone: string): string {
  const sec = Math.floor(ms / 1000) * 1000;
  if (zone === 'UTC') return new Date(sec).toISOString().replace('.000Z', 'Z');
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(sec))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offsetMin = Math.round((local - sec) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const offset = offsetMin === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
