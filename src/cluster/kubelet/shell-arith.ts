// `$(( … ))` for the tiny shell: integer arithmetic with C precedence (|| && == != < <= > >= + - * / % unary
// - + !), parentheses, decimal/hex numbers and variable names. Assignment operators are not supported.
// Errors carry ash's words (`arithmetic syntax error`, `divide by zero`).

export class ArithError extends Error {}

const BINARY: { ops: string[]; apply: (op: string, a: number, b: number) => number }[] = [
  { ops: ['||'], apply: (_o, a, b) => (a !== 0 || b !== 0 ? 1 : 0) },
  { ops: ['&&'], apply: (_o, a, b) => (a !== 0 && b !== 0 ? 1 : 0) },
  { ops: ['==', '!='], apply: (o, a, b) => ((o === '==') === (a === b) ? 1 : 0) },
  {
    ops: ['<=', '>=', '<', '>'],
    apply: (o, a, b) => (o === '<' ? a < b : o === '>' ? a > b : o === '<=' ? a <= b : a >= b) ? 1 : 0,
  },
  { ops: ['+', '-'], apply: (o, a, b) => (o === '+' ? a + b : a - b) },
  {
    ops: ['*', '/', '%'],
    apply: (o, a, b) => {
      if (o === '*') return Math.imul(a, b) === a * b ? a * b : Math.trunc(a * b);
      if (b === 0) throw new ArithError('divide by zero');
      return o === '/' ? Math.trunc(a / b) : a % b;
    },
  },
];

/** Evaluates `expr`; `lookup` gives a variable's value (unset → undefined, counted as 0). */
export function evalArith(expr: string, lookup: (name: string) => string | undefined): number {
  const tokens = expr.match(/\s+|0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|[-+*/%()<>!]|./g) ?? [];
  const toks = tokens.filter((t) => !/^\s+$/.test(t));
  let i = 0;
  const syntax = (): never => {
    throw new ArithError('arithmetic syntax error');
  };

  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) return syntax();
    if (t === '(') {
      const v = level(0);
      if (toks[i++] !== ')') syntax();
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() === 0 ? 1 : 0;
    if (/^0[xX]/.test(t)) return parseInt(t, 16);
    if (/^\d+$/.test(t)) return parseInt(t, 10);
    if (/^[A-Za-z_]/.test(t)) {
      const v = (lookup(t) ?? '').trim();
      return /^-?\d+$/.test(v) ? parseInt(v, 10) : /^0[xX][0-9a-fA-F]+$/.test(v) ? parseInt(v, 16) : 0;
    }
    return syntax();
  };

  const level = (n: number): number => {
    if (n === BINARY.length) return primary();
    let left = level(n + 1);
    while (i < toks.length && BINARY[n].ops.includes(toks[i])) {
      const op = toks[i++];
      left = BINARY[n].apply(op, left, level(n + 1));
    }
    return left;
  };

  if (toks.length === 0) return 0;
  const v = level(0);
  if (i !== toks.length) syntax();
  return v;
}
