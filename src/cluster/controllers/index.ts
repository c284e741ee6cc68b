// Every control loop, in the order one step runs them (DESIGN.md: kubelet → scheduler → node lifecycle →
// controllers → GC). Each entry is one file; adding a controller is adding a line here.

import type { Controller } from '../controller.js';
import { daemonSetController } from './daemonset.js';
import { garbageCollector } from './garbagecollector.js';
import { kubelet } from '../kubelet/kubelet.js';
import { nodeLifecycle } from '../nodes/lifecycle.js';
import { podGC } from '../nodes/podgc.js';
import { taintEviction } from '../nodes/taint-eviction.js';
import { scheduler } from '../scheduler/scheduler.js';
import { cronJobController } from './cronjob.js';
import { jobController } from './job.js';
import { replicaSetController, replicationManager } from './replicaset.js';
import { statefulSetController } from './statefulset.js';
import { ttlAfterFinishedController } from './ttlafterfinished.js';
import { podClaimCache } from './shared/claim-cache.js';

export const CONTROLLERS: Controller[] = [
  kubelet,
  scheduler,
  nodeLifecycle,
  taintEviction,
  daemonSetController,
  statefulSetController,
  replicaSetController,
  replicationManager,
  jobController,
  cronJobController,
  ttlAfterFinishedController,
  garbageCollector,
  podGC,
  podClaimCache,
];
