import { describe, expect, it } from 'vitest';
import type { CronJob } from '../../src/cluster/api/types.js';
import {
  loadLocation,
  mostRecentScheduleTime,
  nextWakeUp,
  parseStandard,
  rfc1123z,
  rfc3339InZone,
} from '../../src/cluster/controllers/cronjob-schedule.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function cronJob(schedule: string, created: string, extra: Partial<CronJob['spec']> = {}, status: CronJob['status'] = {}): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'cj', namespace: 'default', uid: 'u', creationTimestamp: created },
    spec: { schedule, jobTemplate: { spec: { template: { spec: { containers: [] } } } }, ...extra },
    status,
  };
}

describe('parseStandard (robfig/cron ParseStandard on cron-parser)', () => {
  it('next() is strictly after the given time', () => {
    const s = parseStandard('*/5 * * * *').schedule!;
    expect(iso(s.next(at('2025-01-01T10:00:00Z')))).toBe('2025-01-01T10:05:00.000Z');
    expect(iso(s.next(at('2025-01-01T10:04:59Z')))).toBe('2025-01-01T10:05:00.000Z');
  });

  it('accepts the descriptors, @midnight as @daily, and @every', () => {
    expect(iso(parseStandard('@midnight').schedule!.next(at('2025-01-01T10:00:00Z')))).toBe('2025-01-02T00:00:00.000Z');
    expect(iso(parseStandard('@hourly').schedule!.next(at('2025-01-01T10:15:00Z')))).toBe('2025-01-01T11:00:00.000Z');
    expect(iso(parseStandard('@weekly').schedule!.next(at('2025-01-01T10:15:00Z')))).toBe('2025-01-05T00:00:00.000Z');
    expect(iso(parseStandard('@every 90s').schedule!.next(at('2025-01-01T10:00:00.500Z')))).toBe('2025-01-01T10:01:30.000Z');
  });

  it('reports the parser errors kubernetes reports', () => {
    expect(parseStandard('* * *').error).toBe('expected exactly 5 fields, found 3: [* * *]');
    expect(parseStandard('0 0 * * * *').error).toBe('expected exactly 5 fields, found 6: [0 0 * * * *]');
    expect(parseStandard('@minutely').error).toBe('unrecognized descriptor: @minutely');
    expect(parseStandard('61 * * * *').error).toBeDefined();
  });

  it('evaluates in a time zone, from spec or a TZ= prefix', () => {
    expect(iso(parseStandard('0 3 * * *', 'Europe/Berlin').schedule!.next(at('2025-01-01T00:00:00Z')))).toBe('2025-01-01T02:00:00.000Z');
    expect(iso(parseStandard('TZ=Asia/Seoul 0 9 * * *').schedule!.next(at('2025-01-01T01:00:00Z')))).toBe('2025-01-02T00:00:00.000Z');
    expect(loadLocation('Mars/Olympus')).toEqual({ error: 'unknown time zone Mars/Olympus' });
    expect(loadLocation('')).toEqual({ tz: 'UTC' });
  });
});

describe('mostRecentScheduleTime / nextWakeUp (cronjob utils.go)', () => {
  it('nothing due before the first schedule after creation', () => {
    const cj = cronJob('*/1 * * * *', '2025-01-01T00:00:10Z');
    const s = parseStandard(cj.spec.schedule).schedule!;
    expect(mostRecentScheduleTime(cj, at('2025-01-01T00:00:59Z'), s, true)).toEqual({ earliest: at('2025-01-01T00:00:10Z'), missed: 'none' });
    expect(iso(nextWakeUp(cj, at('2025-01-01T00:00:59Z'), s))).toBe('2025-01-01T00:01:00.100Z');
  });

  it('finds only the most recent of several missed times', () => {
    const cj = cronJob('*/1 * * * *', '2025-01-01T00:00:00Z', {}, { lastScheduleTime: '2025-01-01T00:01:00Z' });
    const s = parseStandard(cj.spec.schedule).schedule!;
    const r = mostRecentScheduleTime(cj, at('2025-01-01T00:07:30Z'), s, true);
    expect(iso(r.mostRecent)).toBe('2025-01-01T00:07:00.000Z');
    expect(r.missed).toBe('few');
  });

  it('more than 100 missed is "many", and the latest is still found', () => {
    const cj = cronJob('*/1 * * * *', '2025-01-01T00:00:00Z');
    const s = parseStandard(cj.spec.schedule).schedule!;
    const r = mostRecentScheduleTime(cj, at('2025-01-01T03:00:30Z'), s, true);
    expect(r.missed).toBe('many');
    expect(iso(r.mostRecent)).toBe('2025-01-01T03:00:00.000Z');
  });

  it('startingDeadlineSeconds moves the earliest time up to now − deadline', () => {
    const cj = cronJob('0 * * * *', '2025-01-01T00:00:00Z', { startingDeadlineSeconds: 300 });
    const s = parseStandard(cj.spec.schedule).schedule!;
    expect(mostRecentScheduleTime(cj, at('2025-01-01T01:04:00Z'), s, true).mostRecent).toBe(at('2025-01-01T01:00:00Z'));
    expect(mostRecentScheduleTime(cj, at('2025-01-01T01:06:00Z'), s, true).mostRecent).toBeUndefined();
    expect(mostRecentScheduleTime(cj, at('2025-01-01T01:06:00Z'), s, false).mostRecent).toBe(at('2025-01-01T01:00:00Z'));
  });

  it('copes with schedules whose interval is not constant (30 6-16/4 * * 1-5)', () => {
    const cj = cronJob('30 6-16/4 * * 1-5', '2025-01-03T00:00:00Z'); // a Friday
    const s = parseStandard(cj.spec.schedule).schedule!;
    const r = mostRecentScheduleTime(cj, at('2025-01-06T12:00:00Z'), s, true); // Monday noon
    expect(iso(r.mostRecent)).toBe('2025-01-06T10:30:00.000Z');
  });
});

describe('time formats', () => {
  it('RFC1123Z as Go prints it', () => {
    expect(rfc1123z(at('2025-01-01T00:01:00Z'))).toBe('Wed, 01 Jan 2025 00:01:00 +0000');
  });
  it('RFC3339 in a zone, Z for a zero offset', () => {
    expect(rfc3339InZone(at('2025-01-01T00:00:00Z'), 'UTC')).toBe('2025-01-01T00:00:00Z');
    expect(rfc3339InZone(at('2025-01-01T00:00:00Z'), 'Asia/Seoul')).toBe('2025-01-01T09:00:00+09:00');
    expect(rfc3339InZone(at('2025-07-01T12:00:00Z'), 'America/New_York')).toBe('2025-07-01T08:00:00-04:00');
    expect(rfc3339InZone(at('2025-01-01T12:00:00Z'), 'Europe/London')).toBe('2025-01-01T12:00:00Z');
  });
});
