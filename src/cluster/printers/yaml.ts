// `kubectl get -o yaml`: sigs.k8s.io/yaml → gopkg.in/yaml.v2, whose emitter (a port of libyaml) decides the look:
// map keys in yaml.v2's "natural" order (keyList.Less), block style, sequences not indented under their key,
// strings plain when they would read back as strings, double-quoted when they would not (`"8080"`, `""`,
// timestamps), single-quoted when plain is syntactically impossible (`'*/5 * * * *'`), literal blocks for
// multi-line text, and long scalars folded at spaces past column 80.
//
// Why not the `yaml` package's stringify: its quoting and folding rules differ from libyaml's (it folds *before*
// column 80 and picks one quote style), so byte-for-byte kubectl output needs this emitter. The `yaml` package is
// still the parser (manifests) and the tests read this output back with it.

import { escapeDouble, isBreak, isPrintable, scalarStyle, sortKeys } from './yaml-scalar.js';

export { yamlKeyLess } from './yaml-scalar.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

// ---- the writer (emitterc.go write_* functions), tracking the column for folding ----

class Writer {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;

  put(s: string): void {
    this.out += s;
    this.column += [...s].length;
  }
  newline(): void {
    this.out += '\n';
    this.column = 0;
  }
  /** yaml_emitter_write_indent. */
  indent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.newline();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }
  indicator(s: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(s);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  scalar(s: string, indent: number, isKey: boolean): void {
    const style = scalarStyle(s, isKey);
    const chars = [...s];
    const allowBreaks = !isKey;
    if (style === 'plain') {
      if (!this.whitespace) this.put(' ');
      let spaces = false;
      for (let i = 0; i < chars.length; i++) {
        if (chars[i] === ' ') {
          if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.indent(indent);
          else this.put(' ');
          spaces = true;
        } else {
          this.put(chars[i]);
          this.indention = false;
          spaces = false;
        }
      }
    } else if (style === 'single') {
      this.indicator("'", true, false, false);
      let spaces = false;
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        if (ch === ' ') {
          if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') this.indent(indent);
          else this.put(' ');
          spaces = true;
        } else {
          if (ch === "'") this.put("'");
          this.put(ch);
          this.indention = false;
          spaces = false;
        }
      }
      this.indicator("'", false, false, false);
    } else if (style === 'double') {
      this.indicator('"', true, false, false);
      let spaces = false;
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        if (!isPrintable(ch) || ch === '\ufeff' || isBreak(ch) || ch === '"' || ch === '\\') {
          this.put(escapeDouble(ch));
          spaces = false;
        } else if (ch === ' ') {
          if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
            this.indent(indent);
            if (chars[i + 1] === ' ') this.put('\\');
          } else this.put(' ');
          spaces = true;
        } else {
          this.put(ch);
          spaces = false;
        }
      }
      this.indicator('"', false, false, false);
    } else {
      this.literal(chars, indent);
      return;
    }
    this.whitespace = false;
    this.indention = false;
  }

  /** yaml_emitter_write_literal_scalar with its block scalar hints. */
  private literal(chars: string[], indent: number): void {
    this.indicator('|', true, false, false);
    if (chars[0] === ' ' || isBreak(chars[0])) this.indicator(String(BEST_INDENT), false, false, false);
    const last = chars[chars.length - 1];
    if (!isBreak(last)) this.indicator('-', false, false, false);
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) this.indicator('+', false, false, false);
    this.newline();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.newline();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.indent(indent);
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

// ---- structure (emitterc.go block mapping / indentless block sequence) ----

function scalarText(v: null | boolean | number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Number.isInteger(v)) return String(v);
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v > 0 ? '+.inf' : '-.inf';
  // strconv.FormatFloat(f, 'g', -1, 64): exponent form from 1e21 and below 1e-4.
  const s = String(v);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function isEmptyCollection(v: Json): boolean {
  return (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
}

function emitValue(w: Writer, v: Json, indent: number): void {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'string') w.scalar(v, indent + BEST_INDENT, false);
    else {
      if (!w.whitespace) w.put(' ');
      w.put(scalarText(v));
      w.whitespace = false;
      w.indention = false;
    }
    return;
  }
  if (isEmptyCollection(v)) {
    w.indicator(Array.isArray(v) ? '[]' : '{}', true, false, false);
    return;
  }
  if (Array.isArray(v)) emitSequence(w, v, indent);
  else emitMapping(w, v, indent);
}

function emitMapping(w: Writer, m: { [k: string]: Json }, indent: number): void {
  for (const key of sortKeys(Object.keys(m))) {
    w.indent(indent);
    w.scalar(key, indent, true);
    w.indicator(':', false, false, false);
    const v = m[key];
    if (v !== null && typeof v === 'object' && !isEmptyCollection(v)) {
      // Mappings nest two deeper; sequences stay at the key's column (indentless).
      emitValue(w, v, Array.isArray(v) ? indent : indent + BEST_INDENT);
    } else emitValue(w, v, indent);
  }
}

function emitSequence(w: Writer, seq: Json[], indent: number): void {
  for (const item of seq) {
    w.indent(indent);
    w.indicator('-', true, false, true);
    if (item !== null && typeof item === 'object' && !isEmptyCollection(item)) emitValue(w, item, indent + BEST_INDENT);
    else emitValue(w, item, indent);
  }
}

/** Plain data: JSON semantics (undefined dropped, toJSON honoured). */
export function toPlain(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

/** A value as `kubectl get -o yaml` prints it, ending with a newline. */
export function toYaml(value: unknown): string {
  const v = toPlain(value);
  const w = new Writer();
  if (v !== null && typeof v === 'object' && !isEmptyCollection(v)) {
    if (Array.isArray(v)) emitSequence(w, v, 0);
    else emitMapping(w, v, 0);
  } else emitValue(w, v, -BEST_INDENT);
  // yaml_emitter_emit_document_end: a final write_indent, which adds the last newline unless a literal block
  // already ended with one.
  w.indent(0);
  return w.out.replace(/^ /, '');
}
