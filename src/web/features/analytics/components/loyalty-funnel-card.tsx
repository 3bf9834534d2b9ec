// How many customers stand at each loyalty stage, from suspect to advocate.
import { FunnelChart } from '@mantine/charts';
import type { Dashboard } from '../../../../contracts/analytics';
import { ChartCard } from './chart-card';
import { useFigureFormat } from './figure-format';

export function LoyaltyFunnelCard({ d }: { d: Dashboard }) {
  const { t, lng, H } = useFigureFormat(d.scope.currency);
  return (
    <ChartCard
      title={t('dashboard.funnel.title')}
      filename="loyalty-funnel"
      numbers={{
        headers: [H('stage'), H('customers')],
        rows: d.funnel.map((r) => [t(`segments.values.loyaltyStage.${r.key}`), r.customers]),
      }}
    >
      <FunnelChart
        size={200}
        withLabels
        labelsPosition="right"
        valueFormatter={(v) => v.toLocaleString(lng)}
        data={d.funnel.map((r, i) => ({
          name: t(`segments.values.loyaltyStage.${r.key}`),
          value: Math.max(r.customers, 0.0001),
          color: ['gray.4', 'blue.3', 'blue.5', 'indigo.6', 'grape.7'][i]!,
        }))}
      />
    </ChartCard>
  );
}
