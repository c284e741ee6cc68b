// The table panel: titled border, header, the window of rows (present/table-panel.ts).

import React from 'react';
import { Lines, type LineData } from './Line.js';

export function ResourceTable({ lines }: { lines: LineData[] }): React.JSX.Element {
  return <Lines lines={lines} />;
}
