// Label selector matching, as k8s.io/apimachinery/pkg/labels does it.
// LabelSelector (matchLabels AND every matchExpression) — metav1.LabelSelectorAsSelector;
// operators: In (key present, value in set), NotIn (key absent OR value not in set), Exists, DoesNotExist.

import type { LabelSelector, LabelSelectorRequirement, Labels } from './api/types.js';

export function matchesRequirement(req: LabelSelectorRequirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
  const v = has ? labels![req.key] : undefined;
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(v!);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(v!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** True when `labels` satisfy the selector. An empty selector matches everything (callers reject it where the API does). */
export function matchesSelector(sel: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!sel) return false;
  for (const k in sel.matchLabels ?? {}) {
    if (!labels || labels[k] !== sel.matchLabels![k]) return false;
  }
  for (const req of sel.matchExpressions ?? []) {
    if (!matchesRequirement(req, labels)) return false;
  }
  return true;
}

/** ReplicationController selectors are plain equality maps. */
export function matchesMap(sel: Labels | undefined, labels: Labels | undefined): boolean {
  if (!sel || Object.keys(sel).length === 0) return false;
  for (const k in sel) if (!labels || labels[k] !== sel[k]) return false;
  return true;
}

export function isEmptySelector(sel: LabelSelector | undefined): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

/**
 * The selector as kubectl prints it (metav1.FormatLabelSelector): `app=kubia,env in (dev,prod),!tier`.
 * Requirements are sorted by key as labels.Selector.String() does.
 */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const parts: { key: string; text: string }[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {})) parts.push({ key: k, text: `${k}=${sel.matchLabels![k]}` });
  for (const r of sel.matchExpressions ?? []) {
    const vals = [...(r.values ?? [])].sort().join(',');
    const text =
      r.operator === 'In'
        ? `${r.key} in (${vals})`
        : r.operator === 'NotIn'
          ? `${r.key} notin (${vals})`
          : r.operator === 'Exists'
            ? r.key
            : `!${r.key}`;
    parts.push({ key: r.key, text });
  }
  if (parts.length === 0) return '<none>';
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return parts.map((p) => p.text).join(',');
}

/** A map selector as kubectl prints it: keys sorted, `k=v,k2=v2`. */
export function formatLabels(labels: Labels | undefined): string {
  if (!labels || Object.keys(labels).length === 0) return '<none>';
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}
