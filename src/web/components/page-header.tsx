import type { ReactNode } from 'react';
import { Group, Stack, Text, Title, type MantineSpacing } from '@mantine/core';

/** The page's one h1, a line of explanation and its main actions; wraps on a phone. */
type Props = { title: string; description?: string; actions?: ReactNode; mb?: MantineSpacing | 0 };

export function PageHeader({ title, description, actions, mb = 'lg' }: Props) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm" mb={mb} wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
