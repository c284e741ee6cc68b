// The flash line: the result of the last action or an error; it fades after 6 s of UI time.

import React from 'react';
import { Line, signature, type Segment } from './Line.js';

export function Flash({ line }: { line: Segment[] }): React.JSX.Element {
  return <Line segments={line} sig={signature(line)} />;
}
