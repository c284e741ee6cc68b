// kubesim's own `node` commands: power a machine off and on, add and delete nodes. The wording of errors is the
// API server's (`Error from server (NotFound): nodes "x" not found`); `powered off` / `powered on` are kubesim's.

import { deleteObject } from '../apiserver.js';
import { notFound } from '../printers/resources.js';
import type { VerbHandler } from '../verbs/index.js';
import { NODE_LIFECYCLE, lastHeartbeatBefore } from './lifecycle.js';
import { addNode, NODE_RUNTIME, nodeRuntime, type NodeRuntime } from './node.js';
import { KUBELET } from '../kubelet/kubelet.js';
import { INDEX } from '../store.js';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `node kill NAME`: the kubelet stops; its last Lease renewal was the last 10 s boundary since it started. */
export const nodeKill: VerbHandler<'nodeKill'> = (tx, action, result) => {
  const rt = nodeRuntime(tx, action.node);
  if (!tx.obj('Node', action.node) || !rt) {
    result.errors.push(notFound('Node', action.node));
    return;
  }
  if (rt.kubeletUp) {
    const next: NodeRuntime = {
      ...rt,
      kubeletUp: false,
      killedAt: tx.now,
      lastHeartbeat: lastHeartbeatBefore(rt, tx.now, tx.config.nodeStatusUpdateMs),
    };
    tx.set(NODE_RUNTIME, action.node, next);
    tx.enqueue(NODE_LIFECYCLE, action.node);
  }
  result.output.push(`node/${action.node} powered off`);
};

/** `node restore NAME`: the kubelet starts again, renews its Lease now and resyncs every pod bound to it. */
export const nodeRestore: VerbHandler<'nodeRestore'> = (tx, action, result) => {
  const rt = nodeRuntime(tx, action.node);
  if (!tx.obj('Node', action.node) || !rt) {
    result.errors.push(notFound('Node', action.node));
    return;
  }
  if (!rt.kubeletUp) {
    const next: NodeRuntime = { ...rt, kubeletUp: true, lastHeartbeat: tx.now };
    delete next.killedAt;
    tx.set(NODE_RUNTIME, action.node, next);
    tx.enqueue(NODE_LIFECYCLE, action.node);
    for (const key of tx.members(INDEX.podsByNode, action.node)) tx.enqueue(KUBELET, key);
  }
  result.output.push(`node/${action.node} powered on`);
};

/** `node add NAME [k=v …]`: a new Ready worker registers. */
export const nodeAdd: VerbHandler<'nodeAdd'> = (tx, action, result) => {
  const name = action.node;
  if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
    result.errors.push(
      `The Node "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    return;
  }
  if (tx.obj('Node', name)) {
    result.errors.push(`Error from server (AlreadyExists): nodes "${name}" already exists`);
    return;
  }
  addNode(tx, name, action.labels ?? {});
  result.output.push(`node/${name} created`);
};

/** `node delete NAME` / `kubectl delete node NAME`: the Node object goes; pod GC then removes its pods. */
export const nodeDelete: VerbHandler<'nodeDelete'> = (tx, action, result) => {
  if (!tx.obj('Node', action.node)) {
    result.errors.push(notFound('Node', action.node));
    return;
  }
  deleteObject(tx, 'Node', action.node);
  tx.del(NODE_RUNTIME, action.node);
  result.output.push(`node "${action.node}" deleted`);
};
