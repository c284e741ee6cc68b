// Image pulls as the kubelet's image manager does them (pkg/kubelet/images/image_manager.go EnsureImageExists,
// pullImage, evalCRIPullErr): pull policy, presence on the node, the per-pod image back-off, the serialized
// puller (serializeImagePulls defaults to true: one pull at a time per node, others wait — hence "(… including
// waiting)") and the exact event texts. What an image is (size, pull time, does it exist) is the catalog's.

import type { Container, Pod } from '../api/types.js';
import { NODE_RUNTIME, type NodeRuntime } from '../nodes/node.js';
import type { Tx } from '../tx.js';
import { fnv1a } from '../util/hash.js';
import { goDuration } from '../util/time.js';
import { isInBackOffSinceUpdate, nextBackoff } from './backoff.js';
import { catalogGeneration, imageInfo } from './catalog.js';
import { parseImageRef } from './image-ref.js';
import { NameMessages, containerEvent } from './recorder.js';
import { type NodeSite, withImages } from './sandbox.js';
import type { ContainerRuntime } from './runtime.js';

/** Table: node name → its serialized image puller: when it is free again, and the pulls queued on it. */
export const IMAGE_PULLER = 'imagePuller';

interface Puller {
  busyUntil: number;
  /** Image ref → when its queued pull completes (a later pull of it then only checks the manifest). */
  pulls: Record<string, number>;
}
/** A pull of an image the registry does not have fails after resolving the reference. */
export const FAILED_PULL_MS = 800;
/** A pull of an image whose layers the node already has only resolves the manifest (imagePullPolicy: Always). */
export const CACHED_PULL_MS = 500;

/** The image as containerd reports it in container statuses: canonical reference and a content digest. Every
 * status the kubelet writes shows it, so it is remembered per image (and catalog). */
export function resolvedImage(image: string): { ref: string; id: string } {
  const hit = resolved.get(image);
  if (hit && hit.generation === catalogGeneration()) return hit.image;
  const r = resolveImage(image);
  if (resolved.size >= 1000) resolved.clear();
  resolved.set(image, { generation: catalogGeneration(), image: r });
  return r;
}
const resolved = new Map<string, { generation: number; image: { ref: string; id: string } }>();

function resolveImage(image: string): { ref: string; id: string } {
  const info = imageInfo(image);
  const parsed = parseImageRef(image);
  const repo = typeof parsed === 'string' ? image : info.ref.replace(/[:@][^/]*$/, '');
  let digest = '';
  for (let i = 0; digest.length < 64; i++) digest += fnv1a(`${info.ref}#${i}`).toString(16).padStart(8, '0');
  return { ref: info.ref, id: `${repo}@sha256:${digest.slice(0, 64)}` };
}

/** The API server's default (pkg/apis/core/v1/defaults.go): Always for `:latest` or no tag, else IfNotPresent. */
export function pullPolicy(c: Container): 'Always' | 'IfNotPresent' | 'Never' {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const ref = parseImageRef(c.image);
  if (typeof ref === 'string') return 'IfNotPresent';
  return ref.digest === undefined && ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

const NO_IMAGES: NodeRuntime['images'] = Object.freeze({});

/** Is the image on the node (`images`: its nodeRuntime's)? */
export function imagePresent(images: NodeRuntime['images'], image: string): boolean {
  const info = imageInfo(image);
  if (info.preloaded) return true;
  return !!(images[info.ref] || images[image]);
}

export type EnsureImage =
  | { kind: 'present' }
  | { kind: 'pulling'; doneAt: number }
  | { kind: 'failed'; reason: string; message: string };

const ALREADY_PRESENT = new NameMessages((image) => `Container image "${image}" already present on machine`);
const PULLING = new NameMessages((image) => `Pulling image "${image}"`);

/**
 * EnsureImageExists at time `t` for a container about to start. Records the events the kubelet records and,
 * for a pull, reserves the node's puller. The caller records `Failed` `Error: <reason>` for failures.
 */
export function ensureImage(tx: Tx, pod: Pod, c: Container, cr: ContainerRuntime, site: NodeSite, t: number, field: string): EnsureImage {
  const { node } = site;
  const info = imageInfo(c.image);
  const ev = (type: 'Normal' | 'Warning', reason: string, message: string) => containerEvent(tx, pod, node, field, type, reason, message);
  if (info.invalid) {
    const message = `Failed to apply default image tag "${c.image}": ${info.invalid}`;
    ev('Warning', 'InspectFailed', message);
    return { kind: 'failed', reason: 'InvalidImageName', message };
  }
  const policy = pullPolicy(c);
  const present = imagePresent(site.nr.images ?? NO_IMAGES, c.image);
  if (policy !== 'Always' && present) {
    ev('Normal', 'Pulled', ALREADY_PRESENT.of(c.image));
    return { kind: 'present' };
  }
  if (policy === 'Never') {
    const message = `Container image "${c.image}" is not present with pull policy of Never`;
    ev('Warning', 'ErrImageNeverPull', message);
    return { kind: 'failed', reason: 'ErrImageNeverPull', message };
  }
  if (isInBackOffSinceUpdate(cr.imageBackoff, t)) {
    ev('Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
    const last = cr.waiting?.reason === 'ErrImagePull' || cr.waiting?.reason === 'ImagePullBackOff' ? cr.lastPullError : undefined;
    const message = `Back-off pulling image "${c.image}"${last ? `: ErrImagePull: ${last}` : ''}`;
    return { kind: 'failed', reason: 'ImagePullBackOff', message };
  }
  ev('Normal', 'Pulling', PULLING.of(c.image));
  const puller = tx.get<Puller>(IMAGE_PULLER, node) ?? { busyUntil: 0, pulls: {} };
  const startAt = Math.max(t, puller.busyUntil);
  const cached = present || (puller.pulls[info.ref] ?? Infinity) <= startAt;
  const doneAt = startAt + (!info.exists ? FAILED_PULL_MS : cached ? Math.min(info.pullMs, CACHED_PULL_MS) : info.pullMs);
  tx.set(IMAGE_PULLER, node, { busyUntil: doneAt, pulls: pullsAfter(puller.pulls, t, info.exists && !cached ? info.ref : undefined, doneAt) });
  // `shown` as a fifth field: see runtime.ts newRun.
  cr.pull = { requestedAt: t, startAt, doneAt, ok: info.exists, shown: undefined };
  return { kind: 'pulling', doneAt };
}

/** The queued pulls still to complete after `t`, with `ref`'s ending at `doneAt` if given: the same object when
 * that is all of them (most pulls of a node after its first only check the manifest, and queue nothing). */
function pullsAfter(pulls: Record<string, number>, t: number, ref: string | undefined, doneAt: number): Record<string, number> {
  let all = ref === undefined;
  if (all) for (const r in pulls) if (pulls[r] <= t) all = false;
  if (all) return pulls;
  const out: Record<string, number> = {};
  for (const r in pulls) if (pulls[r] > t) out[r] = pulls[r];
  if (ref !== undefined) out[ref] = doneAt;
  return out;
}

/** The pull under way ends (at cr.pull.doneAt): the image is on the node, or the pull failed. */
export function finishPull(tx: Tx, pod: Pod, c: Container, cr: ContainerRuntime, site: NodeSite, field: string): EnsureImage {
  const { node } = site;
  const pull = cr.pull!;
  cr.pull = undefined;
  const info = imageInfo(c.image);
  if (pull.ok) {
    const nr = site.nr;
    if (!nr.images[info.ref]) {
      site.nr = withImages(nr, { ...nr.images, [info.ref]: true });
      tx.set(NODE_RUNTIME, node, site.nr);
    }
    const took = goDuration(pull.doneAt - pull.startAt);
    const total = goDuration(pull.doneAt - pull.requestedAt);
    containerEvent(tx, pod, node, field, 'Normal', 'Pulled',
      `Successfully pulled image "${c.image}" in ${took} (${total} including waiting). Image size: ${info.sizeBytes} bytes.`);
    return { kind: 'present' };
  }
  const err = info.pullError ?? `rpc error: code = NotFound desc = failed to pull and unpack image "${info.ref}": not found`;
  containerEvent(tx, pod, node, field, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${err}`);
  cr.imageBackoff = nextBackoff(cr.imageBackoff, pull.doneAt, pull.doneAt);
  cr.lastPullError = err;
  return { kind: 'failed', reason: 'ErrImagePull', message: err };
}
