// Splits one script line into words the way a POSIX shell would (quotes, backslash escapes, `#` comments), so a
// line copied from a study note or a terminal means the same thing here. The quoting itself is shell-quote's;
// this file adds what a shell does that shell-quote does not: an unterminated quote is an error, `#` starts a
// comment only at the start of a word, `$` is literal (scripts have no variables), globs are not expanded, and
// pipes/redirections are refused rather than silently dropped.

import { parse } from 'shell-quote';

export type SplitResult = { words: string[]; comment?: string } | { error: string };

/**
 * Escapes what shell-quote would misread, and finds where a comment starts and whether quotes are balanced.
 * Returns the text to hand to shell-quote (without the comment).
 */
function prepare(line: string): { text: string; comment?: string } | { error: string } {
  let out = '';
  let quote: '' | "'" | '"' = '';
  let wordStart = true;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      out += c;
      continue;
    }
    if (quote === '"') {
      if (c === '\\' && i + 1 < line.length) {
        out += c + line[++i];
        continue;
      }
      if (c === '"') quote = '';
      out += c === '$' ? '\\$' : c;
      continue;
    }
    if (c === '\\') {
      if (i + 1 < line.length) out += c + line[++i];
      wordStart = false;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += c;
      wordStart = false;
      continue;
    }
    if (c === ' ' || c === '\t') {
      out += c;
      wordStart = true;
      continue;
    }
    if (c === '#') {
      if (wordStart) return { text: out, comment: line.slice(i + 1) };
      out += '\\#';
      continue;
    }
    out += c === '$' ? '\\$' : c;
    wordStart = false;
  }
  if (quote) return { error: `unexpected EOF while looking for matching \`${quote}'` };
  return { text: out };
}

/** Splits a line into words. `say "a b" # c` → words ['say', 'a b'], comment ' c'. */
export function splitWords(line: string): SplitResult {
  const prepared = prepare(line);
  if ('error' in prepared) return prepared;
  const words: string[] = [];
  for (const entry of parse(prepared.text)) {
    if (typeof entry === 'string') {
      words.push(entry);
    } else if ('op' in entry && entry.op === 'glob') {
      words.push(entry.pattern);
    } else if ('op' in entry) {
      return { error: `shell operator "${entry.op}" is not supported in scripts (quote it if it is part of a value)` };
    }
  }
  return prepared.comment === undefined ? { words } : { words, comment: prepared.comment };
}

/**
 * Joins physical lines ending in an unescaped `\` with the next one, as a shell does, remembering the first
 * line number of each logical line so errors point at the right place.
 */
export function logicalLines(text: string): { line: number; text: string }[] {
  const physical = text.split(/\r?\n/);
  const out: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | undefined;
  physical.forEach((raw, i) => {
    const continues = endsWithContinuation(raw);
    const body = continues ? raw.slice(0, -1) : raw;
    if (pending) pending.text += body;
    else pending = { line: i + 1, text: body };
    if (!continues) {
      out.push(pending);
      pending = undefined;
    }
  });
  if (pending) out.push(pending);
  return out;
}

/** True when the line ends in an odd number of backslashes (an even number is escaped backslashes). */
function endsWithContinuation(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Quotes a word for display or for writing a recording back as a script line. */
export function quoteWord(w: string): string {
  if (w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, `'\\''`)}'`;
}
