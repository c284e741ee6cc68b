// What kubectl's YAML reader rejects that the `yaml` package accepts. kubectl converts YAML with
// sigs.k8s.io/yaml, i.e. go-yaml v2, a port of libyaml (yaml.v2 scannerc.go / readerc.go). Three rules matter
// for hand-written manifests, and the notes contain the first one:
// - a tab is not whitespace at the start of a line or right after `:`, `-` or `?` in block context
//   (yaml_parser_scan_to_next_token): `found character that cannot start any token`;
// - control characters are refused by the reader (yaml_parser_update_buffer);
// - nesting too deep is refused (go-yaml: `exceeded max depth of 10000`, max_indents / max_flow_level). The `yaml`
//   package composes documents recursively and overflows the stack somewhere below 1000 levels (and V8 may then
//   abort the process outright), so kubesim's limit is 200 levels, far beyond any real manifest.
// The scan runs on the `yaml` package's Lexer (iterative, safe on any input) and also cuts the stream into
// documents, so a broken document can be rejected without parsing it.

import { CST, Lexer } from 'yaml';

export const MAX_DEPTH = 200;

export interface Chunk {
  /** Offset of the chunk in the text; the chunk runs to the next chunk's start. */
  start: number;
  end: number;
  /** Set when go-yaml would refuse this document. */
  problem?: { offset: number; message: string; reader?: boolean };
}

/** Control characters go-yaml's reader refuses (it allows tab, LF, CR, NEL and all printable characters). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

const ZERO_WIDTH = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
const CONTENT_FREE = new Set(['space', 'newline', 'comment', 'byte-order-mark']);

interface Indent {
  col: number;
  kind: 'map' | 'seq';
}

/** Splits `text` into documents and finds, per document, the first thing go-yaml would refuse. */
export function scanStream(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Chunk = { start: 0, end: text.length };
  let hasContent = false;
  const startChunk = (at: number) => {
    cur.end = at;
    chunks.push(cur);
    cur = { start: at, end: text.length };
    hasContent = false;
  };
  const flag = (offset: number, message: string) => {
    if (!cur.problem) cur.problem = { offset, message };
  };

  let offset = 0;
  let lineStart = 0;
  let flow = 0;
  /** What came last on this line: go-yaml allows a tab only where simple_key_allowed is false. */
  let last: 'linestart' | 'indicator' | 'other' = 'linestart';
  let nextIsScalar = false;
  const indents: Indent[] = [];
  /** The token after `|` or `>` is the block scalar's text, which starts at column 0 whatever it is nested in. */
  let blockScalarContent = false;
  let keyCol: number | undefined;
  let keyAt = 0;
  let splitAfterLine = false;

  for (const tok of new Lexer().lex(text)) {
    if (ZERO_WIDTH.has(tok)) {
      if (tok === CST.SCALAR) nextIsScalar = true;
      continue;
    }
    const at = offset;
    offset += tok.length;
    const type = nextIsScalar ? 'scalar' : (CST.tokenType(tok) ?? 'scalar');
    nextIsScalar = false;
    const col = at - lineStart;

    // Document boundaries: `---` or a directive after content opens a new document; `...` closes one.
    if ((type === 'doc-start' || type === 'directive-line') && hasContent) startChunk(at);
    if (!CONTENT_FREE.has(type) && type !== 'doc-start' && type !== 'directive-line' && type !== 'doc-end') hasContent = true;

    if (type === 'newline') {
      lineStart = offset;
      // `...` ended the document: the next one starts on the following line.
      if (splitAfterLine) {
        splitAfterLine = false;
        startChunk(offset);
      }
      last = 'linestart';
      keyCol = undefined;
      continue;
    }
    if (type === 'space') {
      const tab = tok.indexOf('\t');
      if (tab >= 0 && flow === 0 && last !== 'other') flag(at + tab, 'found character that cannot start any token');
      continue;
    }
    if (type === 'comment' || type === 'byte-order-mark') continue;
    if (type === 'doc-end') {
      splitAfterLine = true;
      continue;
    }

    // Block nesting, counted the way the composer will nest: unroll to this column, then open a collection.
    // An indentless sequence (`key:` then `- item` in the same column) is one level deeper than its map.
    if (flow === 0 && !blockScalarContent) {
      while (indents.length && indents[indents.length - 1].col > col) indents.pop();
      const top = () => indents[indents.length - 1] as Indent | undefined;
      const open = (kind: Indent['kind'], c: number, where: number) => {
        indents.push({ col: c, kind });
        if (indents.length + flow > MAX_DEPTH) flag(where, `exceeded max depth of ${MAX_DEPTH}`);
      };
      if (type === 'seq-item-ind') {
        const t = top();
        if (!t || t.col < col || (t.col === col && t.kind === 'map')) open('seq', col, at);
      } else if (type === 'explicit-key-ind' || type === 'map-value-ind') {
        const c = type === 'map-value-ind' ? (keyCol ?? col) : col;
        if (top()?.col === c && top()?.kind === 'seq') indents.pop(); // an indentless sequence ended
        const t = top();
        if (!t || t.col < c) open('map', c, type === 'map-value-ind' && keyCol !== undefined ? keyAt : at);
      } else if (keyCol === undefined) {
        keyCol = col;
        keyAt = at;
      }
    }
    blockScalarContent = type === 'block-scalar-header';
    if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') {
      last = flow === 0 ? 'indicator' : 'other';
      keyCol = undefined;
      continue;
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      flow++;
      if (indents.length + flow > MAX_DEPTH) flag(at, `exceeded max depth of ${MAX_DEPTH}`);
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      flow = Math.max(0, flow - 1);
    }
    if (type === 'doc-start' || type === 'directive-line') {
      flow = 0;
      indents.length = 0;
    }
    last = 'other';
  }
  cur.end = text.length;
  chunks.push(cur);

  // The reader's check comes first in go-yaml: a control character fails the document wherever it is.
  for (const c of chunks) {
    const m = CONTROL.exec(text.slice(c.start, c.end));
    if (m) c.problem = { offset: c.start + m.index, message: 'control characters are not allowed', reader: true };
  }
  return chunks.filter((c, i) => i === 0 || c.end > c.start);
}

/** 1-based line and column of every offset, from the text's newlines (what yaml's LineCounter computes). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  pos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo] + 1 };
  }
}

/** The `yaml` package's error codes mapped to the go-yaml message a kubectl user would see for the same mistake. */
export function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return 'found character that cannot start any token';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'BAD_INDENT':
      if (message.startsWith('Flow sequence')) return "did not find expected ',' or ']'";
      if (message.startsWith('Flow map')) return "did not find expected ',' or '}'";
      return 'did not find expected key';
    case 'MISSING_CHAR':
      if (message.includes('quote')) return 'found unexpected end of stream';
      if (message.includes('- indicator')) return "did not find expected '-' indicator";
      if (message.includes('flow sequence') || message.includes(']')) return "did not find expected ',' or ']'";
      if (message.includes('flow map') || message.includes('}')) return "did not find expected ',' or '}'";
      return "could not find expected ':'";
    case 'MULTILINE_IMPLICIT_KEY':
    case 'KEY_OVER_1024_CHARS':
      return "could not find expected ':'";
    case 'BAD_DQ_ESCAPE':
      return 'found unknown escape character';
    case 'UNEXPECTED_TOKEN':
      return 'did not find expected <document start>';
    case 'BAD_DIRECTIVE':
      return 'found unknown directive name';
    default:
      return 'did not find expected node content';
  }
}
