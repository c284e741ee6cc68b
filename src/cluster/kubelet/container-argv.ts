// What the container runtime starts for a container: its environment and argv (program.ts runs them).

import type { ImageEntry } from './image-entry.js';
import type { ContainerInput } from './program.js';

/**
 * Kubernetes' `$(VAR)` expansion of command, args and env values (third_party/forked/golang/expansion):
 * `$$` is a literal `$`; `$(NAME)` is replaced when NAME is defined and kept as written otherwise — so
 * `args: ["$(sleep 3600)"]` reaches the shell unchanged.
 */
export function expandKubernetesVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    let advance = 1;
    if (next === '$') out += '$';
    else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) out += '$(';
      else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close - cursor;
      }
    } else out += '$' + next;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** The container's env after `$(VAR)` expansion, in order (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables). */
export function containerEnv(env: ContainerInput['env']): [string, string][] {
  const vars = new Map<string, string>();
  for (const e of env ?? []) vars.set(e.name, expandKubernetesVars(e.value ?? '', (n) => vars.get(n)));
  return [...vars];
}

/** The argv the runtime starts: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD
 * (containerd internal/cri/opts/spec_opts.go WithProcessArgs). */
export function containerArgv(entry: Pick<ImageEntry, 'entrypoint' | 'cmd'>, c: ContainerInput): string[] {
  const vars = new Map(containerEnv(c.env));
  const expand = (s: string): string => expandKubernetesVars(s, (n) => vars.get(n));
  let command = (c.command ?? []).map(expand);
  let args = (c.args ?? []).map(expand);
  if (command.length === 0) {
    if (args.length === 0) args = [...entry.cmd];
    command = [...entry.entrypoint];
  }
  return [...command, ...args];
}
