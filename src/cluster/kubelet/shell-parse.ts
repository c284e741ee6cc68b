// Parser for the tiny container shell (see shell.ts): POSIX sh grammar, the part of it container commands use.
//
// Supported: words and quoting ('…', "…", \x), parameters ($X, ${X}, ${X:-w}, ${#X}, $1, $@, $?, …),
// command substitution ($(…) and `…`), arithmetic ($((…))), assignments, redirections (> >> < 2>&1 >&2),
// pipelines (|, !), lists (; & && || newline), { …; }, ( … ), if/elif/else, while/until, for.
// Not supported (a syntax error names it): here-documents, `case`, functions.
//
// Error texts are busybox ash's (the shell of busybox/alpine images): `syntax error: unterminated quoted string`,
// `syntax error: unexpected "done"`, `syntax error: unexpected end of file (expecting "fi")`.

import { type Cmd, type Redir, type Script, ShellSyntaxError, type Word } from './shell-ast.js';
import { WordLexer } from './shell-words.js';

export type { Cmd, Part, Redir, Script, Word } from './shell-ast.js';
export { ShellSyntaxError, listOf } from './shell-ast.js';

const RESERVED = /^(if|then|elif|else|fi|while|until|do|done|for|in|\{|\}|!)(?=[ \t\r\n;&|()<>]|$)/;
const TWO_CHAR_OPS = ['&&', '||', ';;', '>>', '>&', '<&', '<<', '>|'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseScript(src: string): Script {
  return new Parser(src).script();
}

class Parser extends WordLexer {
  protected parenList(): Cmd {
    return this.compoundList([], ')', true);
  }
  protected nested(src: string): Parser {
    return new Parser(src);
  }

  script(): Script {
    const cmds: Cmd[] = [];
    try {
      for (;;) {
        this.skipLinebreaks();
        if (this.eof()) break;
        cmds.push(this.completeCommand());
      }
    } catch (e) {
      if (e instanceof ShellSyntaxError) return { cmds, error: e.message };
      throw e;
    }
    return { cmds };
  }

  private skipBlanks(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      else return;
    }
  }
  private skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      if (this.src[this.pos] !== '\n') return;
      this.pos++;
    }
  }
  private peekOp(): string | null {
    this.skipBlanks();
    const two = this.src.slice(this.pos, this.pos + 2);
    if (TWO_CHAR_OPS.includes(two)) return two;
    const c = this.src[this.pos];
    return c !== undefined && ';&|()\n<>'.includes(c) ? c : null;
  }
  private peekReserved(): string | null {
    this.skipBlanks();
    const m = RESERVED.exec(this.src.slice(this.pos, this.pos + 6));
    return m ? m[1] : null;
  }
  private expectReserved(word: string): void {
    const rw = this.peekReserved();
    if (rw === word) {
      this.pos += word.length;
      return;
    }
    if (this.eof()) this.fail(`unexpected end of file (expecting "${word}")`);
    this.unexpected();
  }
  private unexpected(): never {
    if (this.eof()) this.fail('unexpected end of file');
    const op = this.peekOp();
    if (op === '\n') this.fail('unexpected newline');
    const tok = op ?? this.peekReserved() ?? this.src.slice(this.pos).split(/[ \t\r\n;&|()<>]/)[0];
    this.fail(`unexpected "${tok}"`);
  }

  /** and-or lists up to a newline (one ash "complete command"). */
  private completeCommand(): Cmd {
    const items: { cmd: Cmd; bg: boolean }[] = [];
    for (;;) {
      const cmd = this.andOr();
      const op = this.peekOp();
      if (op === ';' || op === '&') {
        this.pos++;
        items.push({ cmd, bg: op === '&' });
        const next = this.peekOp();
        if (next === '\n' || this.eof()) break;
        continue;
      }
      items.push({ cmd, bg: false });
      if (op === '\n' || this.eof()) break;
      this.unexpected();
    }
    return { t: 'list', items };
  }

  /** A compound list, ended by one of `ends` (reserved words) or by `)` when `paren`. */
  private compoundList(ends: string[], expecting: string, paren = false): Cmd {
    const items: { cmd: Cmd; bg: boolean }[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.eof()) this.fail(`unexpected end of file (expecting "${expecting}")`);
      if (paren && this.peekOp() === ')') break;
      const rw = this.peekReserved();
      if (rw !== null && ends.includes(rw)) break;
      const cmd = this.andOr();
      const op = this.peekOp();
      if (op === ';' || op === '&' || op === '\n') this.pos++;
      else if (!(op === ')' && paren) && !this.eof() && !ends.includes(this.peekReserved() ?? '')) this.unexpected();
      items.push({ cmd, bg: op === '&' });
    }
    // `$()` is an empty command substitution; anywhere else an empty list is an error, as in ash.
    if (items.length === 0 && !paren) this.unexpected();
    return { t: 'list', items };
  }

  private andOr(): Cmd {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; cmd: Cmd }[] = [];
    for (let op = this.peekOp(); op === '&&' || op === '||'; op = this.peekOp()) {
      this.pos += 2;
      this.skipLinebreaks();
      rest.push({ op, cmd: this.pipeline() });
    }
    return rest.length ? { t: 'andor', first, rest } : first;
  }

  private pipeline(): Cmd {
    let negate = false;
    if (this.peekReserved() === '!') {
      this.pos++;
      negate = true;
    }
    const cmds = [this.command()];
    while (this.peekOp() === '|') {
      this.pos++;
      this.skipLinebreaks();
      cmds.push(this.command());
    }
    return cmds.length === 1 && !negate ? cmds[0] : { t: 'pipe', cmds, negate };
  }

  private command(): Cmd {
    const op = this.peekOp();
    if (op === '(') {
      this.pos++;
      const body = this.compoundList([], ')', true);
      this.pos++; // the ')'
      return { t: 'group', body, subshell: true, redirs: this.redirs() };
    }
    if (op !== null && op !== '<' && op !== '>' && op !== '>>' && op !== '>&' && op !== '<&' && op !== '>|') {
      this.unexpected();
    }
    if (this.eof()) this.fail('unexpected end of file');
    switch (this.peekReserved()) {
      case 'if': return this.ifClause();
      case 'while': case 'until': return this.loop();
      case 'for': return this.forClause();
      case '{': {
        this.pos++;
        const body = this.compoundList(['}'], '}');
        this.expectReserved('}');
        return { t: 'group', body, subshell: false, redirs: this.redirs() };
      }
      case null: case 'in': return this.simple();
      default: this.unexpected();
    }
  }

  private ifClause(): Cmd {
    this.pos += 2;
    const arms: { cond: Cmd; body: Cmd }[] = [];
    let elseBody: Cmd | undefined;
    for (;;) {
      const cond = this.compoundList(['then'], 'then');
      this.expectReserved('then');
      arms.push({ cond, body: this.compoundList(['elif', 'else', 'fi'], 'fi') });
      const rw = this.peekReserved();
      if (rw === 'elif') {
        this.pos += 4;
        continue;
      }
      if (rw === 'else') {
        this.pos += 4;
        elseBody = this.compoundList(['fi'], 'fi');
      }
      this.expectReserved('fi');
      return { t: 'if', arms, else: elseBody, redirs: this.redirs() };
    }
  }

  private loop(): Cmd {
    const start = this.pos;
    const until = this.peekReserved() === 'until';
    this.pos += 5;
    const cond = this.compoundList(['do'], 'do');
    this.expectReserved('do');
    const body = this.compoundList(['done'], 'done');
    this.expectReserved('done');
    return { t: 'loop', until, cond, body, src: this.src.slice(start, this.pos), redirs: this.redirs() };
  }

  private forClause(): Cmd {
    this.pos += 3;
    this.skipBlanks();
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos))?.[0];
    if (!name) this.fail('bad for loop variable');
    this.pos += name.length;
    let words: Word[] | undefined;
    this.skipLinebreaks();
    if (this.peekReserved() === 'in') {
      this.pos += 2;
      words = [];
      for (let op = this.peekOp(); op === null && !this.eof(); op = this.peekOp()) words.push(this.word()!);
    }
    const op = this.peekOp();
    if (op === ';' || op === '\n') this.pos++;
    this.skipLinebreaks();
    this.expectReserved('do');
    const body = this.compoundList(['done'], 'done');
    this.expectReserved('done');
    return { t: 'for', name, words, body, redirs: this.redirs() };
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (let r = this.redir(); r; r = this.redir()) out.push(r);
    return out;
  }

  private redir(): Redir | null {
    this.skipBlanks();
    const m = /^(\d*)(>>|>&|>\||<&|<<|<|>)/.exec(this.src.slice(this.pos, this.pos + 12));
    if (!m) return null;
    if (m[2] === '<<') this.fail('unsupported "<<" (kubesim\'s shell has no here-documents)');
    this.pos += m[0].length;
    this.skipBlanks();
    const target = this.peekOp() === null && !this.eof() ? this.word() : null;
    if (!target) {
      if (this.eof() || this.peekOp() === '\n') this.fail('unexpected newline');
      this.unexpected();
    }
    const op = m[2] === '>|' ? '>' : (m[2] as Redir['op']);
    const fd = m[1] !== '' ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    return { fd, op, target };
  }

  private simple(): Cmd {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const r = this.redir();
      if (r) {
        redirs.push(r);
        continue;
      }
      if (this.peekOp() !== null || this.eof()) break;
      const w = this.word();
      if (!w) break;
      const first = w[0];
      const eq = first?.t === 'lit' && !first.q ? first.s.indexOf('=') : -1;
      if (words.length === 0 && eq > 0 && first.t === 'lit' && NAME.test(first.s.slice(0, eq))) {
        const value: Word = [{ t: 'lit', s: first.s.slice(eq + 1), q: true }, ...w.slice(1)];
        assigns.push({ name: first.s.slice(0, eq), value });
      } else {
        words.push(w);
      }
    }
    if (!assigns.length && !words.length && !redirs.length) this.unexpected();
    return { t: 'simple', assigns, words, redirs };
  }
}
