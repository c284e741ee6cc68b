import { describe, expect, it } from 'vitest';
import { describe as describeObject } from '../../src/cluster/printers/describe/index.js';
import { smartLabelFor } from '../../src/cluster/printers/describe/generic.js';
import { event, runningPod, stateWith } from './fixtures.js';

describe('generic describer (kinds without their own, e.g. Event)', () => {
  it('labels fields as smartLabelFor does', () => {
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('involvedObject')).toBe('Involved Object');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('firstTimestamp')).toBe('First Timestamp');
    expect(smartLabelFor('kubesim.io/x')).toBe('kubesim.io/x');
  });

  it('prints every field sorted, nested ones indented', () => {
    const e = event(runningPod('kubia-x2f9k'), 'Normal', 'Pulled', 'Container image "luksa/kubia" already present on machine', 'kubelet', 10);
    e.source.host = 'node-1';
    e.metadata.name = 'kubia-x2f9k.1';
    expect(describeObject(stateWith([e], 60), 'Event', 'default/kubia-x2f9k.1')).toBe(
      [
        'Name:             kubia-x2f9k.1',
        'Namespace:        default',
        'Labels:           <none>',
        'Annotations:      <none>',
        'API Version:      v1',
        'Count:            1',
        'First Timestamp:  2025-01-01T00:00:10Z',
        'Involved Object:',
        '  API Version:   v1',
        '  Kind:          Pod',
        '  Name:          kubia-x2f9k',
        '  Namespace:     default',
        '  UID:           uid-kubia-x2f9k',
        'Kind:            Event',
        'Last Timestamp:  2025-01-01T00:00:10Z',
        'Message:         Container image "luksa/kubia" already present on machine',
        'Metadata:',
        '  Creation Timestamp:  2025-01-01T00:00:10Z',
        '  UID:                 ev-1',
        'Reason:                Pulled',
        'Source:',
        '  Component:  kubelet',
        '  Host:       node-1',
        'Type:         Normal',
        'Events:       <none>',
        '',
      ].join('\n'),
    );
  });
});
