// One headline figure in a bordered box: a small label, the value large, an optional hint below.
import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function StatFigure({
  label,
  value,
  hint,
  size = 'lg',
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  /** `xl` for a dashboard's headline row; `lg` (smaller on phones) beside a customer's file. */
  size?: 'lg' | 'xl';
}) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text
        fw={700}
        fz={size === 'xl' ? 'xl' : { base: 'md', sm: 'lg' }}
        style={size === 'xl' ? undefined : { overflowWrap: 'anywhere' }}
      >
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
