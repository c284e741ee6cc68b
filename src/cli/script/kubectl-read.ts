// Grammar of the reading verbs: `kubectl get`, `describe`, `logs` (flags as in
// staging/src/k8s.io/kubectl/pkg/cmd/{get/get.go,describe/describe.go,logs/logs.go}).

import { JsonPathError, parseJsonPath, relaxedJsonPath } from '../jsonpath.js';
import { KubectlError, flagsFor, kindOf, namespaceFlag, resourceTargets, selectorFlag, usageError } from './args.js';
import type { FlagSpec } from './flags.js';
import type { DescribeCommand, GetCommand, GetOutput, LogsCommand } from './types.js';

const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'strings' },
  { name: 'no-headers', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'sort-by', type: 'string' },
];

const OUTPUT_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** `-o` values (cli-runtime genericclioptions.PrintFlags), the ones kubesim prints. */
export function parseOutput(o: string | undefined): GetOutput {
  if (o === undefined || o === '') return 'table';
  if (o === 'wide' || o === 'json' || o === 'yaml' || o === 'name') return o;
  const eq = o.indexOf('=');
  const format = eq < 0 ? o : o.slice(0, eq);
  if (format === 'jsonpath') {
    const template = eq < 0 ? '' : o.slice(eq + 1);
    if (template === '') throw new KubectlError('template format specified but no template given');
    try {
      parseJsonPath(template);
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath ${template}, ${e.message}`);
      throw e;
    }
    return { jsonpath: template };
  }
  if (format === 'custom-columns') {
    const spec = eq < 0 ? '' : o.slice(eq + 1);
    if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given');
    // NewCustomColumnsPrinterFromSpec: comma-separated HEADER:PATH pairs.
    const columns = spec.split(',').map((part) => {
      const i = part.indexOf(':');
      if (i <= 0 || i === part.length - 1) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
      const path = relaxedJsonPath(part.slice(i + 1));
      try {
        parseJsonPath(path);
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath ${path}, ${e.message}`);
        throw e;
      }
      return { header: part.slice(0, i), path };
    });
    return { customColumns: columns };
  }
  if (OUTPUT_FORMATS.split(',').includes(format)) {
    throw new KubectlError(`kubesim does not support -o ${format}; use -o wide, json, yaml, name, jsonpath=... or custom-columns=...`);
  }
  throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${OUTPUT_FORMATS}`);
}

export function parseGet(args: string[]): GetCommand {
  const f = flagsFor('get', args, GET_FLAGS);
  if (f.bool('watch') || f.bool('watch-only')) {
    throw new KubectlError(
      'kubectl get --watch is not supported in kubesim scripts: simulated time only moves with "wait DURATION", so run "kubectl get" again after a wait (the dashboard shows changes live)',
    );
  }
  if (f.positional.length === 0) {
    throw usageError(
      'get',
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const { targets, all } = resourceTargets(f.positional, { allowAll: true });
  const sortBy = f.string('sort-by');
  if (sortBy !== undefined) {
    try {
      parseJsonPath(relaxedJsonPath(sortBy));
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`couldn't parse sort-by ${sortBy}: ${e.message}`);
      throw e;
    }
  }
  const selector = selectorFlag(f);
  if (selector && targets.some((t) => t.names.length > 0)) throw new KubectlError('name cannot be provided when a selector is specified');
  const cmd: GetCommand = {
    verb: 'get',
    targets,
    all,
    showKind: all || targets.length > 1 || f.bool('show-kind'),
    selector,
    output: parseOutput(f.string('output')),
    showLabels: f.bool('show-labels'),
    labelColumns: f.strings('label-columns'),
    noHeaders: f.bool('no-headers'),
    namespace: namespaceFlag(f),
    allNamespaces: f.bool('all-namespaces'),
    ignoreNotFound: f.bool('ignore-not-found'),
  };
  if (sortBy !== undefined) cmd.sortBy = sortBy;
  return cmd;
}

const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
];

export function parseDescribe(args: string[]): DescribeCommand {
  const f = flagsFor('describe', args, DESCRIBE_FLAGS);
  if (f.positional.length === 0) {
    throw usageError(
      'describe',
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const { targets } = resourceTargets(f.positional);
  return { verb: 'describe', targets, selector: selectorFlag(f), namespace: namespaceFlag(f), allNamespaces: f.bool('all-namespaces') };
}

const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int' },
  { name: 'all-containers', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
];

const LOGS_USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.";

export function parseLogs(args: string[]): LogsCommand {
  const f = flagsFor('logs', args, LOGS_FLAGS);
  if (f.bool('follow')) {
    throw new KubectlError('kubectl logs -f is not supported in kubesim scripts: run "wait DURATION" and "kubectl logs" again');
  }
  const pos = f.positional;
  if (pos.length === 0) throw usageError('logs', `${LOGS_USAGE}\nPOD or TYPE/NAME is a required argument for the logs command`);
  if (pos.length > 2) throw usageError('logs', `${LOGS_USAGE}\nlogs requires at most 2 arguments: POD [CONTAINER]`);
  let container = f.string('container');
  if (pos.length === 2) {
    // The deprecated `kubectl logs POD CONTAINER` form (logs.go: "only one of -c or an inline [CONTAINER] arg is allowed").
    if (container !== undefined) throw usageError('logs', 'only one of -c or an inline [CONTAINER] arg is allowed');
    container = pos[1];
  }
  const word = pos[0];
  const slash = word.indexOf('/');
  const cmd: LogsCommand = {
    verb: 'logs',
    kind: slash < 0 ? 'Pod' : kindOf(word.slice(0, slash)),
    name: slash < 0 ? word : word.slice(slash + 1),
    previous: f.bool('previous'),
    namespace: namespaceFlag(f),
  };
  if (container !== undefined) cmd.container = container;
  const tail = f.int('tail');
  if (tail !== undefined && tail >= 0) cmd.tail = tail;
  return cmd;
}
