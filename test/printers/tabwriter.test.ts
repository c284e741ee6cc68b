import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, GET_TABWRITER, tabwrite } from '../../src/cluster/printers/tabwriter.js';

// Expectations follow Go's text/tabwriter semantics (src/text/tabwriter/tabwriter.go and its tests).
describe('tabwrite (Go text/tabwriter)', () => {
  it('pads every tab-terminated cell to the widest cell of its column plus padding; the last cell is never padded', () => {
    const out = tabwrite('NAME\tREADY\tSTATUS\nkubia-7x9b2\t1/1\tRunning\n', GET_TABWRITER);
    expect(out).toBe('NAME          READY   STATUS\nkubia-7x9b2   1/1     Running\n');
  });

  it('applies minwidth (6 for kubectl get) to narrow columns', () => {
    expect(tabwrite('A\tB\nx\ty\n', GET_TABWRITER)).toBe('A     B\nx     y\n');
  });

  it('aligns each block of consecutive tabbed lines separately; an untabbed line breaks the block', () => {
    const text = 'Name:\tkubia\nService Account:\tdefault\nIPs:\n  IP:\t10.244.1.5\nControlled By:\tReplicaSet/kubia\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Name:             kubia\n' +
        'Service Account:  default\n' +
        'IPs:\n' +
        '  IP:           10.244.1.5\n' +
        'Controlled By:  ReplicaSet/kubia\n',
    );
  });

  it('sizes an inner column only over the lines that have it (nested blocks)', () => {
    const text = 'a\tb\tc\naaaa\tb\nx\tbbbbbb\tc\n';
    // Column 0 spans all three lines (width 4+2); column 1 exists on line 1 and line 3 separately.
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe('a     b  c\naaaa  b\nx     bbbbbb  c\n');
  });

  it('pads empty cells, and trailing tab-terminated cells keep their padding', () => {
    expect(tabwrite('a\t\tc\nbb\t\td\n', DESCRIBE_TABWRITER)).toBe('a     c\nbb    d\n');
    expect(tabwrite('Medium:\t\nSizeLimit:\t<unset>\n', DESCRIBE_TABWRITER)).toBe('Medium:     \nSizeLimit:  <unset>\n');
  });

  it('measures width in runes', () => {
    expect(tabwrite('이름\tx\nab\ty\n', DESCRIBE_TABWRITER)).toBe('이름  x\nab  y\n');
  });
});
