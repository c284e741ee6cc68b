// Grammar of the verbs that create, delete and resize: `apply`, `create` (-f, job, cronjob), `delete`, `patch`,
// `scale` — flags, defaults and validation messages as in staging/src/k8s.io/kubectl/pkg/cmd/{apply,create,
// delete,patch,scale}.

import { parse as parseYaml } from 'yaml';
import type { Cascade } from '../../cluster/actions.js';
import { resolveResource } from '../../cluster/printers/resources.js';
import { KubectlError, SIMULATED_LIST, flagsFor, namespaceFlag, requireNames, resourceTargets, selectorFlag, usageError } from './args.js';
import { goDurationMs, type FlagSpec, type Flags } from './flags.js';
import type { ApplyCommand, CreateCronJobCommand, CreateJobCommand, DeleteCommand, PatchCommand, ScaleCommand } from './types.js';

const FILE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
];

export function parseApply(verb: 'apply' | 'create', args: string[]): ApplyCommand {
  const f = flagsFor(verb, args, FILE_FLAGS);
  const files = f.strings('filename');
  if (files.length === 0) throw usageError(verb, 'must specify one of -f and -k');
  if (f.positional.length > 0) throw usageError(verb, `Unexpected args: [${f.positional.join(' ')}]`);
  return { verb, files, namespace: namespaceFlag(f) };
}

/** `kubectl create …`: `-f`, or the `job` / `cronjob` generators. */
export function parseCreate(args: string[]): ApplyCommand | CreateJobCommand | CreateCronJobCommand {
  const sub = args[0];
  if (sub === 'job') return parseCreateJob(args.slice(1));
  if (sub === 'cronjob' || sub === 'cj') return parseCreateCronJob(args.slice(1));
  const generators = ['deployment', 'service', 'configmap', 'secret', 'namespace', 'ingress', 'role', 'rolebinding', 'serviceaccount', 'quota', 'priorityclass', 'poddisruptionbudget', 'clusterrole', 'clusterrolebinding', 'token'];
  if (sub !== undefined && (generators.includes(sub) || sub === 'ns' || sub === 'deploy' || sub === 'svc' || sub === 'cm' || sub === 'sa' || sub === 'pdb')) {
    throw new KubectlError(`kubesim cannot create ${sub}: it simulates ${SIMULATED_LIST} (use "kubectl create -f FILE", "create job" or "create cronjob")`);
  }
  return parseApply('create', args);
}

/** NameFromCommandArgs: exactly one NAME before `--`. */
function nameArg(command: string, f: Flags): string {
  if (f.positional.length !== 1) throw usageError(command, `exactly one NAME is required, got ${f.positional.length}`);
  return f.positional[0];
}

function parseCreateJob(args: string[]): CreateJobCommand {
  const f = flagsFor('create job', args, [
    { name: 'from', type: 'string' },
    { name: 'image', type: 'string' },
  ]);
  const name = nameArg('create job', f);
  const image = f.string('image');
  const from = f.string('from');
  if ((image === undefined) === (from === undefined)) throw new KubectlError('either --image or --from must be specified');
  if (from !== undefined && f.rest.length > 0) throw new KubectlError('cannot specify --from and command');
  const cmd: CreateJobCommand = { verb: 'create job', name, namespace: namespaceFlag(f) };
  if (image !== undefined) {
    cmd.image = image;
    if (f.rest.length > 0) cmd.command = f.rest;
  }
  if (from !== undefined) {
    const parts = from.split('/');
    if (parts.length !== 2) throw new KubectlError('from must be of the form <resource>/<name>');
    if (resolveResource(parts[0]) !== 'CronJob') throw new KubectlError(`from must be an existing cronjob: ${parts[0]}`);
    cmd.fromCronJob = parts[1];
  }
  return cmd;
}

function parseCreateCronJob(args: string[]): CreateCronJobCommand {
  const f = flagsFor('create cronjob', args, [
    { name: 'image', type: 'string' },
    { name: 'schedule', type: 'string' },
    { name: 'restart', type: 'string' },
  ]);
  const name = nameArg('create cronjob', f);
  const image = f.string('image');
  const schedule = f.string('schedule');
  if (!image) throw new KubectlError('--image must be specified');
  if (!schedule) throw new KubectlError('--schedule must be specified');
  const restart = f.string('restart') ?? 'OnFailure';
  if (restart !== 'OnFailure' && restart !== 'Never') {
    throw new KubectlError(`invalid restart policy: ${restart}`);
  }
  const cmd: CreateCronJobCommand = { verb: 'create cronjob', name, image, schedule, restart, namespace: namespaceFlag(f) };
  if (f.rest.length > 0) cmd.command = f.rest;
  return cmd;
}

const DELETE_FLAGS: FlagSpec[] = [
  ...FILE_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'cascade', type: 'string', noOptDefault: 'background' },
  { name: 'grace-period', type: 'int' },
  { name: 'force', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'duration' },
];

/** parseCascadingFlag (kubectl/pkg/cmd/delete/delete_flags.go): booleans still work, with a deprecation warning. */
function cascadeOf(value: string | undefined, warnings: string[]): Cascade {
  if (value === undefined) return 'background';
  const asBool: Record<string, boolean> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };
  if (value in asBool) {
    const to = asBool[value] ? 'background' : 'orphan';
    warnings.push(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${to}.`);
    return to;
  }
  if (value === 'orphan' || value === 'foreground' || value === 'background') return value;
  throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}

export function parseDelete(args: string[]): DeleteCommand {
  const f = flagsFor('delete', args, DELETE_FLAGS);
  const warnings: string[] = [];
  const cascade = cascadeOf(f.string('cascade'), warnings);
  const files = f.strings('filename');
  const selector = selectorFlag(f);
  const all = f.bool('all');
  const { targets } = resourceTargets(f.positional);
  if (selector && targets.some((t) => t.names.length > 0)) throw new KubectlError('name cannot be provided when a selector is specified');
  if (files.length === 0 && targets.length === 0) {
    throw new KubectlError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  if (files.length > 0 && targets.length > 0) throw new KubectlError('Unexpected args: ' + f.positional.join(' '));
  if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
  if (!all && !selector && files.length === 0) requireNames(targets);

  // DeleteOptions.Complete/Validate: --now is grace 1; grace 0 without --force becomes 1; --force alone is 0.
  let grace = f.int('grace-period') ?? -1;
  const force = f.bool('force');
  if (f.bool('now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  // The "Immediate deletion does not wait…" warning for --force comes from the engine's delete verb.
  const cmd: DeleteCommand = {
    verb: 'delete',
    targets,
    files,
    selector,
    all,
    cascade,
    force,
    // --all and -l ignore NotFound unless told otherwise (delete.go Complete).
    ignoreNotFound: f.has('ignore-not-found') ? f.bool('ignore-not-found') : all || selector !== undefined,
    wait: f.has('wait') ? f.bool('wait') : true,
    namespace: namespaceFlag(f),
    warnings,
  };
  if (grace >= 0) cmd.gracePeriodSeconds = grace;
  const timeout = f.string('timeout');
  if (timeout !== undefined && goDurationMs(timeout) > 0) cmd.timeoutMs = goDurationMs(timeout);
  return cmd;
}

export function parsePatch(args: string[]): PatchCommand {
  const f = flagsFor('patch', args, [
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'type', type: 'string' },
  ]);
  const { targets } = resourceTargets(f.positional);
  if (targets.length === 0) throw usageError('patch', 'You must provide one or more resources by argument or filename.');
  requireNames(targets);
  const patchText = f.string('patch');
  if (patchText === undefined || patchText === '') throw usageError('patch', 'Must specify -p to patch');
  const type = f.string('type') ?? 'strategic';
  if (type !== 'json' && type !== 'merge' && type !== 'strategic') {
    throw new KubectlError(`--type must be one of [json merge strategic], not "${type}"`);
  }
  let patch: unknown;
  try {
    // kubectl reads the patch with yaml.ToJSON, so YAML flow syntax works as well as JSON.
    patch = parseYaml(patchText);
  } catch (e) {
    throw new KubectlError(`unable to parse "${patchText}": ${(e as Error).message.split('\n')[0]}`);
  }
  return { verb: 'patch', targets, patch, patchType: type, namespace: namespaceFlag(f) };
}

export function parseScale(args: string[]): ScaleCommand {
  const f = flagsFor('scale', args, [
    { name: 'replicas', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'timeout', type: 'duration' },
  ]);
  const replicas = f.int('replicas') ?? -1;
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const { targets } = resourceTargets(f.positional);
  if (targets.length === 0) {
    throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const selector = selectorFlag(f);
  const all = f.bool('all');
  if (!selector && !all) requireNames(targets);
  return { verb: 'scale', targets, replicas, selector, all, namespace: namespaceFlag(f) };
}
