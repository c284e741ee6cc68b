// The pod sandbox's network (RunPodSandbox → the CNI bridge plugin with host-local IPAM): each pod gets the
// next free address of its node's podCIDR (10.244.<n>.0/24), from .2 to .254 and round again, skipping addresses
// still held (host-local keeps one reservation per address); .1 is the node's bridge (cni0), the address
// probes come from. Reservations live in table `podIPs` (`node/ip` → pod key) until the pod is gone.

import { NODE_RUNTIME, nodeRuntime, podIP } from '../nodes/node.js';
import type { Tx } from '../tx.js';

export const POD_IPS = 'podIPs';
/** RunPodSandbox, CNI included. */
export const SANDBOX_MS = 1000;

const FIRST_HOST = 2;
const LAST_HOST = 254;

/** The node's bridge address (every sync of every pod asks, for the probes' source address). */
export function bridgeIP(cidrIndex: number): string {
  let ip = bridges.get(cidrIndex);
  if (ip === undefined) bridges.set(cidrIndex, (ip = podIP(cidrIndex, 1)));
  return ip;
}
const bridges = new Map<number, string>();

/** Reserves the next free address on `node` for `podKey`; undefined when the range is exhausted. */
export function allocatePodIP(tx: Tx, node: string, podKey: string): string | undefined {
  const nr = nodeRuntime(tx, node);
  if (!nr) return undefined;
  let host = nr.nextIP >= FIRST_HOST && nr.nextIP <= LAST_HOST ? nr.nextIP : FIRST_HOST;
  for (let tries = 0; tries <= LAST_HOST - FIRST_HOST; tries++) {
    const ip = podIP(nr.cidrIndex, host);
    host = host >= LAST_HOST ? FIRST_HOST : host + 1;
    if (tx.get(POD_IPS, `${node}/${ip}`) !== undefined) continue;
    tx.set(POD_IPS, `${node}/${ip}`, podKey);
    tx.set(NODE_RUNTIME, node, { ...nr, nextIP: host });
    return ip;
  }
  return undefined;
}

export function releasePodIP(tx: Tx, node: string, ip: string | undefined, podKey: string): void {
  if (ip && tx.get(POD_IPS, `${node}/${ip}`) === podKey) tx.del(POD_IPS, `${node}/${ip}`);
}
