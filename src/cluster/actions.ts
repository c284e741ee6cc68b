// Every change to the cluster is an Action: plain, serializable data (DESIGN.md "Everything is an Action").
// Headless scripts, the TUI's keys and command line, recordings and tests all build these and hand them to
// `dispatch` (src/cluster/engine.ts). Queries (`kubectl get`, `describe`, `logs`) are not actions: they are pure
// reads of the state through src/cluster/printers.

import type { Kind } from './api/types.js';

/** Where a manifest came from, so errors can name file, document and line. */
export interface ManifestSource {
  file: string;
  /** 1-based line where the document starts in `file`. */
  line: number;
}

export type Cascade = 'background' | 'foreground' | 'orphan';

export type Action =
  /** Advance simulated time by `ms` (the only way time passes). */
  | { type: 'advance'; ms: number }
  /** `kubectl apply -f` / `kubectl create -f` of already-parsed manifest documents (plain JSON objects). */
  | { type: 'apply'; mode: 'apply' | 'create'; objects: unknown[]; sources?: ManifestSource[] }
  /** `kubectl delete KIND NAME...` or `-l SELECTOR`. */
  | {
      type: 'delete';
      kind: Kind;
      namespace: string;
      names?: string[];
      selector?: string;
      all?: boolean;
      cascade?: Cascade;
      gracePeriodSeconds?: number;
      force?: boolean;
      ignoreNotFound?: boolean;
    }
  /** `kubectl scale KIND NAME --replicas=N` (Job: sets parallelism, as kubectl did). */
  | { type: 'scale'; kind: Kind; namespace: string; name: string; replicas: number }
  /** `kubectl label KIND NAME k=v k-` ; `selector`/`all` label many objects at once. */
  | {
      type: 'label';
      kind: Kind;
      namespace: string;
      names?: string[];
      selector?: string;
      all?: boolean;
      set: Record<string, string>;
      remove: string[];
      overwrite: boolean;
      target?: 'labels' | 'annotations';
    }
  /** `kubectl patch KIND NAME -p JSON [--type=merge|strategic|json]`. */
  | { type: 'patch'; kind: Kind; namespace: string; name: string; patch: unknown; patchType: 'merge' | 'strategic' | 'json' }
  /** `kubectl set image KIND/NAME CONTAINER=IMAGE ...`. */
  | { type: 'setImage'; kind: Kind; namespace: string; name: string; images: Record<string, string> }
  /** `kubectl create job NAME --from=cronjob/X`. */
  | { type: 'createJobFromCronJob'; namespace: string; name: string; cronJob: string }
  /** `kubectl create job NAME --image=IMG -- cmd args`. */
  | { type: 'createJob'; namespace: string; name: string; image: string; command?: string[] }
  /** `kubectl cordon|uncordon NODE`. */
  | { type: 'cordon'; node: string; unschedulable: boolean }
  /** `kubectl drain NODE` (cordon, then evict every pod not owned by a DaemonSet). */
  | { type: 'drain'; node: string; ignoreDaemonSets?: boolean; force?: boolean; gracePeriodSeconds?: number }
  /** `node kill NAME`: power the machine off (kubelet and containers stop, heartbeats stop). */
  | { type: 'nodeKill'; node: string }
  /** `node restore NAME`: power it back on. */
  | { type: 'nodeRestore'; node: string }
  /** `node add NAME [k=v ...]`. */
  | { type: 'nodeAdd'; node: string; labels?: Record<string, string> }
  /** `node delete NAME` (the Node object is removed; pod GC force-deletes its pods). */
  | { type: 'nodeDelete'; node: string };

/** What dispatch reports back: kubectl's own output lines, and errors in kubectl's words. */
export interface ActionResult {
  /** Lines kubectl prints on success, e.g. `pod/x created`, `replicaset.apps/kubia scaled`. */
  output: string[];
  /** Lines kubectl prints on failure, e.g. `Error from server (NotFound): pods "x" not found`. */
  errors: string[];
  /** Warnings kubectl prints to stderr but that do not fail the command. */
  warnings: string[];
}

export const emptyResult = (): ActionResult => ({ output: [], errors: [], warnings: [] });
