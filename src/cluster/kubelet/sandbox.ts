// The pod sandbox's network (RunPodSandbox → the CNI bridge plugin with host-local IPAM): each pod gets the
// next free address of its node's podCIDR (10.244.<n>.0/24), from .2 to .254 and round again, skipping addresses
// still held (host-local keeps one reservation per address); .1 is the node's bridge (cni0), the address
// probes come from. Reservations live in table `podIPs` (`node/ip` → pod key) until the pod is gone.

import { NODE_RUNTIME, type NodeRuntime, podIP } from '../nodes/node.js';
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

/** Address `host` of a podCIDR as podIP() writes it, made one flat string: podIP builds it with `+`, and from 13
 * characters on (10.244.100.2) V8 keeps such a string as a pair of pieces; every pod keeps its address. */
function hostIP(cidrIndex: number, host: number): string {
  let prefix = prefixes.get(cidrIndex);
  if (prefix === undefined) {
    prefix = podIP(cidrIndex, 0).slice(0, -1);
    if (prefixes.size >= 16_384) prefixes.clear();
    prefixes.set(cidrIndex, prefix);
  }
  return [prefix, host].join('');
}
const prefixes = new Map<number, string>();

/** `{ ...nr, nextIP }`, written out when nr has the fields addNode gives it, in its order (V8 copies a frozen
 * object, as every stored one is, through its runtime: ~10× slower). */
export function withNextIP(nr: NodeRuntime, nextIP: number): NodeRuntime {
  if (!hasNodeLayout(nr)) return { ...nr, nextIP };
  return { kubeletUp: nr.kubeletUp, lastHeartbeat: nr.lastHeartbeat, cidrIndex: nr.cidrIndex, nextIP, images: nr.images };
}

/** `{ ...nr, images }`, likewise. */
export function withImages(nr: NodeRuntime, images: NodeRuntime['images']): NodeRuntime {
  if (!hasNodeLayout(nr)) return { ...nr, images };
  return { kubeletUp: nr.kubeletUp, lastHeartbeat: nr.lastHeartbeat, cidrIndex: nr.cidrIndex, nextIP: nr.nextIP, images };
}

const NODE_LAYOUT = ['kubeletUp', 'lastHeartbeat', 'cidrIndex', 'nextIP', 'images'];

function hasNodeLayout(nr: NodeRuntime): boolean {
  let n = 0;
  for (const k in nr) if (k !== NODE_LAYOUT[n++]) return false;
  return n === NODE_LAYOUT.length;
}

/**
 * A pod sync's node: its name and its `nodeRuntime` row as of now. The sync reads the row once and passes it down;
 * the kubelet's own writes to it during the sync (an address handed out, an image pulled) replace `nr` here, and
 * nothing else writes it during a sync (the sync's other writes — events, the pod — wake no writer of this table).
 * A starting pod's syncs asked for it 3 times more than they read it now (allocatePodIP, imagePresent, finishPull).
 */
export interface NodeSite {
  node: string;
  nr: NodeRuntime;
}

/** Reserves the next free address on the site's node for `podKey`; undefined when the range is exhausted. */
export function allocatePodIP(tx: Tx, site: NodeSite, podKey: string): string | undefined {
  const { node, nr } = site;
  let host = nr.nextIP >= FIRST_HOST && nr.nextIP <= LAST_HOST ? nr.nextIP : FIRST_HOST;
  for (let tries = 0; tries <= LAST_HOST - FIRST_HOST; tries++) {
    const ip = hostIP(nr.cidrIndex, host);
    host = host >= LAST_HOST ? FIRST_HOST : host + 1;
    const reservation = `${node}/${ip}`;
    if (tx.get(POD_IPS, reservation) !== undefined) continue;
    tx.set(POD_IPS, reservation, podKey);
    site.nr = withNextIP(nr, host);
    tx.set(NODE_RUNTIME, node, site.nr);
    return ip;
  }
  return undefined;
}

export function releasePodIP(tx: Tx, node: string, ip: string | undefined, podKey: string): void {
  if (ip && tx.get(POD_IPS, `${node}/${ip}`) === podKey) tx.del(POD_IPS, `${node}/${ip}`);
}
