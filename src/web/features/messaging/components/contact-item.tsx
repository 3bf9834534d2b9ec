import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../contracts/messaging';
import { isReached } from '../../../../domain/contacts';
import { MetaLine } from '../../../components/meta-line';
import { formatDateTime } from '../../../lib/format';

/** One contact: how, why and how it went, who and when, her note and the text prepared. */
export function ContactItem({ contact: k, timeZone }: { contact: Contact; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{t(`messaging.channel.${k.channel}`)}</Text>
          <Badge variant="light" color={isReached(k.outcome) ? 'teal' : 'gray'}>
            {t(`messaging.outcome.${k.outcome}`)}
          </Badge>
          <Badge variant="outline" color="gray">
            {t(`messaging.purpose.${k.purpose}`)}
          </Badge>
        </Group>
        {k.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {k.note}
          </Text>
        )}
        {k.messageText && (
          <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
            {k.outboxMessageId ? k.messageText : t('messaging.panel.prepared', { text: k.messageText })}
          </Text>
        )}
        <MetaLine
          parts={[
            formatDateTime(k.contactedAt, i18n.language, timeZone),
            k.userName
              ? t('messaging.panel.by', { name: k.userName })
              : k.outboxMessageId
                ? t('messaging.panel.automatic')
                : null,
          ]}
        />
      </Stack>
    </Paper>
  );
}
