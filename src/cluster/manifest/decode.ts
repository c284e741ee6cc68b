// Type checking a manifest against the schema, in the two places a real `kubectl apply` does it:
// 1. kubectl's OpenAPI validation (staging/src/k8s.io/kube-openapi/pkg/util/proto/validation/types.go), which
//    catches e.g. `replicas: "three"` (a string where an integer is expected) but accepts any scalar for a
//    string field, exactly as VisitPrimitive does;
// 2. the API server's JSON decoding (sigs.k8s.io/json, a fork of encoding/json) with fieldValidation=Strict,
//    which rejects what the client let through (`image: 123`, `app: 1` in labels) and unknown fields.

import { parseQuantity } from '../util/quantity.js';
import { DEFINITIONS, type Definition, type FieldType } from './schema.js';

const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** resource.ParseQuantity's errors (ErrFormatWrong / ErrSuffix), or undefined for a valid quantity. */
export function quantityError(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : QUANTITY_FORMAT;
  if (typeof v !== 'string') return QUANTITY_FORMAT;
  if (parseQuantity(v) !== undefined) return undefined;
  return /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.test(v.trim()) ? "unable to parse quantity's suffix" : QUANTITY_FORMAT;
}

export interface DecodeProblems {
  /** Client-side ValidationError texts: `ValidationError(Pod.spec.replicas): invalid type for ...`. */
  validation: string[];
  /** The first JSON decode error, as the API server reports it: `json: cannot unmarshal ...`. */
  decode?: string;
  /** Unknown field paths, in document order: `spec.containers[0].imagePullPolicyy`. */
  unknown: string[];
}

type JsonKind = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'map';

function kindOf(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return 'map';
}

/** encoding/json's names for JSON value types in UnmarshalTypeError. */
const JSON_TYPE: Record<JsonKind, string> = {
  null: 'null',
  boolean: 'bool',
  integer: 'number',
  number: 'number',
  string: 'string',
  array: 'array',
  map: 'object',
};

/** Fields that are int64 in Go (the rest of the integers are int32). */
const INT64 = new Set([
  'PodSpec.terminationGracePeriodSeconds', 'PodSpec.activeDeadlineSeconds', 'Probe.terminationGracePeriodSeconds',
  'ObjectMeta.generation', 'ObjectMeta.deletionGracePeriodSeconds', 'Toleration.tolerationSeconds',
  'JobSpec.activeDeadlineSeconds', 'CronJobSpec.startingDeadlineSeconds', 'Event.count',
]);

const goTypeName = (def: Definition): string => def.name.slice(def.name.lastIndexOf('.') + 1);

interface Walk {
  kind: string;
  out: DecodeProblems;
}

/** Checks `obj` (a decoded manifest) against the definition of `kind` (one of schema.ts's top-level kinds). */
export function checkTypes(obj: Record<string, unknown>, kind: string): DecodeProblems {
  const out: DecodeProblems = { validation: [], unknown: [] };
  const def = DEFINITIONS[kind];
  if (def) walkObject({ kind, out }, obj, def, kind, [], []);
  return out;
}

/** `spec.containers[0].image`, from path segments. */
function fieldPath(segs: (string | number)[]): string {
  let s = '';
  for (const seg of segs) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

function walkObject(w: Walk, obj: Record<string, unknown>, def: Definition, defKey: string, path: (string | number)[], jsonPath: string[]): void {
  for (const [name, value] of Object.entries(obj)) {
    const t = def.fields[name];
    if (t === undefined) {
      // apiVersion/kind are consumed by the decoder; everything else unknown is a strict decoding error.
      w.out.unknown.push(fieldPath([...path, name]));
      continue;
    }
    walkValue(w, value, t, { def, defKey, field: name }, [...path, name], [...jsonPath, name]);
  }
}

interface Owner {
  def: Definition;
  defKey: string;
  field: string;
}

function walkValue(w: Walk, value: unknown, t: FieldType, owner: Owner, path: (string | number)[], jsonPath: string[]): void {
  const k = kindOf(value);
  if (k === 'null' || t === 'any') return; // JSON null leaves a field unset
  const schemaPath = `${owner.def.name}.${owner.field}`;
  const vpath = `${w.kind}.${fieldPath(path)}`;
  const typeError = (expected: string): void => {
    w.out.validation.push(`ValidationError(${vpath}): invalid type for ${schemaPath}: got ${JSON.stringify(k)}, expected ${JSON.stringify(expected)}`);
  };
  const decodeError = (goType: string, literal = false) => {
    if (w.out.decode) return; // encoding/json reports the first type error
    const what = literal ? `${JSON_TYPE[k]} ${String(value)}` : JSON_TYPE[k];
    w.out.decode = `json: cannot unmarshal ${what} into Go struct field ${goTypeName(owner.def)}.${jsonPath.join('.')} of type ${goType}`;
  };

  if (typeof t === 'object') {
    if ('ref' in t) {
      if (k !== 'map') return typeError('map');
      const def = DEFINITIONS[t.ref];
      walkObject(w, value as Record<string, unknown>, def, t.ref, path, jsonPath);
    } else if ('array' in t) {
      if (k !== 'array') return typeError('array');
      (value as unknown[]).forEach((item, i) => walkValue(w, item, t.array, owner, [...path, i], jsonPath));
    } else {
      if (k !== 'map') return typeError('map');
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) walkValue(w, item, t.map, owner, [...path, key], jsonPath);
    }
    return;
  }
  switch (t) {
    case 'object':
      if (k !== 'map') typeError('map');
      return;
    case 'boolean':
      if (k !== 'boolean') typeError('boolean');
      return;
    case 'integer':
    case 'number':
      if (k !== 'integer' && k !== 'number') return typeError(t);
      if (t === 'integer') {
        const int64 = INT64.has(`${owner.defKey}.${owner.field}`);
        const n = value as number;
        const fits = Number.isInteger(n) && (int64 ? Number.isSafeInteger(n) : n >= -(2 ** 31) && n < 2 ** 31);
        if (!fits) decodeError(int64 ? 'int64' : 'int32', true);
      }
      return;
    case 'string':
      // kube-openapi accepts any scalar for a string; the API server's decoder does not.
      if (k === 'map' || k === 'array') return typeError('string');
      if (k !== 'string') decodeError('string');
      return;
    case 'int-or-string':
      if (k === 'map' || k === 'array') return typeError('string');
      // intstr.IntOrString.UnmarshalJSON decodes a non-string as an int32, with no struct field in the error.
      if (k === 'boolean' && !w.out.decode) w.out.decode = 'json: cannot unmarshal bool into Go value of type int32';
      return;
    case 'quantity':
      if (k === 'map' || k === 'array') return typeError('string');
      if (!w.out.decode && quantityError(value)) w.out.decode = quantityError(value);
      return;
  }
}
