// The `:` command line, the `/` filter or page search, with the completion greyed after the cursor.

import React from 'react';
import { Line, signature, type Segment } from './Line.js';

export function Prompt({ line }: { line: Segment[] }): React.JSX.Element {
  return <Line segments={line} sig={signature(line)} />;
}
