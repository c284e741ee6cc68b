import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from '../../src/cluster/api/types.js';
import { describe as describeObject } from '../../src/cluster/printers/describe/index.js';
import { at, container, event, stateWith } from './fixtures.js';

const lines = (...l: string[]) => [...l, ''].join('\n');

const job = (over: Partial<Job['spec']> = {}, status: Job['status'] = {}): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {
    name: 'pi',
    namespace: 'default',
    uid: 'uid-job',
    creationTimestamp: at(0),
    labels: { 'batch.kubernetes.io/controller-uid': 'uid-job', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'uid-job', 'job-name': 'pi' },
  },
  spec: {
    backoffLimit: 4,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-job' } },
    template: {
      metadata: { labels: { 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi' } },
      spec: { restartPolicy: 'Never', containers: [container('pi', 'perl:5.34.0', { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] })] },
    },
    ...over,
  },
  status,
});

describe('kubectl describe job', () => {
  it('a completed job: defaults, times, duration, pod statuses, template, events', () => {
    const j = job({}, { startTime: at(1), completionTime: at(36), succeeded: 1, ready: 0, active: 0, conditions: [{ type: 'Complete', status: 'True' }] });
    const events = [
      event(j, 'Normal', 'SuccessfulCreate', 'Created pod: pi-x7tqk', 'job-controller', 1),
      event(j, 'Normal', 'Completed', 'Job completed', 'job-controller', 36),
    ];
    expect(describeObject(stateWith([j, ...events], 180), 'Job', 'default/pi')).toBe(
      lines(
        'Name:             pi',
        'Namespace:        default',
        'Selector:         batch.kubernetes.io/controller-uid=uid-job',
        'Labels:           batch.kubernetes.io/controller-uid=uid-job',
        '                  batch.kubernetes.io/job-name=pi',
        '                  controller-uid=uid-job',
        '                  job-name=pi',
        'Annotations:      <none>',
        'Parallelism:      1',
        'Completions:      1',
        'Completion Mode:  NonIndexed',
        'Suspend:          false',
        'Backoff Limit:    4',
        'Start Time:       Wed, 01 Jan 2025 00:00:01 +0000',
        'Completed At:     Wed, 01 Jan 2025 00:00:36 +0000',
        'Duration:         35s',
        'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  batch.kubernetes.io/job-name=pi',
        '           job-name=pi',
        '  Containers:',
        '   pi:',
        '    Image:      perl:5.34.0',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      perl',
        '      -Mbignum=bpi',
        '      -wle',
        '      print bpi(2000)',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age    From            Message',
        '  ----    ------            ----   ----            -------',
        '  Normal  SuccessfulCreate  2m59s  job-controller  Created pod: pi-x7tqk',
        '  Normal  Completed         2m24s  job-controller  Job completed',
      ),
    );
  });

  it('a work-queue job that is still running, indexed completion, deadline and TTL', () => {
    const j = job(
      { completions: null, parallelism: 3, activeDeadlineSeconds: 600, ttlSecondsAfterFinished: 100 },
      { startTime: at(0), active: 3, ready: 2, succeeded: 0, failed: 1 },
    );
    const out = describeObject(stateWith([j], 60), 'Job', 'default/pi');
    expect(out).toContain(
      lines(
        'Parallelism:                 3',
        'Completions:                 <unset>',
        'Completion Mode:             NonIndexed',
        'Suspend:                     false',
        'Backoff Limit:               4',
        'TTL Seconds After Finished:  100',
        'Start Time:                  Wed, 01 Jan 2025 00:00:00 +0000',
        'Active Deadline Seconds:     600s',
        'Pods Statuses:               3 Active (2 Ready) / 0 Succeeded / 1 Failed',
        'Pod Template:',
      ),
    );
    const indexed = job({ completions: 5, parallelism: 2, completionMode: 'Indexed' }, { completedIndexes: '0-2,4', succeeded: 4 });
    expect(describeObject(stateWith([indexed], 60), 'Job', 'default/pi')).toContain('Pods Statuses:      0 Active / 4 Succeeded / 0 Failed\nCompleted Indexes:  0-2,4\n');
  });
});

describe('kubectl describe cronjob', () => {
  it('schedule, policy, limits, the unset job template fields, last schedule and active jobs', () => {
    const cj: CronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'default', uid: 'uid-cj', creationTimestamp: at(0) },
      spec: {
        schedule: '*/1 * * * *',
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container('hello', 'busybox:1.28', { command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] })] } } },
        },
      },
      status: { active: [{ name: 'hello-28958400' }, { name: 'hello-28958401' }], lastScheduleTime: at(120) },
    };
    const e = event(cj, 'Normal', 'SuccessfulCreate', 'Created job hello-28958401', 'cronjob-controller', 60, 120, 2);
    expect(describeObject(stateWith([cj, e], 180), 'CronJob', 'default/hello')).toBe(
      lines(
        'Name:                          hello',
        'Namespace:                     default',
        'Labels:                        <none>',
        'Annotations:                   <none>',
        'Schedule:                      */1 * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers:',
        '   hello:',
        '    Image:      busybox:1.28',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      /bin/sh',
        '      -c',
        '      date; echo Hello from the Kubernetes cluster',
        '    Environment:     <none>',
        '    Mounts:          <none>',
        '  Volumes:           <none>',
        '  Node-Selectors:    <none>',
        '  Tolerations:       <none>',
        'Last Schedule Time:  Wed, 01 Jan 2025 00:02:00 +0000',
        'Active Jobs:         hello-28958400, hello-28958401',
        'Events:',
        '  Type    Reason            Age               From                Message',
        '  ----    ------            ----              ----                -------',
        '  Normal  SuccessfulCreate  60s (x2 over 2m)  cronjob-controller  Created job hello-28958401',
      ),
    );
  });
});
