// The header: cluster facts, key hints, logo (lines from present/header.ts).

import React from 'react';
import { Line, signature, type Segment } from './Line.js';

export function Header({ lines }: { lines: Segment[][] }): React.JSX.Element {
  return <>{lines.map((l, i) => <Line key={`header-${i}`} segments={l} sig={signature(l)} />)}</>;
}
