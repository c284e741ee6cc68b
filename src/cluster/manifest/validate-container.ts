// Containers, as pkg/apis/core/validation/validation.go validates them for pods and pod templates alike:
// validateContainers / validateInitContainers / validateContainerCommon, ports, env, volume mounts, resources
// (ValidateResourceRequirements) and probes (validateProbe, validateLivenessProbe, validateStartupProbe).

import {
  duplicate,
  type FieldError,
  FieldPath,
  forbidden,
  goInt,
  goString,
  invalid,
  nonNegative,
  notFound,
  notSupported,
  required,
} from './field-errors.js';
import { parseQuantity } from '../util/quantity.js';
import { isDNS1123Label, isQualifiedName } from './validate-meta.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Required when empty, Unsupported when not one of `values` (the shape of validateRestartPolicy & co). */
export function enumValue(v: unknown, p: FieldPath, values: string[]): FieldError[] {
  if (v === undefined || v === null || v === '') return [required(p)];
  return values.includes(str(v)) ? [] : [notSupported(p, goString(str(v)), values)];
}

export function validateContainers(cs: Obj[], volumes: Set<string>, p: FieldPath): FieldError[] {
  if (cs.length === 0) return [required(p)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  cs.forEach((c, i) => {
    const cp = p.index(i);
    errs.push(...validateContainerCommon(c ?? {}, volumes, cp));
    const name = str(c?.name);
    if (names.has(name)) errs.push(duplicate(cp.child('name'), goString(name)));
    else names.add(name);
    errs.push(...validateProbe(c?.livenessProbe, cp.child('livenessProbe'), 'liveness'));
    errs.push(...validateProbe(c?.readinessProbe, cp.child('readinessProbe'), 'readiness'));
    errs.push(...validateProbe(c?.startupProbe, cp.child('startupProbe'), 'startup'));
    if (c?.restartPolicy !== undefined && c?.restartPolicy !== null) errs.push(forbidden(cp.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(cs, p));
  return errs;
}

export function validateInitContainers(cs: Obj[], regular: Obj[], volumes: Set<string>, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(regular.map((c) => str(c?.name)));
  cs.forEach((c, i) => {
    const cp = p.index(i);
    errs.push(...validateContainerCommon(c ?? {}, volumes, cp));
    let restartAlways = false;
    if (c?.restartPolicy !== undefined && c?.restartPolicy !== null) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(cp.child('restartPolicy'), goString(str(c.restartPolicy)), ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    const name = str(c?.name);
    if (names.has(name)) errs.push(duplicate(cp.child('name'), goString(name)));
    else if (name) names.add(name);
    errs.push(...hostPortConflicts([c ?? {}], p));
    if (restartAlways) {
      errs.push(...validateProbe(c.livenessProbe, cp.child('livenessProbe'), 'liveness'));
      errs.push(...validateProbe(c.readinessProbe, cp.child('readinessProbe'), 'readiness'));
      errs.push(...validateProbe(c.startupProbe, cp.child('startupProbe'), 'startup'));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c?.[f]) errs.push(forbidden(cp.child(f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

function validateContainerCommon(c: Obj, volumes: Set<string>, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(required(p.child('name')));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(p.child('name'), goString(name), m));
  if (!str(c.image)) errs.push(required(p.child('image')));
  errs.push(...enumValue(c.terminationMessagePolicy, p.child('terminationMessagePolicy'), ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(list(c.ports), p.child('ports')));
  errs.push(...validateEnv(list(c.env), p.child('env')));
  errs.push(...validateVolumeMounts(list(c.volumeMounts), volumes, p.child('volumeMounts')));
  if (!c.imagePullPolicy) errs.push(required(p.child('imagePullPolicy')));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(str(c.imagePullPolicy))) {
    errs.push(notSupported(p.child('imagePullPolicy'), goString(str(c.imagePullPolicy)), ['Always', 'IfNotPresent', 'Never']));
  }
  errs.push(...validateResources(c.resources ?? {}, p.child('resources')));
  return errs;
}

/** validation.IsValidPortNum / IsValidPortName. */
export function portNumErrors(n: number): string[] {
  return n >= 1 && n <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

function validateContainerPorts(ports: Obj[], p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const pp = p.index(i);
    const name = str(port?.name);
    if (name) {
      const msgs = portNameErrors(name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(pp.child('name'), goString(name), m));
      else if (names.has(name)) errs.push(duplicate(pp.child('name'), goString(name)));
      else names.add(name);
    }
    if (!port?.containerPort) errs.push(required(pp.child('containerPort')));
    else for (const m of portNumErrors(port.containerPort)) errs.push(invalid(pp.child('containerPort'), goInt(port.containerPort), m));
    if (port?.hostPort) for (const m of portNumErrors(port.hostPort)) errs.push(invalid(pp.child('hostPort'), goInt(port.hostPort), m));
    if (!port?.protocol) errs.push(required(pp.child('protocol')));
    else if (!['SCTP', 'TCP', 'UDP'].includes(str(port.protocol))) errs.push(notSupported(pp.child('protocol'), goString(str(port.protocol)), ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

/** checkHostPortConflicts: `Duplicate value: "TCP//8080"` (protocol/hostIP/port). */
function hostPortConflicts(cs: Obj[], p: FieldPath): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  cs.forEach((c, ci) => {
    list(c?.ports).forEach((port, pi) => {
      if (!port?.hostPort) return;
      const key = `${str(port.protocol)}/${str(port.hostIP)}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(p.index(ci).child('ports').index(pi).child('hostPort'), goString(key)));
      else seen.add(key);
    });
  });
  return errs;
}

/** ValidateEnv with RelaxedEnvironmentVariableValidation (beta, on by default in v1.32). */
function validateEnv(env: Obj[], p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((e, i) => {
    const name = str(e?.name);
    if (!name) errs.push(required(p.index(i).child('name')));
    else if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(name)) {
      errs.push(invalid(p.index(i).child('name'), goString(name), "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: Obj[], volumes: Set<string>, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const points = new Set<string>();
  mounts.forEach((m, i) => {
    const mp = p.index(i);
    const name = str(m?.name);
    if (!name) errs.push(required(mp.child('name')));
    if (!volumes.has(name)) errs.push(notFound(mp.child('name'), goString(name)));
    const path = str(m?.mountPath);
    if (!path) errs.push(required(mp.child('mountPath')));
    if (points.has(path)) errs.push(invalid(mp.child('mountPath'), goString(path), 'must be unique'));
    points.add(path);
  });
  return errs;
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const isNative = (n: string): boolean => !n.includes('/') || n.startsWith('kubernetes.io/');
const isHugePages = (n: string): boolean => n.startsWith('hugepages-');
const overcommitAllowed = (n: string): boolean => isNative(n) && !isHugePages(n);

/** ValidateResourceRequirements (container variant); quantities are printed as written. */
function validateResources(r: Obj, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const limits: Obj = r.limits ?? {};
  const requests: Obj = r.requests ?? {};
  const limPath = p.child('limits');
  const reqPath = p.child('requests');
  const checkName = (name: string, fp: FieldPath) => {
    for (const m of isQualifiedName(name)) errs.push(invalid(fp, goString(name), m));
    if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(invalid(fp, goString(name), 'must be a standard resource for containers'));
    }
  };
  const checkValue = (name: string, q: unknown, fp: FieldPath) => {
    const v = parseQuantity(q as string | number);
    if (v !== undefined && v < 0) errs.push(invalid(fp, goString(str(q)), 'must be greater than or equal to 0'));
    if (v !== undefined && !isNative(name) && !Number.isInteger(v)) errs.push(invalid(fp, goString(str(q)), 'must be an integer'));
  };
  for (const name of Object.keys(limits).sort()) {
    checkName(name, limPath.key(name));
    checkValue(name, limits[name], limPath.key(name));
  }
  for (const name of Object.keys(requests).sort()) {
    const fp = reqPath.key(name);
    checkName(name, fp);
    checkValue(name, requests[name], fp);
    const req = parseQuantity(requests[name]);
    if (name in limits) {
      const lim = parseQuantity(limits[name]);
      if (req === undefined || lim === undefined) continue;
      if (req !== lim && !overcommitAllowed(name)) errs.push(invalid(reqPath, goString(str(requests[name])), `must be equal to ${name} limit of ${str(limits[name])}`));
      else if (req > lim) errs.push(invalid(reqPath, goString(str(requests[name])), `must be less than or equal to ${name} limit of ${str(limits[name])}`));
    } else if (!overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

/** validateProbe + the liveness/startup (`must be 1`) and readiness (no grace period) rules. */
function validateProbe(probe: Obj | undefined, p: FieldPath, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!probe || typeof probe !== 'object') return [];
  const errs: FieldError[] = [];
  let handlers = 0;
  for (const h of ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const) {
    if (!probe[h]) continue;
    if (handlers++ > 0) {
      errs.push(forbidden(p.child(h), 'may not specify more than 1 handler type'));
      continue;
    }
    const hp = p.child(h);
    if (h === 'exec' && list(probe.exec.command).length === 0) errs.push(required(hp.child('command')));
    if (h === 'httpGet') {
      if (!probe.httpGet.path) errs.push(required(hp.child('path')));
      errs.push(...portNumOrName(probe.httpGet.port, hp.child('port')));
      if (!['HTTP', 'HTTPS'].includes(str(probe.httpGet.scheme))) errs.push(notSupported(hp.child('scheme'), goString(str(probe.httpGet.scheme)), ['HTTP', 'HTTPS']));
    }
    if (h === 'tcpSocket') errs.push(...portNumOrName(probe.tcpSocket.port, hp.child('port')));
    if (h === 'grpc') errs.push(...portNumOrName(Number(probe.grpc.port ?? 0), hp.child('port')));
  }
  if (handlers === 0) errs.push(required(p, 'must specify a handler type'));
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(probe[f], p.child(f)));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && grace !== null && grace <= 0) errs.push(invalid(p.child('terminationGracePeriodSeconds'), goInt(grace), 'must be greater than 0'));
  if (kind !== 'readiness' && probe.successThreshold !== 1) errs.push(invalid(p.child('successThreshold'), goInt(probe.successThreshold), 'must be 1'));
  if (kind === 'readiness' && grace !== undefined && grace !== null) {
    errs.push(invalid(p.child('terminationGracePeriodSeconds'), goInt(grace), 'must not be set for readinessProbes'));
  }
  return errs;
}

/** ValidatePortNumOrName: an int must be a port number, a string a port name (so "8080" in quotes fails). */
function portNumOrName(port: unknown, p: FieldPath): FieldError[] {
  if (typeof port === 'number') return portNumErrors(port).map((m) => invalid(p, goInt(port), m));
  return portNameErrors(str(port)).map((m) => invalid(p, goString(str(port)), m));
}
