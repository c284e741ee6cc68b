// Running one probe (pkg/kubelet/prober/prober.go runProbe with pkg/probe/{http,tcp,exec,grpc}): what the
// handler answers at a moment of the container's life, and the kubelet's message for a failure.

import type { Container } from '../api/types.js';
import type { ContainerRequest } from './program.js';
import type { ProbeEnv, ProbeSpec } from './probes.js';
import type { ProbeType } from './runtime.js';

const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** ResolveContainerPort: a number, or a named port of the container. */
export function resolvePort(port: number | string, c: Container): number | string {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  const named = (c.ports ?? []).find((p) => p.name === port);
  return named ? named.containerPort : port;
}

export interface ProbeOutcome {
  ok: boolean;
  /** The `Unhealthy` event message for a failure. */
  message?: string;
  /** The HTTP request the container answered, if any (it counts towards the program's request number). */
  request?: ContainerRequest;
}

// The failure and its URL are made by functions of their own, not closures: every probe of every pod ran
// through here, and made both closures (and their context) for the failures it rarely has.
function failed(s: ProbeSpec, output: string): ProbeOutcome {
  return { ok: false, message: `${TITLE[s.type]} probe failed: ${output}` };
}

/** The probe's URL, for failure messages. */
function probeURL(s: ProbeSpec, host: string, port: number | string, path: string): string {
  return `${(s.probe.httpGet!.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
}

/** runProbe at time t (prober.go), with the kubelet's messages. */
export function runProbe(env: ProbeEnv, s: ProbeSpec, requests: number, t: number): ProbeOutcome {
  const rel = t - env.run.startedAt;
  const title = TITLE[s.type];
  const p = env.program;
  const handler = s.probe.httpGet ?? s.probe.tcpSocket ?? (s.probe.grpc ? { port: s.probe.grpc.port } : undefined);
  let port: number | string = 0;
  if (handler) {
    port = resolvePort(handler.port, env.container);
    if (typeof port === 'string') {
      return { ok: false, message: `${title} probe errored and resulted in unknown state: strconv.Atoi: parsing "${port}": invalid syntax` };
    }
  }
  const host = (s.probe.httpGet?.host || s.probe.tcpSocket?.host) ?? env.podIP;
  if (s.probe.httpGet) {
    const path = s.probe.httpGet.path ?? '/';
    if (!p.tcp(port as number, rel)) return failed(s, `Get "${probeURL(s, host, port, path)}": dial tcp ${host}:${port}: connect: connection refused`);
    const request: ContainerRequest = { atMs: rel, from: env.from, port: port as number, path };
    const a = p.http(port as number, path, rel, requests + 1);
    if ('error' in a) return { ...failed(s, `Get "${probeURL(s, host, port, path)}": ${a.error}`), request };
    if (a.status >= 200 && a.status < 400) return { ok: true, request };
    return { ...failed(s, `HTTP probe failed with statuscode: ${a.status}`), request };
  }
  if (s.probe.tcpSocket) {
    return p.tcp(port as number, rel) ? { ok: true } : failed(s, `dial tcp ${host}:${port}: connect: connection refused`);
  }
  if (s.probe.grpc) {
    return p.tcp(port as number, rel)
      ? { ok: true }
      : failed(s, `timeout: failed to connect service "${env.podIP}:${port}" within ${s.timeoutMs / 1000}s`);
  }
  if (s.probe.exec) {
    const argv = s.probe.exec.command ?? [];
    const r = p.exec(argv, rel);
    if (r.durationMs > s.timeoutMs) return failed(s, `command ${JSON.stringify(argv.join(' '))} timed out`);
    return r.exitCode === 0 ? { ok: true } : failed(s, r.output);
  }
  return { ok: true };
}
