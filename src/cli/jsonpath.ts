// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath), the subset learners use:
//   {.status.phase}  {.items[0].metadata.name}  {.items[*].metadata.name}  {.metadata.labels.app}
//   {.status.conditions[?(@.type=="Ready")].status}  {range .items[*]}{.metadata.name}{"\n"}{end}
//   ['key.with.dots'], [1:3] slices, ..name recursive descent, literal text outside braces.
// Used by `kubectl get -o jsonpath=`, `--sort-by` and `kubectl wait --for=jsonpath=`.

type Step =
  | { t: 'field'; name: string }
  | { t: 'index'; i: number }
  | { t: 'slice'; start?: number; end?: number }
  | { t: 'all' }
  | { t: 'recurse'; name: string }
  | { t: 'filter'; path: Step[]; op?: string; value?: unknown; rhsPath?: Step[] };

type Node =
  | { t: 'text'; text: string }
  | { t: 'path'; steps: Step[] }
  | { t: 'range'; steps: Step[]; body: Node[] };

export class JsonPathError extends Error {}

/** Wraps a bare path the way kubectl's RelaxedJSONPathExpression does: `.a.b` or `a.b` → `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  const e = expr.trim();
  if (e === '') return e;
  if (e.startsWith('{') && e.endsWith('}')) return e;
  return `{${e.startsWith('.') ? e : '.' + e}}`;
}

export function parseJsonPath(template: string): Node[] {
  const nodes: Node[] = [];
  const stack: { steps: Step[]; body: Node[] }[] = [];
  let cur = nodes;
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      cur.push({ t: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) cur.push({ t: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    const inner = template.slice(open + 1, close).trim();
    i = close + 1;
    if (inner === 'end') {
      const frame = stack.pop();
      if (!frame) throw new JsonPathError('not in range, nothing to end');
      cur = stack.length ? stack[stack.length - 1].body : nodes;
      cur.push({ t: 'range', steps: frame.steps, body: frame.body });
      continue;
    }
    if (inner.startsWith('range ')) {
      stack.push({ steps: parseSteps(inner.slice(6).trim()), body: [] });
      cur = stack[stack.length - 1].body;
      continue;
    }
    const lit = /^"((?:[^"\\]|\\.)*)"$/.exec(inner) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(inner);
    if (lit) {
      cur.push({ t: 'text', text: unescape(lit[1]) });
      continue;
    }
    cur.push({ t: 'path', steps: parseSteps(inner) });
  }
  if (stack.length) throw new JsonPathError('unclosed range');
  return nodes;
}

function findClose(s: string, open: number): number {
  let quote = '';
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return j;
  }
  throw new JsonPathError(`unclosed action`);
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

function parseSteps(expr: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (expr.startsWith('$')) i = 1;
  if (expr.startsWith('@')) i = 1;
  while (i < expr.length) {
    const c = expr[i];
    if (c === '.' && expr[i + 1] === '.') {
      const m = /^[A-Za-z0-9_\-/]+/.exec(expr.slice(i + 2));
      if (!m) throw new JsonPathError(`invalid recursive descent in ${expr}`);
      steps.push({ t: 'recurse', name: m[0] });
      i += 2 + m[0].length;
    } else if (c === '.') {
      // `app\.kubernetes\.io/name`: an escaped dot belongs to the field name.
      const m = /^(?:[A-Za-z0-9_\-/]|\\\.)*/.exec(expr.slice(i + 1))!;
      if (m[0] !== '') steps.push({ t: 'field', name: m[0].replace(/\\\./g, '.') });
      i += 1 + m[0].length;
    } else if (c === '[') {
      const close = matchingBracket(expr, i);
      steps.push(parseBracket(expr.slice(i + 1, close).trim()));
      i = close + 1;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      const m = /^[A-Za-z0-9_\-/]+/.exec(expr.slice(i));
      if (!m) throw new JsonPathError(`unrecognized character in action: U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
      steps.push({ t: 'field', name: m[0] });
      i += m[0].length;
    }
  }
  return steps;
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let j = open; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  throw new JsonPathError(`unterminated array`);
}

function parseBracket(b: string): Step {
  if (b === '*') return { t: 'all' };
  const q = /^['"](.*)['"]$/.exec(b);
  if (q) return { t: 'field', name: q[1] };
  if (/^-?\d+$/.test(b)) return { t: 'index', i: parseInt(b, 10) };
  const sl = /^(-?\d*):(-?\d*)$/.exec(b);
  if (sl) return { t: 'slice', start: sl[1] ? parseInt(sl[1], 10) : undefined, end: sl[2] ? parseInt(sl[2], 10) : undefined };
  const f = /^\?\((.*)\)$/.exec(b);
  if (f) {
    const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(f[1].trim());
    if (!m) return { t: 'filter', path: parseSteps(f[1].trim()) };
    const rhs = m[3].trim();
    const lit = /^['"](.*)['"]$/.exec(rhs);
    if (lit) return { t: 'filter', path: parseSteps(m[1]), op: m[2], value: lit[1] };
    if (/^-?\d+(\.\d+)?$/.test(rhs)) return { t: 'filter', path: parseSteps(m[1]), op: m[2], value: parseFloat(rhs) };
    if (rhs === 'true' || rhs === 'false') return { t: 'filter', path: parseSteps(m[1]), op: m[2], value: rhs === 'true' };
    return { t: 'filter', path: parseSteps(m[1]), op: m[2], rhsPath: parseSteps(rhs) };
  }
  throw new JsonPathError(`invalid array index ${b}`);
}

/** Every value the steps reach from `root` (missing keys give nothing, as with AllowMissingKeys). */
export function evaluate(steps: Step[], root: unknown): unknown[] {
  let cur: unknown[] = [root];
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of cur) apply(s, v, next);
    cur = next;
  }
  return cur;
}

function apply(s: Step, v: unknown, out: unknown[]): void {
  switch (s.t) {
    case 'field':
      if (v && typeof v === 'object' && !Array.isArray(v) && s.name in v) out.push((v as Record<string, unknown>)[s.name]);
      return;
    case 'index':
      if (Array.isArray(v)) {
        const i = s.i < 0 ? v.length + s.i : s.i;
        if (i >= 0 && i < v.length) out.push(v[i]);
      }
      return;
    case 'slice':
      if (Array.isArray(v)) out.push(...v.slice(s.start ?? 0, s.end ?? v.length));
      return;
    case 'all':
      if (Array.isArray(v)) out.push(...v);
      else if (v && typeof v === 'object') out.push(...Object.values(v));
      return;
    case 'recurse':
      recurse(v, s.name, out);
      return;
    case 'filter':
      if (!Array.isArray(v)) return;
      for (const item of v) if (filterMatches(s, item)) out.push(item);
      return;
  }
}

function recurse(v: unknown, name: string, out: unknown[]): void {
  if (!v || typeof v !== 'object') return;
  if (!Array.isArray(v) && name in v) out.push((v as Record<string, unknown>)[name]);
  for (const child of Object.values(v)) recurse(child, name, out);
}

function filterMatches(s: Extract<Step, { t: 'filter' }>, item: unknown): boolean {
  const lhs = evaluate(s.path, item);
  if (!s.op) return lhs.length > 0;
  if (lhs.length === 0) return false;
  const rhs = s.rhsPath ? evaluate(s.rhsPath, item)[0] : s.value;
  const a = lhs[0] as string | number;
  const b = rhs as string | number;
  switch (s.op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    default: return a >= b;
  }
}

/** How kubectl prints one result: strings bare, everything else as JSON. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return JSON.stringify(v);
}

/** Executes a template against an object, as `kubectl get -o jsonpath=TEMPLATE` prints it. */
export function executeJsonPath(template: string, root: unknown): string {
  return render(parseJsonPath(template), root);
}

function render(nodes: Node[], root: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.text;
    else if (n.t === 'path') out += evaluate(n.steps, root).map(formatValue).join(' ');
    else for (const item of evaluate(n.steps, root)) out += render(n.body, item);
  }
  return out;
}

/** The values of a single-path template (`{.status.phase}`), for wait and sort-by. */
export function jsonPathValues(template: string, root: unknown): unknown[] {
  const nodes = parseJsonPath(template).filter((n) => n.t !== 'text');
  if (nodes.length !== 1 || nodes[0].t !== 'path') throw new JsonPathError(`expected a single path in ${template}`);
  return evaluate(nodes[0].steps, root);
}
