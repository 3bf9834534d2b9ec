import { Anchor, Badge, Box, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { MetaLine } from '../../../components/meta-line';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { BROWSER_ZONE } from '../../purchases/lib/store';
import { useContactLog } from '../api/contacts';
import { presetPeriod, todayIn, type Period, type Preset } from '../lib/period';
import { PeriodPicker } from './period-picker';

/** Who contacted whom, when and how: the detail behind the statistics. */
export function ContactLogTab() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const timeZone = me.currentStore?.timezone ?? BROWSER_ZONE;
  const today = todayIn(timeZone);
  const [preset, setPreset] = useState<Preset>('last7');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('last7', today, { from: today, to: today }));
  const [storeId, setStoreId] = useState<string | null>(null);
  const valid = Boolean(period.from && period.to && period.from <= period.to);
  const log = useContactLog({ ...period, storeId }, valid);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const who = (k: (typeof items)[number]) => k.userName ?? (k.outboxMessageId ? t('messaging.panel.automatic') : '—');
  const customer = (k: (typeof items)[number]) => (
    <Anchor component={Link} to={`/customers/${k.customerId}`}>
      {k.customerName}
    </Anchor>
  );

  return (
    <Stack gap="md">
      <PeriodPicker
        preset={preset}
        period={period}
        today={today}
        stores={me.stores}
        storeId={storeId}
        onChange={(n) => {
          setPreset(n.preset);
          setPeriod(n.period);
          setStoreId(n.storeId);
        }}
      />
      {log.isPending ? (
        <PageLoader />
      ) : log.isError ? (
        <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock icon="phone" title={t('messaging.contactLog.empty')} />
      ) : (
        <>
          <Box visibleFrom="sm">
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('messaging.contactLog.when')}</Table.Th>
                    <Table.Th>{t('messaging.contactLog.staff')}</Table.Th>
                    <Table.Th>{t('messaging.contactLog.customer')}</Table.Th>
                    <Table.Th>{t('messaging.contactLog.how')}</Table.Th>
                    <Table.Th>{t('messaging.contactLog.outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((k) => (
                    <Table.Tr key={k.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(k.contactedAt)}</Table.Td>
                      <Table.Td>{who(k)}</Table.Td>
                      <Table.Td>{customer(k)}</Table.Td>
                      <Table.Td>
                        {t(`messaging.channel.${k.channel}`)}
                        <Text size="xs" c="dimmed">
                          {t(`messaging.purpose.${k.purpose}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light">{t(`messaging.outcome.${k.outcome}`)}</Badge>
                        {k.note && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {k.note}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Box>
          <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((k) => (
              <Paper key={k.id} component="li" withBorder radius="md" p="sm">
                <Text fw={600}>{customer(k)}</Text>
                <Text size="sm">
                  {t(`messaging.channel.${k.channel}`)} · {t(`messaging.outcome.${k.outcome}`)}
                </Text>
                <MetaLine parts={[when(k.contactedAt), who(k), t(`messaging.purpose.${k.purpose}`)]} />
              </Paper>
            ))}
          </Stack>
        </>
      )}
      {log.hasNextPage && (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          {t('messaging.panel.more')}
        </Button>
      )}
    </Stack>
  );
}
