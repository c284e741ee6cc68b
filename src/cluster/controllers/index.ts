// Every control loop, in the order one step runs them (DESIGN.md: kubelet → scheduler → node lifecycle →
// controllers → GC). Each entry is one file; adding a controller is adding a line here.

import type { Controller } from '../controller.js';
import { daemonSetController } from './daemonset.js';
import { garbageCollector } from './garbagecollector.js';
import { statefulSetController } from './statefulset.js';

export const CONTROLLERS: Controller[] = [
  daemonSetController,
  statefulSetController,
  garbageCollector,
];
