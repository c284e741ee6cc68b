// Names, labels, annotations, object metadata and label selectors, validated with apimachinery's messages:
// staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsDNS1123Label, IsQualifiedName, …),
// pkg/api/validation/objectmeta.go (ValidateObjectMeta) and pkg/apis/meta/v1/validation (labels, selectors).

import {
  type FieldError,
  FieldPath,
  forbidden,
  goLabelSelector,
  goString,
  invalid,
  required,
  tooLong,
} from './field-errors.js';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;
const labelRe = new RegExp(`^${DNS1123_LABEL}$`);
const subdomainRe = new RegExp(`^${DNS1123_SUBDOMAIN}$`);
const qualifiedNameRe = new RegExp(`^${QUALIFIED_NAME}$`);
const labelValueRe = new RegExp(`^${LABEL_VALUE}$`);

/** validation.RegexError: note the `, ` after each example, which gives the famous double space. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}
export const maxLenError = (n: number): string => `must be no more than ${n} characters`;

const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!labelRe.test(value)) {
    // A valid subdomain that is not a label can only differ by its dots (IsDNS1123Label, v1.24+).
    if (subdomainRe.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(LABEL_MSG, DNS1123_LABEL, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!subdomainRe.test(value)) errs.push(regexError(SUBDOMAIN_MSG, DNS1123_SUBDOMAIN, 'example.com'));
  return errs;
}

/** NameIsDNSSubdomain / NameIsDNSLabel: a generateName prefix may end with '-'. */
export type NameValidator = (name: string, prefix: boolean) => string[];
const maskTrailingDash = (name: string): string => (name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name);
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_MSG, QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedNameRe.test(name)) errs.push(`name part ${regexError(QUALIFIED_MSG, QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!labelValueRe.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** ValidateLabels: every error is reported on the map itself (`metadata.labels`), keys in sorted order. */
export function validateLabels(labels: Record<string, string> | undefined, p: FieldPath): FieldError[] {
  const out: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const m of isQualifiedName(k)) out.push(invalid(p, goString(k), m));
    for (const m of isValidLabelValue(String(labels![k]))) out.push(invalid(p, goString(String(labels![k])), m));
  }
  return out;
}

const TOTAL_ANNOTATION_SIZE = 256 * 1024;
/** ValidateAnnotations: keys are qualified names (lower-cased first), total size ≤ 256 KiB. */
export function validateAnnotations(ann: Record<string, string> | undefined, p: FieldPath): FieldError[] {
  const out: FieldError[] = [];
  let size = 0;
  for (const k of Object.keys(ann ?? {}).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) out.push(invalid(p, goString(k), m));
    size += k.length + String(ann![k]).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) out.push(tooLong(p, `may not be more than ${TOTAL_ANNOTATION_SIZE} bytes`));
  return out;
}

export interface MetaLike {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
}

/** ValidateObjectMeta (on create; the name is checked after generateName would have produced it). */
export function validateObjectMeta(meta: MetaLike, namespaced: boolean, nameFn: NameValidator, p = FieldPath.root('metadata')): FieldError[] {
  const out: FieldError[] = [];
  if (meta.generateName) {
    for (const m of nameFn(meta.generateName, true)) out.push(invalid(p.child('generateName'), goString(meta.generateName), m));
  }
  if (!meta.name) {
    // With generateName the API server makes the name before validating; kubesim's apiserver does it on create.
    if (!meta.generateName) out.push(required(p.child('name'), 'name or generateName is required'));
  } else {
    for (const m of nameFn(meta.name, false)) out.push(invalid(p.child('name'), goString(meta.name), m));
  }
  if (namespaced) {
    if (!meta.namespace) out.push(required(p.child('namespace')));
    else for (const m of nameIsDNSLabel(meta.namespace, false)) out.push(invalid(p.child('namespace'), goString(meta.namespace), m));
  } else if (meta.namespace) {
    out.push(forbidden(p.child('namespace'), 'not allowed on this type'));
  }
  out.push(...validateLabels(meta.labels, p.child('labels')));
  out.push(...validateAnnotations(meta.annotations, p.child('annotations')));
  for (const [i, f] of (meta.finalizers ?? []).entries()) {
    for (const m of isQualifiedName(f)) out.push(invalid(p.child('finalizers').index(i), goString(f), m));
  }
  return out;
}

export interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** ValidateLabelSelector (strict: label values in selectors must be valid label values). */
export function validateLabelSelector(sel: SelectorLike | undefined, p: FieldPath): FieldError[] {
  if (!sel) return [];
  const out = validateLabels(sel.matchLabels, p.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((req, i) => {
    const rp = p.child('matchExpressions').index(i);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) out.push(required(rp.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) out.push(forbidden(rp.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        out.push(invalid(rp.child('operator'), goString(String(req.operator ?? '')), 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(String(req.key ?? ''))) out.push(invalid(rp.child('key'), goString(String(req.key ?? '')), m));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(String(v))) out.push(invalid(rp.child('values').index(j), goString(String(v)), m));
    });
  });
  return out;
}

/** Whether metav1.LabelSelectorAsSelector would fail (bad operator, In/NotIn without values, …). */
export function selectorConversionFails(sel: SelectorLike | undefined): boolean {
  for (const req of sel?.matchExpressions ?? []) {
    const n = (req.values ?? []).length;
    if ((req.operator === 'In' || req.operator === 'NotIn') && n === 0) return true;
    if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && n > 0) return true;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(req.operator)) return true;
    if (isQualifiedName(String(req.key ?? '')).length) return true;
  }
  for (const k of Object.keys(sel?.matchLabels ?? {})) if (isQualifiedName(k).length) return true;
  return false;
}

export const isEmptySelector = (sel: SelectorLike | undefined): boolean =>
  !sel || Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;

export const selectorValue = goLabelSelector;
