import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Visit } from '../api/get-visits';

function LogField({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

/** Her visits with the care log, newest first, so the next beautician knows how her skin was last time. */
export function VisitList({ visits, timeZone }: { visits: Visit[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {visits.map((v) => (
        <Paper key={v.id} component="li" withBorder radius="md" p="md">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <Group gap={6} wrap="wrap">
              {v.services.map((s) => (
                <Badge key={s.serviceItemId} variant="light">
                  {s.name}
                </Badge>
              ))}
            </Group>
            <Text size="sm" c="dimmed">
              {formatDateTime(v.visitedAt, i18n.language, timeZone)}
              {v.beauticianName ? ` · ${t('salon.visit.by', { name: v.beauticianName })}` : ''}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            <LogField label={t('salon.visit.skinCondition')} value={v.skinCondition} />
            <LogField label={t('salon.visit.productsUsed')} value={v.productsUsed} />
            <LogField label={t('salon.visit.feedback')} value={v.feedback} />
            <LogField label={t('salon.visit.notes')} value={v.notes} />
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}
