// The 80/20 curve: the share of revenue the best customers bring, against an even spread.
import { AreaChart } from '@mantine/charts';
import type { Dashboard } from '../../../../contracts/analytics';
import { ChartCard } from './chart-card';
import { pct, useFigureFormat } from './figure-format';

export function ParetoCard({ d }: { d: Dashboard }) {
  const { t, lng, H } = useFigureFormat(d.scope.currency);
  return (
    <ChartCard
      title={t('dashboard.pareto.title')}
      description={
        d.pareto.top20RevenueShare === null
          ? t('dashboard.noData')
          : t('dashboard.pareto.description', { share: pct(d.pareto.top20RevenueShare, lng) })
      }
      filename="pareto"
      numbers={{
        headers: [H('customerShare'), H('revenueShare')],
        rows: d.pareto.points.map((p) => [pct(p.customerShare, lng), pct(p.revenueShare, lng)]),
      }}
    >
      <AreaChart
        h={220}
        data={d.pareto.points.map((p) => ({
          x: Math.round(p.customerShare * 100),
          revenue: Math.round(p.revenueShare * 1000) / 10,
          even: Math.round(p.customerShare * 100),
        }))}
        dataKey="x"
        unit="%"
        series={[
          { name: 'revenue', label: H('revenueShare'), color: 'teal.6' },
          { name: 'even', label: t('dashboard.pareto.even'), color: 'gray.4' },
        ]}
        curveType="monotone"
        xAxisLabel={H('customerShare')}
        withDots={false}
      />
    </ChartCard>
  );
}
