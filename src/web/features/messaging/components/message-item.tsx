import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OutboxMessage } from '../../../../contracts/messaging';
import { MetaLine } from '../../../components/meta-line';
import { formatDateTime } from '../../../lib/format';

const STATUS_COLOR = { queued: 'blue', sending: 'blue', sent: 'teal', failed: 'red', cancelled: 'gray' } as const;

/** One outbox message: status, subject and text, when it goes (or went), what went wrong. */
export function MessageItem({
  message: m,
  timeZone,
  showCustomer,
  actions,
}: {
  message: OutboxMessage;
  timeZone: string;
  showCustomer?: boolean;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const future = Date.parse(m.notBefore) > Date.now();
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            {showCustomer && (
              <Anchor component={Link} to={`/customers/${m.customerId}`} fw={600}>
                {m.customerName}
              </Anchor>
            )}
            <Text fw={showCustomer ? 400 : 600}>{t(`messaging.channel.${m.channel}`)}</Text>
            <Badge variant="light" color={STATUS_COLOR[m.status]}>
              {t(`messaging.status.${m.status}`)}
            </Badge>
          </Group>
          {actions}
        </Group>
        {m.subject && (
          <Text size="sm" fw={500}>
            {m.subject}
          </Text>
        )}
        <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {m.body}
        </Text>
        {m.cancelReason && (
          <Text size="sm" c="dimmed">
            {t(`messaging.cancelReason.${m.cancelReason}`)}
          </Text>
        )}
        {m.lastError && m.status !== 'sent' && (
          <Text size="xs" c="red.8" style={{ wordBreak: 'break-word' }}>
            {t('messaging.outbox.lastError', { error: m.lastError })}
          </Text>
        )}
        <MetaLine
          parts={[
            m.sentAt ? t('messaging.outbox.sentAt', { time: when(m.sentAt) }) : when(m.createdAt),
            m.status === 'queued' && future ? t('messaging.panel.notBefore', { time: when(m.notBefore) }) : null,
            m.status === 'queued' && m.attempts > 0
              ? t('messaging.outbox.nextAttempt', { time: when(m.nextAttemptAt) })
              : null,
            m.attempts > 0
              ? `${t('messaging.outbox.attempts')} ${t('messaging.outbox.attemptsOf', { n: m.attempts, max: m.maxAttempts })}`
              : null,
            m.createdByName ? t('messaging.outbox.by', { name: m.createdByName }) : null,
          ]}
        />
      </Stack>
    </Paper>
  );
}
