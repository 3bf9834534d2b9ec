// The row of headline figures above the charts: how many, how many come back, and what drifting puts at risk.
import { Card, SimpleGrid, Text } from '@mantine/core';
import type { Dashboard } from '../../../../contracts/analytics';
import { pct, useFigureFormat } from './figure-format';

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export function HeadlineStats({ d }: { d: Dashboard }) {
  const { t, lng, money, n } = useFigureFormat(d.scope.currency);
  const drifting = d.atRisk.find((r) => r.status === 'drifting')!;
  const lost = d.atRisk.find((r) => r.status === 'lost')!;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <Stat label={t('dashboard.stats.customers')} value={n(d.customers)} />
      <Stat label={t('dashboard.stats.buyers')} value={n(d.buyers)} />
      <Stat
        label={t('dashboard.stats.repeatRate')}
        value={pct(d.repeat.rate, lng)}
        hint={t('dashboard.stats.repeatHint', { repeaters: n(d.repeat.repeaters), buyers: n(d.repeat.buyers) })}
      />
      <Stat label={t('dashboard.stats.top20')} value={pct(d.pareto.top20RevenueShare, lng)} />
      <Stat
        label={t('dashboard.stats.drifting')}
        value={n(drifting.customers)}
        hint={t('dashboard.stats.atRisk', { amount: money(drifting.monetaryWindow) })}
      />
      <Stat
        label={t('dashboard.stats.lost')}
        value={n(lost.customers)}
        hint={t('dashboard.stats.atRisk', { amount: money(lost.monetaryWindow) })}
      />
    </SimpleGrid>
  );
}
