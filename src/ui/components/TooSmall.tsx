// What a terminal too small for the dashboard shows instead of a broken layout.

import { Box, Text } from 'ink';
import React from 'react';

export function TooSmall({ columns, rows, min }: { columns: number; rows: number; min: [number, number] }): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Text color="#ff4500" bold>
        kubesim needs a terminal of at least {min[0]}×{min[1]}
      </Text>
      <Text>
        This one is {columns}×{rows}. Make it bigger, or press q to quit.
      </Text>
    </Box>
  );
}
