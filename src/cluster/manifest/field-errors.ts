// Field errors as the API server builds and prints them (staging/src/k8s.io/apimachinery/pkg/util/validation/field
// errors.go, path.go) and as kubectl renders an Invalid status (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go
// checkErr + MultilineError). Bad values are printed the way Go's fmt prints them (`%q` for strings, `%v` for
// numbers, `%#v` for maps and structs), so the messages read exactly like a real cluster's.

/** One step of a field path: a struct field name, a list index, or a map key (printed `[key]`). */
export type PathSegment = string | number | { key: string };

export class FieldPath {
  private constructor(readonly segments: readonly PathSegment[]) {}

  static root(...names: string[]): FieldPath {
    return new FieldPath(names);
  }
  child(...names: string[]): FieldPath {
    return new FieldPath([...this.segments, ...names]);
  }
  index(i: number): FieldPath {
    return new FieldPath([...this.segments, i]);
  }
  key(k: string): FieldPath {
    return new FieldPath([...this.segments, { key: k }]);
  }
  /** `spec.containers[0].resources.requests[cpu]`, as field.Path.String() prints it. */
  toString(): string {
    let s = '';
    for (const seg of this.segments) {
      if (typeof seg === 'number') s += `[${seg}]`;
      else if (typeof seg === 'object') s += `[${seg.key}]`;
      else s += s === '' ? seg : `.${seg}`;
    }
    return s;
  }
  /** The path as plain keys and indexes, for ParsedDocument.lineOf (a map key is just a key in YAML). */
  yamlPath(): (string | number)[] {
    return this.segments.map((seg) => (typeof seg === 'object' ? seg.key : seg));
  }
}

/** field.ErrorType values (their JSON names) and how ErrorType.String() prints them. */
export const ERROR_TYPE_TEXT = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
} as const;
export type FieldErrorType = keyof typeof ERROR_TYPE_TEXT;

/** A bad value together with how Go would print it. */
export interface GoValue {
  value: unknown;
  text: string;
}

export interface FieldError {
  /** `spec.template.spec.containers[0].image` */
  field: string;
  /** The same path as segments, for mapping the error to a YAML line. */
  path: (string | number)[];
  type: FieldErrorType;
  detail: string;
  value?: unknown;
  /** ErrorBody(): `Invalid value: "x": must be ...` */
  body: string;
}

function make(type: FieldErrorType, path: FieldPath, value: GoValue | undefined, detail: string): FieldError {
  // ErrorBody prints no value for Required, Forbidden, TooLong and Internal errors (or an omitted value).
  let body: string = ERROR_TYPE_TEXT[type];
  if (value && type !== 'FieldValueRequired' && type !== 'FieldValueForbidden' && type !== 'FieldValueTooLong') {
    body += `: ${value.text}`;
  }
  if (detail) body += `: ${detail}`;
  return { field: path.toString(), path: path.yamlPath(), type, detail, value: value?.value, body };
}

export const required = (p: FieldPath, detail = ''): FieldError => make('FieldValueRequired', p, undefined, detail);
export const invalid = (p: FieldPath, v: GoValue, detail: string): FieldError => make('FieldValueInvalid', p, v, detail);
/** field.Invalid with field.OmitValueType{}: no value printed. */
export const invalidNoValue = (p: FieldPath, detail: string): FieldError => make('FieldValueInvalid', p, undefined, detail);
export const forbidden = (p: FieldPath, detail: string): FieldError => make('FieldValueForbidden', p, undefined, detail);
export const duplicate = (p: FieldPath, v: GoValue, detail = ''): FieldError => make('FieldValueDuplicate', p, v, detail);
export const notFound = (p: FieldPath, v: GoValue): FieldError => make('FieldValueNotFound', p, v, '');
export const tooLong = (p: FieldPath, detail: string): FieldError => make('FieldValueTooLong', p, undefined, detail);
export function notSupported(p: FieldPath, v: GoValue, supported: readonly string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
  return make('FieldValueNotSupported', p, v, detail);
}

/** apimachinery's IsNegativeErrorMsg check (ValidateNonnegativeField). */
export function nonNegative(value: number | undefined, p: FieldPath): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(p, goInt(value), 'must be greater than or equal to 0')] : [];
}

// ---- Go value printing ----

/** strconv.Quote: Go's double-quoted string syntax. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff)) {
      out += c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

export const goString = (s: string): GoValue => ({ value: s, text: goQuote(s) });
export const goInt = (n: number): GoValue => ({ value: n, text: String(n) });
export const goBool = (b: boolean): GoValue => ({ value: b, text: String(b) });
/** A value printed verbatim (for types with their own String() or already-formatted text). */
export const goRaw = (value: unknown, text: string): GoValue => ({ value, text });

/** `%#v` of a map[string]string: keys sorted, `map[string]string{"a":"1", "b":"2"}`; nil prints `(nil)`. */
export function goStringMapText(m: Record<string, string> | undefined): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}
export const goStringMap = (m: Record<string, string> | undefined): GoValue => ({ value: m, text: goStringMapText(m) });

function goStringSliceText(s: string[] | undefined): string {
  return s === undefined || s === null ? '[]string(nil)' : `[]string{${s.map((x) => goQuote(String(x))).join(', ')}}`;
}

interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
}

/** `%#v` of a metav1.LabelSelector (the pointer is dereferenced by ErrorBody, and the struct has no String()). */
export function goLabelSelector(sel: SelectorLike | undefined): GoValue {
  if (!sel) return { value: sel, text: 'null' };
  const exprs = sel.matchExpressions;
  const exprText =
    exprs === undefined || exprs === null
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(String(e.key ?? ''))}, Operator:${goQuote(String(e.operator ?? ''))}, Values:${goStringSliceText(e.values)}}`,
          )
          .join(', ')}}`;
  return {
    value: sel,
    text: `v1.LabelSelector{MatchLabels:${goStringMapText(sel.matchLabels)}, MatchExpressions:${exprText}}`,
  };
}

// ---- kubectl's rendering of an Invalid status ----

/** The group-qualified kind as a StatusError names it: `ReplicaSet.apps`, `Job.batch`, `Pod`. */
export function qualifiedKind(kind: string): string {
  const group = KIND_GROUP[kind];
  return group ? `${kind}.${group}` : kind;
}
const KIND_GROUP: Record<string, string> = {
  ReplicaSet: 'apps',
  DaemonSet: 'apps',
  StatefulSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
};

/**
 * What `kubectl create/apply` prints for a rejected object: `The Pod "x" is invalid: spec...: Required value`,
 * or, with several causes, the header (note the trailing space) and one `* ` line per cause.
 */
export function formatInvalid(kind: string, name: string, errs: FieldError[]): string {
  const head = `The ${kind} ${goQuote(name)} is invalid: `;
  if (errs.length === 1) return head + `${errs[0].field}: ${errs[0].body}`;
  return [head, ...errs.map((e) => `* ${e.field}: ${e.body}`)].join('\n');
}

/**
 * The same rejection as one line of an aggregate (several documents failed in one `kubectl apply`):
 * `Error from server (Invalid): error when creating "x.yaml": Job.batch "pi" is invalid: [a, b]`.
 */
export function formatInvalidStatus(kind: string, name: string, errs: FieldError[], file?: string, verb = 'creating'): string {
  const causes = errs.map((e) => `${e.field}: ${e.body}`);
  const agg = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
  const from = file ? `error when ${verb} ${goQuote(file)}: ` : '';
  return `Error from server (Invalid): ${from}${qualifiedKind(kind)} ${goQuote(name)} is invalid: ${agg}`;
}
