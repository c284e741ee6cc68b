// The events pane under the table: the selected object's latest events, or the cluster's.

import React from 'react';
import { Lines, type LineData } from './Line.js';

export function EventsPane({ lines }: { lines: LineData[] }): React.JSX.Element {
  return <Lines lines={lines} />;
}
