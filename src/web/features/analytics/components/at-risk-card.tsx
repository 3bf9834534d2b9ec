// What drifting and lost customers spent, and what the worth model expects them to spend next year.
import { BarChart } from '@mantine/charts';
import type { Dashboard } from '../../../../contracts/analytics';
import { ChartCard } from './chart-card';
import { useFigureFormat } from './figure-format';

export function AtRiskCard({ d }: { d: Dashboard }) {
  const { t, money, H } = useFigureFormat(d.scope.currency);
  return (
    <ChartCard
      title={t('dashboard.atRisk.title')}
      description={t('dashboard.atRisk.description')}
      filename="at-risk"
      numbers={{
        headers: [H('status'), H('customers'), H('revenue'), H('expectedValue')],
        rows: d.atRisk.map((r) => [
          t(`segments.values.lapseStatus.${r.status}`),
          r.customers,
          money(r.monetaryWindow),
          money(r.expectedValue365),
        ]),
      }}
    >
      <BarChart
        h={200}
        data={d.atRisk.map((r) => ({
          status: t(`segments.values.lapseStatus.${r.status}`),
          revenue: r.monetaryWindow,
          expected: r.expectedValue365,
        }))}
        dataKey="status"
        valueFormatter={money}
        series={[
          { name: 'revenue', label: H('revenue'), color: 'orange.6' },
          { name: 'expected', label: H('expectedValue'), color: 'red.5' },
        ]}
        withLegend
      />
    </ChartCard>
  );
}
