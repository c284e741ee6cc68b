// Command-line flags as kubectl parses them (spf13/pflag with cobra's interspersed arguments): `--name=value`,
// `--name value`, `-n value`, `-nvalue`, `-n=value`, bool flags with no value or `=true|false`, several bool
// shorthands in one word, `--` ending the flags. Errors use pflag's words (flag.go, errors.go) so a learner who
// mistypes a flag sees what kubectl would have said.

export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'strings';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Value used when the flag is given with no `=value` (pflag NoOptDefVal), e.g. `--cascade` → background. */
  noOptDefault?: string;
}

export interface ParsedFlags {
  positional: string[];
  /** Words after `--`. */
  rest: string[];
  /** Flag name → every value given, in order (bool flags hold 'true'/'false'). */
  values: Map<string, string[]>;
}

/** Flags every kubectl command takes (kubectl's persistent flags that mean something here). */
export const GLOBAL_FLAGS: FlagSpec[] = [{ name: 'namespace', short: 'n', type: 'string' }];

export class FlagError extends Error {}

const GO_BOOL: Record<string, boolean> = {
  '1': true, t: true, T: true, TRUE: true, true: true, True: true,
  '0': false, f: false, F: false, FALSE: false, false: false, False: false,
};

function displayName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Checks a value against the flag's type the way pflag's Set does. */
function checkValue(spec: FlagSpec, value: string): string {
  const bad = (why: string) => new FlagError(`invalid argument "${value}" for "${displayName(spec)}" flag: ${why}`);
  switch (spec.type) {
    case 'bool':
      if (!(value in GO_BOOL)) throw bad(`strconv.ParseBool: parsing "${value}": invalid syntax`);
      return String(GO_BOOL[value]);
    case 'int':
      if (!/^[+-]?\d+$/.test(value)) throw bad(`strconv.ParseInt: parsing "${value}": invalid syntax`);
      return value;
    case 'duration': {
      const err = goDurationError(value);
      if (err) throw bad(err);
      return value;
    }
    default:
      return value;
  }
}

/** Go's time.ParseDuration accepts `0` and numbers with units only (`30` alone is an error). */
export function goDurationError(value: string): string | undefined {
  if (value === '0' || /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/.test(value)) return undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(value)) return `time: missing unit in duration "${value}"`;
  return `time: invalid duration "${value}"`;
}

/** Milliseconds of a Go duration already checked by goDurationError (negative durations stay negative). */
export function goDurationMs(value: string): number {
  const sign = value.startsWith('-') ? -1 : 1;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of value.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += parseFloat(m[1]) * unit[m[2]];
  }
  return sign * Math.round(total);
}

export function parseFlags(args: string[], specs: FlagSpec[]): ParsedFlags {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedFlags = { positional: [], rest: [], values: new Map() };
  const put = (spec: FlagSpec, v: string) => {
    const list = out.values.get(spec.name) ?? [];
    if (spec.type === 'strings') list.push(...v.split(',').filter((x) => x !== ''));
    else list.push(checkValue(spec, v));
    out.values.set(spec.name, list);
  };

  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.rest = args.slice(i + 1);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) put(spec, a.slice(eq + 1));
      else if (spec.type === 'bool') put(spec, 'true');
      else if (spec.noOptDefault !== undefined) put(spec, spec.noOptDefault);
      else if (i + 1 < args.length) put(spec, args[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // A run of shorthands: bool ones take no value; the first that takes a value eats the rest of the word.
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const tail = a.slice(j + 1);
        if (spec.type === 'bool') {
          if (tail.startsWith('=')) {
            put(spec, tail.slice(1));
            break;
          }
          put(spec, 'true');
          continue;
        }
        if (tail.length > 0) put(spec, tail.startsWith('=') ? tail.slice(1) : tail);
        else if (spec.noOptDefault !== undefined) put(spec, spec.noOptDefault);
        else if (i + 1 < args.length) put(spec, args[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    out.positional.push(a);
  }
  return out;
}

/** Accessors over ParsedFlags: the last value wins, as with pflag's scalar flags. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}
  has(name: string): boolean {
    return this.parsed.values.has(name);
  }
  string(name: string): string | undefined {
    const v = this.parsed.values.get(name);
    return v && v.length > 0 ? v[v.length - 1] : undefined;
  }
  bool(name: string): boolean {
    return this.string(name) === 'true';
  }
  int(name: string): number | undefined {
    const s = this.string(name);
    return s === undefined ? undefined : parseInt(s, 10);
  }
  strings(name: string): string[] {
    return this.parsed.values.get(name) ?? [];
  }
  get positional(): string[] {
    return this.parsed.positional;
  }
  get rest(): string[] {
    return this.parsed.rest;
  }
}
