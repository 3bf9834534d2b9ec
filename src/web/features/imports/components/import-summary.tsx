import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSummary, RejectedRow } from '../../../../contracts/imports';
import { Icon } from '../../../components/icons';

const COUNTS = ['created', 'updated', 'unchanged'] as const;

/** The reason in the UI language when it has a code we know, else the server's words. */
function useReason() {
  const { t, i18n } = useTranslation();
  return (r: RejectedRow) => {
    const key = r.code ? `imports.reasons.${r.code.startsWith('phone_') ? 'phone' : r.code}` : null;
    return key && i18n.exists(key) ? t(key, { ...r.params }) : r.message;
  };
}

/** Counts of a (dry) run, and every rejected row with its line, column and reason. */
export function ImportSummaryView({ summary, isDryRun }: { summary: ImportSummary; isDryRun: boolean }) {
  const { t } = useTranslation();
  const reason = useReason();
  const rejected = summary.rejected;
  const lines = new Set(rejected.map((r) => r.line)).size;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {COUNTS.map((k) => (
          <Paper key={k} withBorder p="md" radius="md">
            <Text size="xs" c="dimmed">
              {t(`imports.summary.${isDryRun ? `${k}DryRun` : k}`)}
            </Text>
            <Text fz="h2" fw={700}>
              {summary[k]}
            </Text>
          </Paper>
        ))}
        <Paper withBorder p="md" radius="md">
          <Text size="xs" c="dimmed">
            {t('imports.summary.rejected')}
          </Text>
          <Text fz="h2" fw={700} c={lines ? 'red' : undefined}>
            {lines}
          </Text>
        </Paper>
      </SimpleGrid>
      {rejected.length === 0 ? (
        <Group gap="xs" c="teal">
          <Icon name="check" />
          <Text>{t('imports.noRejected')}</Text>
        </Group>
      ) : (
        <>
          <Alert color="orange" variant="light" icon={<Icon name="alert" />}>
            {t('imports.rejectedHelp')}
          </Alert>
          <Table.ScrollContainer minWidth={480}>
            <Table striped verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('imports.line')}</Table.Th>
                  <Table.Th w={180}>{t('imports.field')}</Table.Th>
                  <Table.Th>{t('imports.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rejected.map((r, i) => (
                  <Table.Tr key={`${r.line}-${r.field}-${i}`}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{t(`imports.fields.${r.field}`, { defaultValue: r.field })}</Table.Td>
                    <Table.Td>{reason(r)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
