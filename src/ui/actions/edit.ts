// `e`: kubectl edit in the dashboard. The object's YAML goes to $EDITOR; what comes back is compared with what
// went out and the difference is applied as a JSON merge patch (`kubectl patch --type=merge`), so the recording
// holds a replayable line. As kubectl edit does (staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go),
// an unchanged or empty file cancels, and a failed save keeps the text with the error on top for the next `e`.

import { parse as parseYaml } from 'yaml';
import type { Kind, KubeObject } from '../../cluster/api/types.js';
import { toYaml } from '../../cluster/printers/output.js';
import { qualifiedName, resourcePlural } from '../../cluster/printers/resources.js';
import { getObject } from '../../cluster/store.js';
import type { EditRequest } from '../state/types.js';
import { beginChange, flash, type ActionContext } from './context.js';
import { patchLine } from './lines.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObj = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function equal(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** RFC 7386: the merge patch that turns `before` into `after` (removed keys null, lists replaced whole). */
export function mergePatchDiff(before: Json, after: Json): Json | undefined {
  if (!isObj(before) || !isObj(after)) return equal(before, after) ? undefined : after;
  const patch: Record<string, Json> = {};
  for (const k of Object.keys(before)) if (!(k in after)) patch[k] = null;
  for (const [k, v] of Object.entries(after)) {
    if (!(k in before)) patch[k] = v;
    else {
      const d = mergePatchDiff(before[k], v);
      if (d !== undefined) patch[k] = d;
    }
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

const HEADER = [
  '# Please edit the object below. Lines beginning with a \'#\' will be ignored,',
  '# and an empty file will abort the edit. If an error occurs while saving this file will be',
  '# reopened with the relevant failures.',
  '#',
];

function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

export const draftId = (kind: Kind, key: string) => `${kind}|${key}`;

/** The request `e` makes: the draft left by a failed edit, else the live YAML under kubectl's header. */
export function editRequest(ctx: ActionContext, kind: Kind, key: string): EditRequest | undefined {
  const obj = getObject(ctx.sim.view, kind, key) as KubeObject | undefined;
  if (!obj) return undefined;
  const base = toYaml(obj);
  const draft = ctx.store.state.drafts[draftId(kind, key)];
  return { kind, key, name: obj.metadata.name, base, text: draft ?? [...HEADER, base].join('\n') };
}

/** Opens the editor and applies what it saved. */
export async function edit(ctx: ActionContext, kind: Kind, key: string): Promise<void> {
  const req = editRequest(ctx, kind, key);
  if (!req) return;
  if (!ctx.editor) {
    flash(ctx, 'No editor: set $EDITOR, or change the object with :kubectl patch / label / scale', 'error');
    return;
  }
  const saved = await ctx.editor(req.text, `${req.kind.toLowerCase()}-${req.name}.yaml`);
  if (saved === undefined) {
    flash(ctx, 'Edit cancelled: the editor failed', 'error');
    return;
  }
  finishEdit(ctx, req, saved);
}

/** Applies an edit; on failure the text is kept (with the error on top) for the next `e`. */
export function finishEdit(ctx: ActionContext, req: EditRequest, saved: string): void {
  const id = draftId(req.kind, req.key);
  const body = withoutComments(saved);
  const keep = (errors: string[]) => {
    const header = [...HEADER, `# ${resourcePlural(req.kind)} "${req.name}" was not valid:`, ...errors.map((e) => `# * ${e}`), '#'];
    ctx.store.dispatch({ type: 'draft', id, text: [...header, body.trimStart()].join('\n') });
    flash(ctx, `Edit not saved (press e to fix it, your text is kept): ${errors[0]}`, 'error');
  };
  if (body.trim() === '' || body.trim() === withoutComments(req.base).trim()) {
    ctx.store.dispatch({ type: 'draft', id, text: undefined });
    flash(ctx, 'Edit cancelled, no changes made.');
    return;
  }
  let before: Json;
  let after: Json;
  try {
    before = parseYaml(req.base) as Json;
    after = parseYaml(body) as Json;
  } catch (e) {
    keep([`error: error parsing edited YAML: ${(e as Error).message.split('\n')[0]}`]);
    return;
  }
  if (!isObj(after) || !isObj(before)) {
    keep(['error: the edited file is not an object']);
    return;
  }
  const meta = (o: Record<string, Json>) => [o.apiVersion, o.kind, isObj(o.metadata) ? o.metadata.name : undefined].join('|');
  if (meta(before) !== meta(after)) {
    keep(['error: At least one of apiVersion, kind and name was changed']);
    return;
  }
  delete before.status;
  delete after.status;
  const patch = mergePatchDiff(before, after);
  if (patch === undefined) {
    ctx.store.dispatch({ type: 'draft', id, text: undefined });
    flash(ctx, 'Edit cancelled, no changes made.');
    return;
  }
  const prefix = beginChange(ctx);
  if (prefix === undefined) {
    keep(['error: the cluster is rewound: resume (space), then press e again']);
    return;
  }
  const out = ctx.sim.run(patchLine(req.kind, req.name, patch));
  if ('error' in out) {
    keep([out.error]);
    return;
  }
  if (out.failed) {
    keep(out.errors.length > 0 ? out.errors : ['error: the edit was not applied']);
    return;
  }
  ctx.store.dispatch({ type: 'draft', id, text: undefined });
  flash(ctx, `${prefix}${qualifiedName(req.kind, req.name)} edited`);
}
