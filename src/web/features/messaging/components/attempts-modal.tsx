import { Badge, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useOutboxMessage } from '../api/outbox';

const COLOR = {
  sent: 'teal',
  retry: 'yellow',
  failed: 'red',
  cancelled: 'gray',
  abandoned: 'orange',
  released: 'gray',
} as const;

/** Every attempt of one message: when, how it ended, the error (cleaned of addresses). */
export function AttemptsModal({ id, timeZone, onClose }: { id: string; timeZone: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const detail = useOutboxMessage(id);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language, timeZone) : '—');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('messaging.outbox.detailsTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {detail.isPending ? (
        <PageLoader />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.data.attemptLog.length === 0 ? (
        <Text c="dimmed">{t('messaging.outbox.noAttempts')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {detail.data.attemptLog.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                    {t('messaging.outbox.attemptNo', { n: a.attemptNo })}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {a.outcome && (
                        <Badge variant="light" color={COLOR[a.outcome]} style={{ alignSelf: 'flex-start' }}>
                          {t(`messaging.attemptOutcome.${a.outcome}`)}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {when(a.startedAt)} → {when(a.finishedAt)}
                      </Text>
                      {a.error && (
                        <Text size="xs" style={{ wordBreak: 'break-word' }}>
                          {a.error}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Modal>
  );
}
