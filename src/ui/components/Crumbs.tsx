// `<pods> <containers>`: one crumb per screen on the stack.

import React from 'react';
import { Line, signature, type Segment } from './Line.js';

export function Crumbs({ line }: { line: Segment[] }): React.JSX.Element {
  return <Line segments={line} sig={signature(line)} />;
}
