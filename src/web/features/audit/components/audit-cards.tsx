import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../contracts/audit';
import { formatDateTime } from '../../../lib/format';
import { actionLabel, actorLabel, detailsText, targetLabel, type NameBook } from './audit-labels';

/** Phone: one card per event, the action first. */
export function AuditCards({ events, names, timeZone }: { events: AuditEvent[]; names: NameBook; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {events.map((e) => {
        const details = detailsText(t, e, names, lng);
        const target = targetLabel(t, e, names);
        return (
          <Paper key={e.id} component="li" withBorder radius="md" p="sm">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
              <Text fw={600} size="sm">
                {actionLabel(t, e.action)}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={e.at}>{formatDateTime(e.at, lng, timeZone)}</time>
              </Text>
            </Group>
            <Text size="sm">
              {actorLabel(t, e)}
              {target && ` → ${target}`}
            </Text>
            {details && (
              <Text size="xs" c="dimmed">
                {details}
              </Text>
            )}
            {e.ip && (
              <Text size="xs" c="dimmed">
                {t('audit.columns.ip')}: {e.ip}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
