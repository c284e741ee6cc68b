// Words of the tiny shell: quoting, `$…` expansions, backquotes (POSIX "2.2 Quoting" and "2.6 Word
// Expansions", as ash reads them). The grammar above words is shell-parse.ts, which extends this lexer.

import { type Cmd, type Part, type Script, ShellSyntaxError, type Word, listOf } from './shell-ast.js';

export const META = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);

export abstract class WordLexer {
  pos = 0;
  constructor(protected readonly src: string) {}

  /** A compound list ended by `)` (for `$(…)`), read by the grammar. */
  protected abstract parenList(): Cmd;
  /** A whole script in a string (for backquotes and the inside of `${…}` / `$((…))`). */
  protected abstract nested(src: string): WordLexer & { script(): Script; looseWord(quoted: boolean): Word };

  protected fail(msg: string): never {
    throw new ShellSyntaxError(`syntax error: ${msg}`);
  }
  protected eof(): boolean {
    return this.pos >= this.src.length;
  }

  /** One shell word, up to an unquoted metacharacter; null if none starts here. */
  word(): Word | null {
    const parts: Word = [];
    const s = this.src;
    const start = this.pos;
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', s: lit, q: false });
      lit = '';
    };
    while (this.pos < s.length && !META.has(s[this.pos])) {
      const c = s[this.pos];
      if (c === '\\') {
        const n = s[this.pos + 1];
        this.pos += n === undefined ? 1 : 2;
        if (n === undefined) lit += '\\';
        else if (n !== '\n') {
          flush();
          parts.push({ t: 'lit', s: n, q: true });
        }
      } else if (c === "'" || c === '"' || c === '$' || c === '`') {
        const before = parts.length;
        const saved = lit;
        flush();
        if (!this.special(parts, false)) {
          lit = saved + '$';
          parts.length = before;
          this.pos++;
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
    flush();
    return this.pos > start ? parts : null;
  }

  /** Everything to the end of the source as one word, spaces included (for ${X:-…} and $((…))). */
  looseWord(quoted: boolean): Word {
    const parts: Word = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', s: lit, q: quoted });
      lit = '';
    };
    while (!this.eof()) {
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length) {
        lit += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === "'" || c === '"' || c === '$' || c === '`') {
        flush();
        if (!this.special(parts, quoted)) {
          lit += c;
          this.pos++;
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  /** Quotes, `$…` and backquotes; false for a `$` that starts nothing (it is then a literal `$`). */
  protected special(parts: Word, quoted: boolean): boolean {
    const s = this.src;
    const c = s[this.pos];
    if (c === "'") {
      const end = s.indexOf("'", this.pos + 1);
      if (end < 0) this.fail('unterminated quoted string');
      parts.push({ t: 'lit', s: s.slice(this.pos + 1, end), q: true });
      this.pos = end + 1;
      return true;
    }
    if (c === '"') {
      this.pos++;
      this.doubleQuoted(parts);
      return true;
    }
    if (c === '`') {
      parts.push(this.backquoted(quoted));
      return true;
    }
    const p = this.dollar(quoted);
    if (p) parts.push(p);
    return p !== null;
  }

  protected doubleQuoted(parts: Word): void {
    const s = this.src;
    let buf = '';
    for (;;) {
      if (this.eof()) this.fail('unterminated quoted string');
      const c = s[this.pos];
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n !== undefined && '$`"\\'.includes(n)) buf += n;
        else if (n !== '\n') buf += '\\' + (n ?? '');
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        const p = c === '`' ? this.backquoted(true) : this.dollar(true);
        if (p) {
          parts.push({ t: 'lit', s: buf, q: true }, p);
          buf = '';
        } else {
          buf += '$';
          this.pos++;
        }
      } else {
        buf += c;
        this.pos++;
      }
    }
    parts.push({ t: 'lit', s: buf, q: true });
  }

  protected backquoted(q: boolean): Part {
    const s = this.src;
    let inner = '';
    let i = this.pos + 1;
    for (; i < s.length && s[i] !== '`'; i++) {
      if (s[i] === '\\' && i + 1 < s.length && '`\\$'.includes(s[i + 1])) inner += s[++i];
      else inner += s[i];
    }
    if (i >= s.length) this.fail('unterminated quoted string');
    this.pos = i + 1;
    const sub = this.nested(inner).script();
    if (sub.error) throw new ShellSyntaxError(sub.error);
    return { t: 'sub', cmd: listOf(sub.cmds), src: inner, q };
  }

  protected dollar(q: boolean): Part | null {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === '(' && s[this.pos + 2] === '(') {
      let depth = 0;
      let i = this.pos + 3;
      for (; i < s.length; i++) {
        if (s[i] === '(') depth++;
        else if (s[i] === ')') {
          if (depth === 0 && s[i + 1] === ')') break;
          depth--;
        }
      }
      if (i >= s.length) this.fail('unexpected end of file (expecting "))")');
      const expr = this.nested(s.slice(this.pos + 3, i)).looseWord(true);
      this.pos = i + 2;
      return { t: 'arith', expr, q };
    }
    if (n === '(') {
      const start = this.pos + 2;
      this.pos = start;
      const body = this.parenList();
      const src = s.slice(start, this.pos);
      this.pos++;
      return { t: 'sub', cmd: body, src, q };
    }
    if (n === '{') {
      const end = s.indexOf('}', this.pos + 2);
      if (end < 0) this.fail('unterminated quoted string');
      const inner = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      if (/^#[A-Za-z_0-9@*#?$!]+$/.test(inner) && inner.length > 1) {
        return { t: 'param', name: inner.slice(1), q, op: '#len' };
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[@*#?$!0-])(:?[-=+?])?([\s\S]*)$/.exec(inner);
      if (!m || (m[2] === undefined && m[3] !== '')) this.fail('bad substitution');
      if (m[2] === undefined) return { t: 'param', name: m[1], q };
      return { t: 'param', name: m[1], q, op: m[2], arg: this.nested(m[3]).looseWord(q) };
    }
    const name = n !== undefined && /[A-Za-z_]/.test(n) ? /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1))![0] : n;
    if (name === undefined || !/^([A-Za-z_]\w*|[0-9@*#?$!-])$/.test(name)) return null;
    this.pos += 1 + name.length;
    return { t: 'param', name, q };
  }
}
