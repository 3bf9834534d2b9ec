// A chart with its numbers: a table one click away and a CSV of the same rows, headed in the reader's language.
import { Button, Card, Collapse, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { downloadCsv } from '../../../lib/csv';

export type Numbers = { headers: string[]; rows: Array<Array<string | number>> };

type Props = { title: string; description?: string; numbers: Numbers; filename: string; children: ReactNode };

export function ChartCard({ title, description, numbers, filename, children }: Props) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(false);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
            <Title order={2} fz="h4">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          <Group gap={4}>
            <Button size="compact-sm" variant="subtle" onClick={toggle} aria-expanded={open}>
              {open ? t('dashboard.hideNumbers') : t('dashboard.showNumbers')}
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<Icon name="download" size={14} />}
              onClick={() => downloadCsv(`${filename}.csv`, [numbers.headers, ...numbers.rows])}
              aria-label={t('dashboard.downloadCsv', { title })}
            >
              CSV
            </Button>
          </Group>
        </Group>
        {children}
        <Collapse expanded={open}>
          <ScrollArea>
            <Table striped withTableBorder fz="sm" miw={280}>
              <Table.Thead>
                <Table.Tr>
                  {numbers.headers.map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {numbers.rows.map((r, i) => (
                  <Table.Tr key={i}>
                    {r.map((v, j) => (
                      <Table.Td key={j}>{v}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Collapse>
      </Stack>
    </Card>
  );
}
