// A full page: describe, YAML, logs, command output and the `?` help (present/page.ts pageLines).

import React from 'react';
import { Lines, type LineData } from './Line.js';

export function TextPage({ lines }: { lines: LineData[] }): React.JSX.Element {
  return <Lines lines={lines} />;
}
