// The row of headline figures above the charts: how many, how many come back, and what drifting puts at risk.
import { SimpleGrid } from '@mantine/core';
import { StatFigure } from '../../../components/stat-figure';
import type { Dashboard } from '../../../../contracts/analytics';
import { pct, useFigureFormat } from './figure-format';

const Stat = (p: { label: string; value: string; hint?: string }) => <StatFigure {...p} size="xl" />;

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
