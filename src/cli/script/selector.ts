// String label selectors as `kubectl -l` takes them: `a=b,c!=d,e in (f,g),h notin (i),j,!k`, `a==b`, `n>3`.
// A port of the lexer and recursive-descent parser in k8s.io/apimachinery/pkg/labels/selector.go (Parse), with
// its error texts, so a learner sees exactly what kubectl would print (`unable to parse requirement: …`).
// Matching converts each requirement to a LabelSelectorRequirement and reuses src/cluster/labels.ts.

import type { LabelSelectorRequirement, Labels } from '../../cluster/api/types.js';
import { matchesRequirement } from '../../cluster/labels.js';

export type SelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface SelectorRequirement {
  key: string;
  operator: SelectorOperator;
  /** Sorted, without duplicates (the parser collects them in a sets.String). */
  values: string[];
}

type Tok = 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'in' | '<' | '!=' | 'notin' | '(' | 'id' | 'error';
interface Item {
  tok: Tok;
  lit: string;
}

const KEYWORDS: Record<string, Tok> = {
  ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(',
};
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
// selection.In, NotIn, Equals, DoubleEquals, NotEquals, GreaterThan, LessThan as binaryOperators lists them.
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

/** Lexer.Lex: identifiers run until whitespace or a special symbol; symbols take the longest known match. */
function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && WHITESPACE.has(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'end', lit: '' });
      return items;
    }
    if (SPECIAL.has(s[pos])) {
      let buf = '';
      let last: Item | undefined;
      while (pos < s.length && SPECIAL.has(s[pos])) {
        buf += s[pos];
        const t = KEYWORDS[buf];
        if (t) last = { tok: t, lit: buf };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
      if (!last) return [...items, { tok: 'end', lit: '' }];
      continue;
    }
    let buf = '';
    while (pos < s.length && !SPECIAL.has(s[pos]) && !WHITESPACE.has(s[pos])) buf += s[pos++];
    items.push({ tok: KEYWORDS[buf] ?? 'id', lit: buf });
  }
}

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** In the Values context `in`/`notin` are ordinary identifiers (`value in (in)`). */
  private view(item: Item, values: boolean): Item {
    return values && (item.tok === 'in' || item.tok === 'notin') ? { tok: 'id', lit: item.lit } : item;
  }
  lookahead(values = true): Item {
    return this.view(this.items[Math.min(this.position, this.items.length - 1)], values);
  }
  consume(values = true): Item {
    const it = this.lookahead(values);
    if (this.position < this.items.length - 1) this.position++;
    return it;
  }

  parse(): SelectorRequirement[] {
    const reqs: SelectorRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead();
      if (tok === 'id' || tok === '!') {
        try {
          reqs.push(this.parseRequirement());
        } catch (e) {
          throw new SelectorError(`unable to parse requirement: ${(e as Error).message}`);
        }
        const t = this.consume();
        if (t.tok === 'end') return reqs;
        if (t.tok === ',') {
          const t2 = this.lookahead();
          if (t2.tok !== 'id' && t2.tok !== '!') throw new SelectorError(`found '${t2.lit}', expected: identifier after ','`);
          continue;
        }
        throw new SelectorError(`found '${t.lit}', expected: ',' or 'end of string'`);
      }
      if (tok === 'end') return reqs;
      throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  private parseRequirement(): SelectorRequirement {
    let t = this.consume();
    let notExists = false;
    if (t.tok === '!') {
      notExists = true;
      t = this.consume();
    }
    if (t.tok !== 'id') throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErr = labelKeyError(key);
    if (keyErr) throw new Error(`<nil>: Invalid value: "${key}": ${keyErr}`);
    // `!key` ends the requirement whatever follows (so `!a=b` fails later at the `=`, as in Go).
    if (notExists) return { key, operator: '!', values: [] };
    const next = this.lookahead().tok;
    if (next === 'end' || next === ',') return { key, operator: 'exists', values: [] };
    const op = this.consume(false);
    let operator: SelectorOperator;
    switch (op.tok) {
      case 'in': operator = 'in'; break;
      case 'notin': operator = 'notin'; break;
      case '=': operator = '='; break;
      case '==': operator = '=='; break;
      case '!=': operator = '!='; break;
      case '>': operator = 'gt'; break;
      case '<': operator = 'lt'; break;
      default:
        throw new Error(`found '${op.lit}', expected: ${BINARY_OPERATORS}`);
    }
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    const sorted = [...new Set(values)].sort();
    if ((operator === 'gt' || operator === 'lt') && !/^[+-]?\d+$/.test(sorted[0])) {
      throw new Error(`values[0]: Invalid value: "${sorted[0]}": for 'Gt', 'Lt' operators, the value must be an integer`);
    }
    sorted.forEach((v, i) => {
      const err = labelValueError(v);
      if (err) throw new Error(`values[${i}][${key}]: Invalid value: "${v}": ${err}`);
    });
    return { key, operator, values: sorted };
  }

  private parseValues(): string[] {
    const open = this.consume();
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const t = this.lookahead();
    if (t.tok === ')') {
      this.consume();
      return [''];
    }
    if (t.tok !== 'id' && t.tok !== ',') throw new Error(`found '${t.lit}', expected: ',', ')' or identifier`);
    const s = this.parseIdentifiersList();
    if (this.consume().tok !== ')') throw new Error(`found '${t.lit}', expected: ')'`);
    return s;
  }

  /** `(a,,b)`, `(,a)` and `(a,)` all include the empty value, as the Go parser does. */
  private parseIdentifiersList(): string[] {
    const s: string[] = [];
    for (;;) {
      const t = this.consume();
      if (t.tok === 'id') {
        s.push(t.lit);
        const t2 = this.lookahead();
        if (t2.tok === ',') continue;
        if (t2.tok === ')') return s;
        throw new Error(`found '${t2.lit}', expected: ',' or ')'`);
      }
      if (t.tok === ',') {
        if (s.length === 0) s.push('');
        const t2 = this.lookahead().tok;
        if (t2 === ')') {
          s.push('');
          return s;
        }
        if (t2 === ',') s.push('');
        continue;
      }
      throw new Error(`found '${t.lit}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): string[] {
    const t = this.lookahead();
    if (t.tok === 'end' || t.tok === ',') return [''];
    const v = this.consume();
    if (v.tok === 'id') return [v.lit];
    throw new Error(`found '${v.lit}', expected: identifier`);
  }
}

export class SelectorError extends Error {}

/**
 * Parses a kubectl label selector. Requirements come back sorted by key, as labels.Parse sorts them.
 * An empty string is the empty selector (matches everything).
 */
export function parseSelector(text: string): SelectorRequirement[] | { error: string } {
  try {
    const reqs = new Parser(lex(text)).parse();
    return [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  } catch (e) {
    if (e instanceof SelectorError) return { error: e.message };
    throw e;
  }
}

/** The requirement as an API LabelSelectorRequirement (Gt/Lt have none: they are matched here). */
export function toLabelSelectorRequirement(r: SelectorRequirement): LabelSelectorRequirement | undefined {
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return { key: r.key, operator: 'In', values: r.values };
    case '!=':
    case 'notin':
      return { key: r.key, operator: 'NotIn', values: r.values };
    case 'exists':
      return { key: r.key, operator: 'Exists' };
    case '!':
      return { key: r.key, operator: 'DoesNotExist' };
    default:
      return undefined;
  }
}

export function matchesSelectorRequirements(reqs: SelectorRequirement[], labels: Labels | undefined): boolean {
  for (const r of reqs) {
    const api = toLabelSelectorRequirement(r);
    if (api) {
      if (!matchesRequirement(api, labels)) return false;
      continue;
    }
    // Requirement.Matches for gt/lt: the label must exist and parse as an integer.
    const v = labels?.[r.key];
    if (v === undefined || !/^[+-]?\d+$/.test(v)) return false;
    const n = parseInt(v, 10);
    const bound = parseInt(r.values[0], 10);
    if (r.operator === 'gt' ? !(n > bound) : !(n < bound)) return false;
  }
  return true;
}

/** Requirement.String(), joined by commas as internalSelector.String() does. */
export function formatSelector(reqs: SelectorRequirement[]): string {
  return reqs
    .map((r) => {
      switch (r.operator) {
        case 'exists': return r.key;
        case '!': return `!${r.key}`;
        case 'in': return `${r.key} in (${r.values.join(',')})`;
        case 'notin': return `${r.key} notin (${r.values.join(',')})`;
        case 'gt': return `${r.key}>${r.values[0]}`;
        case 'lt': return `${r.key}<${r.values[0]}`;
        default: return `${r.key}${r.operator}${r.values[0]}`;
      }
    })
    .join(',');
}

// ---- label key/value syntax (k8s.io/apimachinery/pkg/util/validation: IsQualifiedName, IsValidLabelValue) ----

const QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_EXAMPLES = "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + QUALIFIED_NAME_FMT + "')";
const DNS1123_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** Why `key` is not a valid label key (IsQualifiedName), or undefined. */
export function labelKeyError(key: string): string | undefined {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253) return 'prefix part must be no more than 253 characters';
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(prefix)) return `prefix part ${DNS1123_SUBDOMAIN}`;
  } else if (parts.length > 2) {
    return `a qualified name ${QUALIFIED_NAME_MSG} ${QUALIFIED_NAME_EXAMPLES} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!new RegExp(`^${QUALIFIED_NAME_FMT}$`).test(name)) return `name part ${QUALIFIED_NAME_MSG} ${QUALIFIED_NAME_EXAMPLES}`;
  return undefined;
}

/** Why `value` is not a valid label value (IsValidLabelValue), or undefined. */
export function labelValueError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  }
  return undefined;
}
