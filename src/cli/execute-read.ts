// `kubectl describe` (staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go) over the printers' describers,
// including its fallback to every object whose name starts with the given name.

import type { KubeObject } from '../cluster/api/types.js';
import { NAMESPACED } from '../cluster/api/types.js';
import { describe } from '../cluster/printers/describe/index.js';
import { noResourcesFound, notFound } from '../cluster/printers/resources.js';
import { sortForGet } from '../cluster/printers/table.js';
import { getObject, keyOf, listObjects, objectKey } from '../cluster/store.js';
import { matchesSelectorRequirements } from './script/selector.js';
import type { DescribeCommand } from './script/types.js';
import type { OutputBuilder } from './session.js';

export { runLogs } from './execute-logs.js';

export function runDescribe(b: OutputBuilder, cmd: DescribeCommand, sessionNamespace: string): void {
  const namespace = cmd.allNamespaces ? undefined : (cmd.namespace ?? sessionNamespace);
  const found: KubeObject[] = [];
  for (const t of cmd.targets) {
    const inScope = () => listObjects(b.state, t.kind, NAMESPACED[t.kind] ? namespace : undefined) as KubeObject[];
    if (t.names.length === 0) {
      const reqs = cmd.selector?.requirements ?? [];
      found.push(...sortForGet(inScope().filter((o) => matchesSelectorRequirements(reqs, o.metadata.labels))));
      continue;
    }
    for (const name of t.names) {
      const exact = getObject(b.state, t.kind, objectKey(t.kind, namespace ?? 'default', name)) as KubeObject | undefined;
      if (exact) {
        found.push(exact);
        continue;
      }
      // DescribeMatchingResources: no object by that name, so describe every one whose name starts with it.
      const prefixed = sortForGet(inScope().filter((o) => o.metadata.name.startsWith(name)));
      if (prefixed.length === 0) b.fail(notFound(t.kind, name));
      found.push(...prefixed);
    }
  }
  found.forEach((obj, i) => {
    // Objects after the first are preceded by "\n\n" (two blank lines, as the describe text ends in a newline).
    if (i > 0) b.out('', '');
    b.text(describe(b.state, obj.kind, keyOf(obj)));
  });
  if (found.length === 0 && !b.failed) {
    const clusterScoped = cmd.targets.every((t) => !NAMESPACED[t.kind]);
    b.warn(noResourcesFound(clusterScoped || namespace === undefined ? undefined : namespace));
  }
}
