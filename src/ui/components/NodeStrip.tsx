// Every node's health on one line (present/bars.ts nodeStripLine).

import React from 'react';
import { Line, signature, type Segment } from './Line.js';

export function NodeStrip({ line }: { line: Segment[] }): React.JSX.Element {
  return <Line segments={line} sig={signature(line)} />;
}
