import { Alert, Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { useSession } from '../../auth/api/get-me';
import { BROWSER_ZONE } from '../../purchases/lib/store';
import {
  useCancelMessage,
  useOutbox,
  useOutboxStatus,
  useRetryMessage,
  type OutboxFilter,
  type OutboxMessage,
} from '../api/outbox';
import { AttemptsModal } from './attempts-modal';
import { MessageItem } from './message-item';

const FILTERS: OutboxFilter[] = ['pending', 'failed', 'sent', 'cancelled'];

/** The managers' outbox: what waits, what failed (send again), what left; cancel what has not left. */
export function OutboxTab() {
  const { t } = useTranslation();
  const me = useSession();
  const timeZone = me.currentStore?.timezone ?? BROWSER_ZONE;
  const [filter, setFilter] = useState<OutboxFilter>('pending');
  const list = useOutbox(filter, null, true);
  const status = useOutboxStatus();
  const retry = useRetryMessage();
  const cancel = useCancelMessage();
  const [confirming, setConfirming] = useState<OutboxMessage | null>(null);
  const [attemptsOf, setAttemptsOf] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      {status.data && !status.data.email && (
        <Alert color="yellow" variant="light" icon={<Icon name="alert" />}>
          {t('messaging.outbox.notConfigured.email')}
        </Alert>
      )}
      {status.data && !status.data.sms && (
        <Alert color="gray" variant="light" icon={<Icon name="alert" />}>
          {t('messaging.outbox.notConfigured.sms')}
        </Alert>
      )}
      <SegmentedControl
        value={filter}
        onChange={(v) => setFilter(v as OutboxFilter)}
        data={FILTERS.map((f) => ({ value: f, label: t(`messaging.status.${f}`) }))}
        fullWidth
        aria-label={t('messaging.outbox.status')}
      />
      {(retry.error ?? cancel.error) != null && <ErrorAlert error={retry.error ?? cancel.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock icon="mail" title={t('messaging.outbox.empty')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((m) => (
            <MessageItem
              key={m.id}
              message={m}
              timeZone={timeZone}
              showCustomer
              actions={
                <Group gap={6}>
                  <Button size="compact-sm" variant="subtle" onClick={() => setAttemptsOf(m.id)}>
                    {t('messaging.outbox.details')}
                  </Button>
                  {m.status === 'failed' && (
                    <Button size="compact-sm" variant="light" loading={retry.isPending} onClick={() => retry.mutate(m)}>
                      {t('messaging.outbox.retry')}
                    </Button>
                  )}
                  {m.status === 'queued' && (
                    <Button size="compact-sm" variant="light" color="red" onClick={() => setConfirming(m)}>
                      {t('messaging.outbox.cancel')}
                    </Button>
                  )}
                </Group>
              }
            />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('messaging.panel.more')}
        </Button>
      )}
      {confirming && (
        <ConfirmDialog
          opened
          danger
          title={t('messaging.outbox.cancelTitle')}
          message={t('messaging.outbox.cancelMessage', { name: confirming.customerName })}
          confirmLabel={t('messaging.outbox.cancelConfirm')}
          loading={cancel.isPending}
          error={cancel.error}
          onClose={() => setConfirming(null)}
          onConfirm={() => cancel.mutate(confirming, { onSuccess: () => setConfirming(null) })}
        />
      )}
      {attemptsOf && <AttemptsModal id={attemptsOf} timeZone={timeZone} onClose={() => setAttemptsOf(null)} />}
    </Stack>
  );
}
