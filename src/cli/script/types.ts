// What one line of a `.ksim` script means, once parsed. The same shapes come from the TUI's `:` command line and
// from recordings, and are run by src/cli/execute.ts. Plain data, so a parsed script can be logged or compared.

import type { Kind } from '../../cluster/api/types.js';
import type { Cascade } from '../../cluster/actions.js';
import type { SelectorRequirement } from './selector.js';

/** A resource argument: `pods`, `pods a b`, `pod/a`. No names means "every object of the kind". */
export interface ResourceTarget {
  kind: Kind;
  names: string[];
}

/** A `-l` selector, kept both parsed (for matching) and as typed (for the engine's actions and messages). */
export interface Selector {
  text: string;
  requirements: SelectorRequirement[];
}

export type GetOutput =
  | 'table'
  | 'wide'
  | 'json'
  | 'yaml'
  | 'name'
  | { jsonpath: string }
  /** `-o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName` (paths already in `{...}` form). */
  | { customColumns: { header: string; path: string }[] };

export interface GetCommand {
  verb: 'get';
  targets: ResourceTarget[];
  /** `kubectl get all`: the category, printed the way kubectl prints several kinds at once. */
  all: boolean;
  /** True when a name was given in KIND/NAME form or several kinds were asked for (names get a `kind/` prefix). */
  showKind: boolean;
  selector?: Selector;
  output: GetOutput;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
  namespace?: string;
  allNamespaces: boolean;
  ignoreNotFound: boolean;
  /** `--sort-by=.metadata.creationTimestamp`: a JSONPath whose value orders the rows. */
  sortBy?: string;
}

export interface DescribeCommand {
  verb: 'describe';
  targets: ResourceTarget[];
  selector?: Selector;
  namespace?: string;
  allNamespaces: boolean;
}

export interface LogsCommand {
  verb: 'logs';
  /** The pod, or a controller (`job/pi`) whose first pod is shown, as kubectl does. */
  kind: Kind;
  name: string;
  container?: string;
  previous: boolean;
  tail?: number;
  namespace?: string;
}

export interface ApplyCommand {
  verb: 'apply' | 'create';
  files: string[];
  namespace?: string;
}

export interface DeleteCommand {
  verb: 'delete';
  targets: ResourceTarget[];
  files: string[];
  selector?: Selector;
  all: boolean;
  cascade: Cascade;
  /** Unset means the object's own terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number;
  force: boolean;
  ignoreNotFound: boolean;
  /** kubectl waits for the objects to be gone (--wait=true by default). */
  wait: boolean;
  /** --timeout for that wait (kubectl: 0 = a week). */
  timeoutMs?: number;
  namespace?: string;
  /** Lines kubectl prints to stderr while parsing the flags (deprecation and force warnings). */
  warnings: string[];
}

export interface LabelCommand {
  verb: 'label' | 'annotate';
  targets: ResourceTarget[];
  set: Record<string, string>;
  remove: string[];
  overwrite: boolean;
  selector?: Selector;
  all: boolean;
  namespace?: string;
}

export interface PatchCommand {
  verb: 'patch';
  targets: ResourceTarget[];
  patch: unknown;
  patchType: 'merge' | 'strategic' | 'json';
  namespace?: string;
}

export interface ScaleCommand {
  verb: 'scale';
  targets: ResourceTarget[];
  replicas: number;
  selector?: Selector;
  all: boolean;
  namespace?: string;
}

export interface SetImageCommand {
  verb: 'set image';
  targets: ResourceTarget[];
  images: Record<string, string>;
  namespace?: string;
}

export interface CreateJobCommand {
  verb: 'create job';
  name: string;
  fromCronJob?: string;
  image?: string;
  command?: string[];
  namespace?: string;
}

export interface CreateCronJobCommand {
  verb: 'create cronjob';
  name: string;
  image: string;
  schedule: string;
  restart: 'OnFailure' | 'Never';
  command?: string[];
  namespace?: string;
}

export interface NodeVerbCommand {
  verb: 'cordon' | 'uncordon' | 'drain';
  nodes: string[];
  ignoreDaemonSets: boolean;
  force: boolean;
  deleteEmptyDirData: boolean;
  gracePeriodSeconds?: number;
  /** drain --timeout: how long to wait for evicted pods to be gone. */
  timeoutMs?: number;
}

export type WaitFor =
  | { type: 'condition'; condition: string; value: string }
  | { type: 'delete' }
  | { type: 'create' }
  | { type: 'jsonpath'; path: string; value?: string };

export interface WaitCommand {
  verb: 'wait';
  for: WaitFor;
  targets: ResourceTarget[];
  selector?: Selector;
  all: boolean;
  timeoutMs: number;
  namespace?: string;
}

export interface RolloutStatusCommand {
  verb: 'rollout status';
  kind: Kind;
  name: string;
  timeoutMs?: number;
  namespace?: string;
}

export interface InfoCommand {
  verb: 'version' | 'api-resources' | 'api-versions';
}

export type KubectlCommand =
  | GetCommand
  | DescribeCommand
  | LogsCommand
  | ApplyCommand
  | DeleteCommand
  | LabelCommand
  | PatchCommand
  | ScaleCommand
  | SetImageCommand
  | CreateJobCommand
  | CreateCronJobCommand
  | NodeVerbCommand
  | WaitCommand
  | RolloutStatusCommand
  | InfoCommand;

export type ScriptCommand =
  /** A blank line or a `# comment` (kept so a recording can be written back as it was). */
  | { type: 'comment'; text: string }
  | { type: 'kubectl'; text: string; command: KubectlCommand }
  /** `wait 30s`: advance simulated time. */
  | { type: 'wait'; ms: number }
  | { type: 'node'; op: 'kill' | 'restore' | 'delete'; name: string }
  | { type: 'node'; op: 'add'; name: string; labels: Record<string, string> }
  /** `say "text"`: a caption for demos. */
  | { type: 'say'; text: string }
  /** `ui WORD ARGS...`: TUI navigation kept in recordings; headless runs ignore it. */
  | { type: 'ui'; word: string; args: string[] };

export type ParseResult = ScriptCommand | { error: string };

export function isParseError(r: ParseResult): r is { error: string } {
  return 'error' in r;
}
