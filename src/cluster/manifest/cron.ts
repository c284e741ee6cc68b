// CronJob schedules as the API server validates them: cron.ParseStandard from github.com/robfig/cron/v3
// (parser.go: Parse, normalizeFields, getRange, parseDescriptor), whose error text becomes the detail of
// `spec.schedule: Invalid value: "...": <error>` (pkg/apis/batch/validation validateScheduleFormat).
// Kubernetes takes exactly five fields or a descriptor; cron-parser (which the CronJob controller uses to compute
// times) also takes seconds, `L`, `#` and `H`, so those are refused here before they get that far.

import { CronExpressionParser } from 'cron-parser';
import { goQuote } from './field-errors.js';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Bounds[] = [
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** strconv.Atoi with Go's error text. */
function atoi(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`;
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return `strconv.Atoi: parsing ${goQuote(s)}: value out of range`;
  return n;
}

function mustParseInt(expr: string): number | string {
  const n = atoi(expr);
  if (typeof n === 'string') return `failed to parse int from ${expr}: ${n}`;
  if (n < 0) return `negative number (${n}) not allowed: ${expr}`;
  return n;
}

function parseIntOrName(expr: string, b: Bounds): number | string {
  const named = b.names?.[expr.toLowerCase() as keyof typeof b.names];
  return named !== undefined ? named : mustParseInt(expr);
}

/** getRange: `*`, `?`, `N`, `N-M`, each optionally `/step`. Returns an error or undefined. */
function checkRange(expr: string, b: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0], b);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1], b);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = mustParseInt(rangeAndStep[1]);
    if (typeof s === 'string') return s;
    step = s;
    if (lowAndHigh.length === 1) end = b.max; // "N/step" means "N-max/step"
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

/**
 * cron.ParseStandard(schedule): undefined if Kubernetes accepts it, else robfig/cron's error text.
 * A `TZ=`/`CRON_TZ=` prefix is parsed here; rejecting it is the caller's (validateScheduleFormat) job.
 */
export function parseStandardError(schedule: string): string | undefined {
  let spec = schedule;
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    const loc = spec.slice(eq + 1, i < 0 ? undefined : i);
    if (!isTimeZone(loc)) return `provided bad location ${loc}: unknown time zone ${loc}`;
    spec = i < 0 ? '' : spec.slice(i).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith('@every ')) {
      const err = goDurationError(spec.slice('@every '.length));
      return err ? `failed to parse duration ${spec}: ${err}` : undefined;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const expr of fields[i].split(',').filter((e) => e !== '')) {
      const err = checkRange(expr, FIELDS[i]);
      if (err) return err;
    }
  }
  return undefined;
}

/** time.ParseDuration's errors. */
function goDurationError(d: string): string | undefined {
  const num = '(\\d+(\\.\\d*)?|\\.\\d+)';
  if (d === '0' || new RegExp(`^[+-]?(${num}(ns|us|µs|μs|ms|s|m|h))+$`).test(d)) return undefined;
  if (new RegExp(`^[+-]?${num}$`).test(d)) return `time: missing unit in duration ${goQuote(d)}`;
  const unit = new RegExp(`^[+-]?(?:${num}(?:ns|us|µs|μs|ms|s|m|h))*${num}([^0-9.]+)`).exec(d);
  if (unit) return `time: unknown unit ${goQuote(unit[5].replace(/[0-9.].*$/, ''))} in duration ${goQuote(d)}`;
  return `time: invalid duration ${goQuote(d)}`;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The schedule in the form cron-parser computes times from: without a `TZ=` prefix, `@midnight` as `@daily`
 * (cron-parser has no `@midnight`), and `?` as `*` in every field (robfig/cron reads it so; cron-parser only
 * allows it in the day fields).
 */
export function cronParserExpression(schedule: string): string {
  const s = schedule.replace(/^(CRON_)?TZ=\S+\s+/, '').trim();
  if (s === '@midnight') return '@daily';
  return s.startsWith('@') ? s : s.split(/\s+/).map((f) => f.replace(/\?/g, '*')).join(' ');
}

/**
 * Why kubesim cannot run a schedule Kubernetes accepts, or undefined. The only such form is `@every <duration>`,
 * which robfig/cron understands and cron-parser does not.
 */
export function simulatorScheduleError(schedule: string): string | undefined {
  const expr = cronParserExpression(schedule);
  if (expr.startsWith('@every')) return 'kubesim cannot schedule @every intervals; use a 5-field schedule';
  try {
    CronExpressionParser.parse(expr, { tz: 'UTC' });
    return undefined;
  } catch (e) {
    return `kubesim cannot schedule this: ${e instanceof Error ? e.message : String(e)}`;
  }
}
