// Grammar of the verbs that wait: `kubectl wait --for=…` (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go
// conditionFuncFor/processJSONPathInput) and `kubectl rollout status` (cmd/rollout/rollout_status.go).

import { JsonPathError, parseJsonPath, relaxedJsonPath } from '../jsonpath.js';
import { KubectlError, flagsFor, namespaceFlag, resourceTargets, selectorFlag, usageError } from './args.js';
import { goDurationMs } from './flags.js';
import type { RolloutStatusCommand, WaitCommand, WaitFor } from './types.js';

/** A week: what kubectl waits when told a negative timeout (and `delete --timeout=0`). */
export const A_WEEK_MS = 168 * 3_600_000;

/** splitJSONPathInput: split on single '=' (a doubled '==' stays in the expression). */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

export function parseWaitFor(condition: string): WaitFor {
  if (condition.toLowerCase() === 'delete') return { type: 'delete' };
  if (condition.toLowerCase() === 'create') return { type: 'create' };
  if (condition.startsWith('condition=')) {
    const rest = condition.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0 ? { type: 'condition', condition: rest, value: 'true' } : { type: 'condition', condition: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (condition.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(condition.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) {
      throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    }
    const path = relaxedJsonPath(parts[0]);
    if (path === '') throw new KubectlError('jsonpath expression cannot be empty');
    try {
      parseJsonPath(path);
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(e.message);
      throw e;
    }
    if (parts.length === 1) return { type: 'jsonpath', path };
    const value = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (value === '') {
      throw new KubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    }
    return { type: 'jsonpath', path, value };
  }
  throw new KubectlError(`unrecognized condition: "${condition}"`);
}

export function parseWait(args: string[]): WaitCommand {
  const f = flagsFor('wait', args, [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'duration' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
  ]);
  const waitFor = parseWaitFor(f.string('for') ?? '');
  const { targets } = resourceTargets(f.positional);
  if (targets.length === 0) {
    throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const selector = selectorFlag(f);
  const all = f.bool('all');
  if (!selector && !all && targets.some((t) => t.names.length === 0)) {
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  const timeout = f.string('timeout');
  let timeoutMs = timeout === undefined ? 30_000 : goDurationMs(timeout);
  if (timeoutMs < 0) timeoutMs = A_WEEK_MS;
  return { verb: 'wait', for: waitFor, targets, selector, all, timeoutMs, namespace: namespaceFlag(f) };
}

/** `kubectl rollout status ds NAME`, `rollout status ds/NAME`; other rollout subcommands are not simulated. */
export function parseRollout(args: string[]): RolloutStatusCommand {
  const sub = args[0];
  if (sub === undefined) throw usageError('rollout', 'Required resource not specified.');
  if (sub !== 'status') {
    if (['history', 'pause', 'restart', 'resume', 'undo'].includes(sub)) {
      throw new KubectlError(`kubesim does not simulate "kubectl rollout ${sub}" (only "rollout status")`);
    }
    throw usageError('rollout', `unknown command "${sub}" for "kubectl rollout"`);
  }
  const f = flagsFor('rollout status', args.slice(1), [
    { name: 'timeout', type: 'duration' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'revision', type: 'int' },
  ]);
  const { targets } = resourceTargets(f.positional);
  if (targets.length === 0) throw usageError('rollout status', 'Required resource not specified.');
  const t = targets[0];
  if (targets.length > 1 || t.names.length !== 1) {
    if (t.names.length === 0) throw usageError('rollout status', 'Required resource not specified.');
    throw usageError('rollout status', 'rollout status only supports one resource at a time');
  }
  const cmd: RolloutStatusCommand = { verb: 'rollout status', kind: t.kind, name: t.names[0], namespace: namespaceFlag(f) };
  const timeout = f.string('timeout');
  if (timeout !== undefined && goDurationMs(timeout) > 0) cmd.timeoutMs = goDurationMs(timeout);
  // Kinds without a status viewer are refused when run (polymorphichelpers.StatusViewerFor), not here.
  return cmd;
}
