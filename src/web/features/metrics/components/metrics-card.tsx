import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerMetricsView } from '../../../../contracts/metrics';
import { ErrorAlert } from '../../../components/query-state';
import { formatMoney } from '../../../lib/format';
import { useCustomerMetrics } from '../api/metrics';

const LAPSE_COLOR = { none: 'gray', active: 'teal', drifting: 'orange', lost: 'red' } as const;
const ABCD_COLOR = { A: 'grape', B: 'indigo', C: 'blue', D: 'gray' } as const;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function Worth({ m }: { m: CustomerMetricsView }) {
  const { t, i18n } = useTranslation();
  const w = m.worth;
  if (w.status !== 'ok' || w.pAlive === null) {
    return (
      <Text size="sm" c="dimmed" data-testid="worth-not-enough">
        {t('metrics.worth.notEnough')} — {t(`metrics.worth.reason.${w.reason ?? 'not_computed'}`)}
      </Text>
    );
  }
  const alive = Math.round(w.pAlive * 100);
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('metrics.worth.pAlive')}</Text>
        <Text size="sm" fw={700}>
          {alive}%
        </Text>
      </Group>
      <Progress
        value={alive}
        color={alive >= 60 ? 'teal' : alive >= 30 ? 'orange' : 'red'}
        aria-label={t('metrics.worth.pAlive')}
      />
      <SimpleGrid cols={2} spacing="xs">
        <Fact label={t('metrics.worth.expected365')}>
          <Text fw={600}>{(w.expectedPurchases365 ?? 0).toFixed(1)}</Text>
        </Fact>
        <Fact label={t('metrics.worth.value365')}>
          <Text fw={600}>{formatMoney(w.expectedValue365 ?? 0, m.currency, i18n.language)}</Text>
        </Fact>
      </SimpleGrid>
    </Stack>
  );
}

/** "Classes & worth" on the customer page: RFM segment, A/B/C/D, value, size, visits, stage, lapse, worth. */
export function MetricsCard({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const q = useCustomerMetrics(customerId);
  return (
    <Card withBorder radius="md" padding="md" data-testid="metrics-card">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('metrics.card.title')}
        </Title>
        {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
        {q.isPending && (
          <Text size="sm" c="dimmed">
            …
          </Text>
        )}
        {q.data && (
          <>
            <Group gap={6}>
              {q.data.rfmSegment && (
                <Badge size="lg" variant="filled" color="grape">
                  {t(`metrics.segment.${q.data.rfmSegment}`)}
                </Badge>
              )}
              {q.data.classAbcd && (
                <Badge size="lg" variant="light" color={ABCD_COLOR[q.data.classAbcd]}>
                  {t('metrics.abcd', { cls: q.data.classAbcd })}
                </Badge>
              )}
              {q.data.classValue && (
                <Badge size="lg" variant="light">
                  {t(`metrics.value.${q.data.classValue}`)}
                </Badge>
              )}
              <Badge size="lg" variant="light" color={LAPSE_COLOR[q.data.lapseStatus]}>
                {t(`metrics.lapse.${q.data.lapseStatus}`)}
              </Badge>
            </Group>
            <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm">
              <Fact label={t('metrics.card.stage')}>
                <Text size="sm" fw={600}>
                  {t(`metrics.stage.${q.data.loyaltyStage}`)}
                </Text>
              </Fact>
              <Fact label={t('metrics.card.rfm')}>
                <Text size="sm" fw={600}>
                  {q.data.rfm.r === null ? '—' : `R${q.data.rfm.r} F${q.data.rfm.f} M${q.data.rfm.m}`}
                </Text>
              </Fact>
              <Fact label={t('metrics.card.size')}>
                <Text size="sm" fw={600}>
                  {q.data.classSize ? t(`metrics.size.${q.data.classSize}`) : '—'}
                </Text>
              </Fact>
              <Fact label={t('metrics.card.frequency')}>
                <Text size="sm" fw={600}>
                  {q.data.classFrequency ? t(`metrics.frequency.${q.data.classFrequency}`) : '—'}
                  {q.data.classFrequency &&
                    ` · ${t('metrics.card.perMonth', { n: q.data.visitsPerMonth12.toFixed(1) })}`}
                </Text>
              </Fact>
              <Fact label={t('metrics.card.spendWindow')}>
                <Text size="sm" fw={600}>
                  {formatMoney(q.data.monetaryWindow, q.data.currency, i18n.language)}
                </Text>
              </Fact>
              <Fact label={t('metrics.card.lastVisit')}>
                <Text size="sm" fw={600}>
                  {q.data.daysSinceLastVisit === null
                    ? '—'
                    : t('metrics.card.daysAgo', { count: q.data.daysSinceLastVisit })}
                  {q.data.usualIntervalDays !== null &&
                    ` · ${t('metrics.card.usually', { n: Math.round(q.data.usualIntervalDays) })}`}
                </Text>
              </Fact>
            </SimpleGrid>
            <Title order={3} size="h5">
              {t('metrics.worth.title')}
            </Title>
            <Worth m={q.data} />
          </>
        )}
      </Stack>
    </Card>
  );
}
