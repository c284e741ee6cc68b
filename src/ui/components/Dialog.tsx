// A dialog drawn over the panel under it (the table keeps updating behind it).

import React from 'react';
import { overlay } from '../present/frame.js';
import { Lines, type LineData } from './Line.js';

export function Dialog({ under, box, width }: { under: LineData[]; box: LineData[]; width: number }): React.JSX.Element {
  return <Lines lines={overlay(under, box, width)} />;
}
