import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LAPSE, RFM_SEGMENTS, WORTH_SORTS } from '../../../../contracts/metrics';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatMoney } from '../../../lib/format';
import { useWorthList, type WorthQuery } from '../api/metrics';

type Sort = (typeof WORTH_SORTS)[number];

/** /worth — customers by what they are worth: expected value, P(alive), spend, frequency, recency. */
export function WorthPage() {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [q, setQ] = useState<WorthQuery>({ sort: 'expected_value_365', order: 'desc' });
  const list = useWorthList(q);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const money = (v: number | null, c: string) => (v === null ? '—' : formatMoney(v, c, i18n.language));
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
  return (
    <Stack gap="md">
      <PageHeader title={t('metrics.worthPage.title')} description={t('metrics.worthPage.description')} mb={0} />
      <Group gap="sm" wrap="wrap">
        <Select
          label={t('metrics.worthPage.sort')}
          data={WORTH_SORTS.map((s) => ({ value: s, label: t(`metrics.sort.${s}`) }))}
          value={q.sort}
          onChange={(v) => v && setQ({ ...q, sort: v as Sort, order: v === 'recency_days' ? 'asc' : 'desc' })}
          allowDeselect={false}
          w={220}
        />
        <Select
          label={t('metrics.worthPage.lapse')}
          data={LAPSE.map((s) => ({ value: s, label: t(`metrics.lapse.${s}`) }))}
          value={q.lapse ?? null}
          onChange={(v) => setQ({ ...q, lapse: (v ?? undefined) as WorthQuery['lapse'] })}
          clearable
          placeholder={t('metrics.worthPage.all')}
          w={160}
        />
        <Select
          label={t('metrics.worthPage.segment')}
          data={RFM_SEGMENTS.map((s) => ({ value: s, label: t(`metrics.segment.${s}`) }))}
          value={q.segment ?? null}
          onChange={(v) => setQ({ ...q, segment: (v ?? undefined) as WorthQuery['segment'] })}
          clearable
          placeholder={t('metrics.worthPage.all')}
          w={180}
        />
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <EmptyBlock title={t('metrics.worthPage.empty')} />}
      {items.length > 0 &&
        (phone ? (
          <Stack gap="xs">
            {items.map((c) => (
              <Card key={c.customerId} withBorder padding="sm" radius="md">
                <Group justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/customers/${c.customerId}`} fw={600}>
                    {c.displayName}
                  </Anchor>
                  <Text fw={700}>{money(c.expectedValue365, c.currency)}</Text>
                </Group>
                <Group gap={6} mt={4}>
                  {c.rfmSegment && <Badge variant="light">{t(`metrics.segment.${c.rfmSegment}`)}</Badge>}
                  {c.classAbcd && (
                    <Badge variant="light" color="grape">
                      {c.classAbcd}
                    </Badge>
                  )}
                  <Badge variant="outline" color="gray">
                    {t(`metrics.lapse.${c.lapseStatus}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('metrics.worth.pAlive')} {pct(c.pAlive)} · {money(c.monetaryWindow, c.currency)}
                  </Text>
                </Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('metrics.col.customer')}</Table.Th>
                  <Table.Th>{t('metrics.col.segment')}</Table.Th>
                  <Table.Th>{t('metrics.col.abcd')}</Table.Th>
                  <Table.Th>{t('metrics.col.lapse')}</Table.Th>
                  <Table.Th ta="right">{t('metrics.sort.recency_days')}</Table.Th>
                  <Table.Th ta="right">{t('metrics.sort.monetary_window')}</Table.Th>
                  <Table.Th ta="right">{t('metrics.sort.p_alive')}</Table.Th>
                  <Table.Th ta="right">{t('metrics.sort.expected_purchases_365')}</Table.Th>
                  <Table.Th ta="right">{t('metrics.sort.expected_value_365')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.customerId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${c.customerId}`}>
                        {c.displayName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.rfmSegment ? t(`metrics.segment.${c.rfmSegment}`) : '—'}</Table.Td>
                    <Table.Td>{c.classAbcd ?? '—'}</Table.Td>
                    <Table.Td>{t(`metrics.lapse.${c.lapseStatus}`)}</Table.Td>
                    <Table.Td ta="right">{c.recencyDays ?? '—'}</Table.Td>
                    <Table.Td ta="right">{money(c.monetaryWindow, c.currency)}</Table.Td>
                    <Table.Td ta="right">{pct(c.pAlive)}</Table.Td>
                    <Table.Td ta="right">
                      {c.expectedPurchases365 === null ? '—' : c.expectedPurchases365.toFixed(1)}
                    </Table.Td>
                    <Table.Td ta="right">{money(c.expectedValue365, c.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('metrics.worthPage.more')}
        </Button>
      )}
    </Stack>
  );
}
