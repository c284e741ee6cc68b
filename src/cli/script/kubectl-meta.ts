// Grammar of the verbs that edit metadata and pod templates or act on nodes: `label`, `annotate`, `set image`,
// `cordon`, `uncordon`, `drain` (staging/src/k8s.io/kubectl/pkg/cmd/{label,annotate,set/set_image.go,drain}).

import { KubectlError, flagsFor, namespaceFlag, requireNames, resourceTargets, selectorFlag, usageError } from './args.js';
import { goDurationMs, type FlagSpec } from './flags.js';
import { labelValueError } from './selector.js';
import type { LabelCommand, NodeVerbCommand, SetImageCommand } from './types.js';

/**
 * cmdutil.GetResourcesAndPairs: resources come first, then `k=v` / `k-` pairs; a resource after a pair is an error.
 */
function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
];

export function parseLabel(verb: 'label' | 'annotate', args: string[]): LabelCommand {
  const what = verb === 'label' ? 'label' : 'annotation';
  const f = flagsFor(verb, args, LABEL_FLAGS);
  const { resources, pairs } = resourcesAndPairs(f.positional, what);
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      if (verb === 'label') {
        // label.go parseLabels: exactly one '=', and the value must be a valid label value.
        const parts = spec.split('=');
        if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
        const err = labelValueError(parts[1]);
        if (err) throw new KubectlError(`invalid label value: "${spec}": ${err}`);
        set[parts[0]] = parts[1];
      } else {
        // annotate.go parseAnnotations: split at the first '=', any value allowed.
        const i = spec.indexOf('=');
        if (i === 0) throw new KubectlError(`invalid annotation spec: ${spec}`);
        set[spec.slice(0, i)] = spec.slice(i + 1);
      }
    } else {
      remove.push(spec.slice(0, -1));
    }
  }
  if (remove.some((k) => k in set)) throw new KubectlError(`can not both modify and remove ${verb === 'label' ? 'a label' : 'an annotation'} in the same command`);
  if (resources.length === 0) throw usageError(verb, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (Object.keys(set).length === 0 && remove.length === 0) throw usageError(verb, `at least one ${what} update is required`);
  const selector = selectorFlag(f);
  const all = f.bool('all');
  if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
  const { targets } = resourceTargets(resources);
  if (!all && !selector) requireNames(targets);
  return { verb, targets, set, remove, overwrite: f.bool('overwrite'), selector, all, namespace: namespaceFlag(f) };
}

export function parseSetImage(args: string[]): SetImageCommand {
  const f = flagsFor('set image', args, [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
  ]);
  const { resources, pairs } = resourcesAndPairs(f.positional, 'container image');
  if (resources.length === 0) throw usageError('set image', 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (pairs.length === 0) throw usageError('set image', 'at least one image update is required');
  const images: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0 || i === p.length - 1) throw new KubectlError(`invalid image ${p}`);
    images[p.slice(0, i)] = p.slice(i + 1);
  }
  const { targets } = resourceTargets(resources);
  requireNames(targets);
  return { verb: 'set image', targets, images, namespace: namespaceFlag(f) };
}

const NODE_FLAGS: Record<NodeVerbCommand['verb'], FlagSpec[]> = {
  cordon: [],
  uncordon: [],
  drain: [
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'delete-local-data', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'duration' },
  ],
};

export function parseNodeVerb(verb: NodeVerbCommand['verb'], args: string[]): NodeVerbCommand {
  const f = flagsFor(verb, args, NODE_FLAGS[verb]);
  if (f.positional.length === 0) throw usageError(verb, `USAGE: ${verb} NODE [flags]`);
  // The builder takes `node-1` as well as `node/node-1` or `nodes/node-1`.
  const nodes = f.positional.map((a) => {
    const i = a.indexOf('/');
    if (i < 0) return a;
    const kind = a.slice(0, i).toLowerCase();
    if (kind !== 'node' && kind !== 'nodes' && kind !== 'no') throw new KubectlError(`${verb} only works on nodes, not "${a.slice(0, i)}"`);
    return a.slice(i + 1);
  });
  const cmd: NodeVerbCommand = {
    verb,
    nodes,
    ignoreDaemonSets: f.bool('ignore-daemonsets'),
    force: f.bool('force'),
    deleteEmptyDirData: f.bool('delete-emptydir-data') || f.bool('delete-local-data'),
  };
  const grace = f.int('grace-period');
  if (grace !== undefined && grace >= 0) cmd.gracePeriodSeconds = grace;
  const timeout = f.string('timeout');
  if (timeout !== undefined && goDurationMs(timeout) > 0) cmd.timeoutMs = goDurationMs(timeout);
  return cmd;
}
