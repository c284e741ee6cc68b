// The `say` caption of a playing script.

import React from 'react';
import { Line, signature, type Segment } from './Line.js';

export function Caption({ line }: { line: Segment[] }): React.JSX.Element {
  return <Line segments={line} sig={signature(line)} />;
}
