import { Button, Card, Group, Stack, Text, Textarea, Timeline as MTimeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common';
import { isProfileFieldKey, profileFieldLabel } from '../../../../domain/profile-fields';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useAddNote, useTimeline } from '../api/customers';
import { isMessagingItem, messagingTitle, MessagingTimelineDetails } from '../../messaging/components/timeline-entry';

function fieldLabel(field: string | null, locale: Locale, t: (k: string) => string): string {
  if (!field) return '';
  const key = field.replace(/^profile\./, '').replace(/^custom\./, '');
  if (isProfileFieldKey(key)) return profileFieldLabel(key, locale);
  const known = t(`customers.historyField.${key}`);
  return known.startsWith('customers.') ? key : known;
}

export function CustomerTimeline({ customerId, timeZone }: { customerId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(customerId);
  const addNote = useAddNote(customerId);
  const [note, setNote] = useState('');
  const locale = i18n.language as Locale;

  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            addNote.mutate({ body: note }, { onSuccess: () => setNote('') });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('customers.addNote')}
              placeholder={t('customers.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {addNote.isError && <ErrorAlert error={addNote.error} />}
            <Group justify="flex-end">
              <Button type="submit" disabled={!note.trim()} loading={addNote.isPending}>
                {t('customers.saveNote')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Title order={2} size="h4">
        {t('customers.timeline')}
      </Title>
      {timeline.isPending ? (
        <PageLoader />
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.items.length === 0 ? (
        <EmptyBlock title={t('customers.timelineEmpty')} />
      ) : (
        <MTimeline bulletSize={14} lineWidth={2}>
          {timeline.data.items.map((item) => (
            <MTimeline.Item
              key={item.id}
              title={
                isMessagingItem(item)
                  ? messagingTitle(item, t)
                  : t(`customers.event.${item.kind}`, { field: fieldLabel(item.field, locale, t) })
              }
            >
              {item.text && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {item.text}
                </Text>
              )}
              {isMessagingItem(item) && <MessagingTimelineDetails item={item} />}
              {item.kind === 'consent' && (
                <Text size="sm">
                  {t(`customers.consent.purpose.${String(item.details.purpose)}`)} ·{' '}
                  {t(`customers.consent.channel.${String(item.details.channel)}`)} ·{' '}
                  {item.details.granted ? t('customers.consent.granted') : t('customers.consent.refused')}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(item.at, i18n.language, timeZone)}
                {item.actorName ? ` · ${item.actorName}` : ''}
              </Text>
            </MTimeline.Item>
          ))}
        </MTimeline>
      )}
    </Stack>
  );
}
