// Pieces every kubectl verb's grammar shares: resource arguments (`pods a b`, `pod/a`, `pods,rs`), the `-l`
// selector, `-n`, and errors rendered the way kubectl's cmdutil.CheckErr renders them.

import type { Kind } from '../../cluster/api/types.js';
import { resolveResource } from '../../cluster/printers/resources.js';
import { Flags, FlagError, parseFlags, type FlagSpec } from './flags.js';
import { parseSelector } from './selector.js';
import type { ResourceTarget, Selector } from './types.js';

/** An error kubectl prints as `error: <message>` (plus a usage hint for flag and usage errors). */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** cmdutil.UsageErrorf: the message, then `See 'kubectl VERB -h' for help and examples`. */
export function usageError(command: string, message: string): KubectlError {
  return new KubectlError(message, `See 'kubectl ${command} -h' for help and examples`);
}

/** Parses flags, turning pflag errors into kubectl's `See 'kubectl VERB --help' for usage.` form. */
export function flagsFor(command: string, args: string[], specs: FlagSpec[]): Flags {
  try {
    return new Flags(parseFlags(args, specs));
  } catch (e) {
    if (e instanceof FlagError) throw new KubectlError(e.message, `See 'kubectl ${command} --help' for usage.`);
    throw e;
  }
}

/** Resource names kubectl knows but kubesim does not simulate, so the learner is told why rather than "no type". */
const NOT_SIMULATED: Record<string, string> = {
  deployment: 'deployments', deployments: 'deployments', deploy: 'deployments',
  service: 'services', services: 'services', svc: 'services',
  configmap: 'configmaps', configmaps: 'configmaps', cm: 'configmaps',
  secret: 'secrets', secrets: 'secrets',
  namespace: 'namespaces', namespaces: 'namespaces', ns: 'namespaces',
  ingress: 'ingresses', ingresses: 'ingresses', ing: 'ingresses',
  persistentvolume: 'persistentvolumes', persistentvolumes: 'persistentvolumes', pv: 'persistentvolumes',
  horizontalpodautoscaler: 'horizontalpodautoscalers', horizontalpodautoscalers: 'horizontalpodautoscalers', hpa: 'horizontalpodautoscalers',
  endpoints: 'endpoints', ep: 'endpoints',
  serviceaccount: 'serviceaccounts', serviceaccounts: 'serviceaccounts', sa: 'serviceaccounts',
  storageclass: 'storageclasses', storageclasses: 'storageclasses', sc: 'storageclasses',
  controllerrevision: 'controllerrevisions', controllerrevisions: 'controllerrevisions',
  poddisruptionbudget: 'poddisruptionbudgets', poddisruptionbudgets: 'poddisruptionbudgets', pdb: 'poddisruptionbudgets',
};

export const SIMULATED_LIST =
  'pods, replicationcontrollers, replicasets, daemonsets, statefulsets, jobs, cronjobs, persistentvolumeclaims, nodes, events';

/** A resource word → Kind, or kubectl's error for an unknown type. */
export function kindOf(word: string): Kind {
  const kind = resolveResource(word);
  if (kind) return kind;
  const missing = NOT_SIMULATED[word.toLowerCase().split('.')[0]];
  if (missing) throw new KubectlError(`kubesim does not simulate ${missing} (it simulates ${SIMULATED_LIST})`);
  throw new KubectlError(`the server doesn't have a resource type "${word}"`);
}

/**
 * ResourceTypeOrNameArgs (cli-runtime resource.Builder): either `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME...`,
 * never both. `allowAll` lets `all` stand for the category (only `get` uses it).
 */
export function resourceTargets(args: string[], opts: { allowAll?: boolean } = {}): { targets: ResourceTarget[]; all: boolean; slashForm: boolean } {
  if (args.length === 0) return { targets: [], all: false, slashForm: false };
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const targets: ResourceTarget[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const kind = kindOf(a.slice(0, i));
      const name = a.slice(i + 1);
      if (name === '') throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      const existing = targets.find((t) => t.kind === kind);
      if (existing) existing.names.push(name);
      else targets.push({ kind, names: [name] });
    }
    return { targets, all: false, slashForm: true };
  }
  const [types, ...names] = args;
  let all = false;
  const kinds: Kind[] = [];
  for (const word of types.split(',').filter((w) => w !== '')) {
    if (word.toLowerCase() === 'all' && opts.allowAll) {
      all = true;
      continue;
    }
    const kind = kindOf(word);
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return { targets: kinds.map((kind) => ({ kind, names: [...names] })), all, slashForm: false };
}

export function selectorFlag(flags: Flags): Selector | undefined {
  const text = flags.string('selector');
  if (text === undefined) return undefined;
  const parsed = parseSelector(text);
  if ('error' in parsed) throw new KubectlError(parsed.error);
  return { text, requirements: parsed };
}

export function namespaceFlag(flags: Flags): string | undefined {
  return flags.string('namespace');
}

/** Every named target must have at least one name (scale, patch, label without -l/--all). */
export function requireNames(targets: ResourceTarget[]): void {
  if (targets.length > 0 && targets.every((t) => t.names.length > 0)) return;
  throw new KubectlError('resource(s) were provided, but no name was specified');
}
