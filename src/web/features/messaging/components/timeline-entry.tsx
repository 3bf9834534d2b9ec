// How the customer timeline (features/customers/components/timeline.tsx) shows contacts and messages.
import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

type Item = { kind: string; details: Record<string, unknown> };

export const isMessagingItem = (item: Item) => item.kind === 'contact' || item.kind === 'message';

/** "Phone call · Reached her", "E-mail: Waiting". */
export function messagingTitle(item: Item, t: TFunction): string {
  const channel = t(`messaging.channel.${String(item.details.channel)}`);
  return item.kind === 'contact'
    ? t('messaging.timeline.contact', { channel, outcome: t(`messaging.outcome.${String(item.details.outcome)}`) })
    : t('messaging.timeline.message', { channel, status: t(`messaging.status.${String(item.details.status)}`) });
}

/** Purpose, the text prepared or sent, why a message did not leave. */
export function MessagingTimelineDetails({ item }: { item: Item }) {
  const { t } = useTranslation();
  const d = item.details;
  return (
    <>
      <Text size="sm" c="dimmed">
        {t(`messaging.purpose.${String(d.purpose)}`)}
        {d.automatic ? ` · ${t('messaging.panel.automatic')}` : ''}
        {typeof d.cancelReason === 'string' ? ` · ${t(`messaging.cancelReason.${d.cancelReason}`)}` : ''}
      </Text>
      {typeof d.messageText === 'string' && (
        <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {d.messageText}
        </Text>
      )}
    </>
  );
}
