import { describe, expect, it } from 'vitest';
import { executeJsonPath, jsonPathValues, relaxedJsonPath } from '../../src/cli/jsonpath.js';

const pod = (name: string, phase: string, ready: string) => ({
  metadata: { name, labels: { app: 'kubia', 'app.kubernetes.io/name': 'web' } },
  status: { phase, conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: ready }], restarts: 2 },
});
const list = { apiVersion: 'v1', kind: 'List', items: [pod('a', 'Running', 'True'), pod('b', 'Pending', 'False')] };

describe('kubectl JSONPath templates', () => {
  it('fields, indexes, wildcards and slices', () => {
    expect(executeJsonPath('{.items[0].metadata.name}', list)).toBe('a');
    expect(executeJsonPath('{.items[*].metadata.name}', list)).toBe('a b');
    expect(executeJsonPath('{.items[-1].status.phase}', list)).toBe('Pending');
    expect(executeJsonPath('{.items[0:1].metadata.name}', list)).toBe('a');
    expect(executeJsonPath('{.status.restarts}', list.items[0])).toBe('2');
  });

  it('filters, bracket keys and recursive descent', () => {
    expect(executeJsonPath('{.status.conditions[?(@.type=="Ready")].status}', list.items[1])).toBe('False');
    expect(executeJsonPath(`{.metadata.labels['app.kubernetes.io/name']}`, list.items[0])).toBe('web');
    expect(executeJsonPath('{.metadata.labels.app\\.kubernetes\\.io/name}', list.items[0])).toBe('web');
    expect(executeJsonPath('{..phase}', list)).toBe('Running Pending');
  });

  it('range/end, literal text and quoted strings', () => {
    expect(executeJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', list)).toBe('a\tRunning\nb\tPending\n');
    expect(executeJsonPath('name: {.metadata.name}', list.items[0])).toBe('name: a');
  });

  it('maps and lists print as JSON, missing keys print nothing', () => {
    expect(executeJsonPath('{.metadata.labels}', list.items[0])).toBe('{"app":"kubia","app.kubernetes.io/name":"web"}');
    expect(executeJsonPath('{.metadata.missing}', list.items[0])).toBe('');
  });

  it('relaxed paths as --sort-by and wait take them', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.a}')).toBe('{.a}');
    expect(jsonPathValues('{.items[*].status.phase}', list)).toEqual(['Running', 'Pending']);
  });
});
