// Who the customers are: how many in each tier, each ABCD class and each RFM segment.
import { BarChart } from '@mantine/charts';
import type { Dashboard } from '../../../../contracts/analytics';
import { ChartCard } from './chart-card';
import { pct, useFigureFormat, useTierName } from './figure-format';

type Props = { d: Dashboard };

export function TiersCard({ d }: Props) {
  const { t, H } = useFigureFormat(d.scope.currency);
  const tierName = useTierName();
  return (
    <ChartCard
      title={t('dashboard.tiers.title')}
      filename="tiers"
      numbers={{ headers: [H('tier'), H('customers')], rows: d.tiers.map((r) => [tierName(r.key), r.customers]) }}
    >
      <BarChart
        h={220}
        data={d.tiers.map((r) => ({ tier: tierName(r.key), customers: r.customers }))}
        dataKey="tier"
        series={[{ name: 'customers', label: H('customers'), color: 'grape.6' }]}
        withBarValueLabel
        yAxisProps={{ allowDecimals: false }}
      />
    </ChartCard>
  );
}

export function ClassAbcdCard({ d }: Props) {
  const { t, lng, money, H } = useFigureFormat(d.scope.currency);
  const totalClass = d.classAbcd.reduce((s, r) => s + r.monetary, 0);
  return (
    <ChartCard
      title={t('dashboard.abcd.title')}
      description={t('dashboard.abcd.description')}
      filename="classes-abcd"
      numbers={{
        headers: [H('class'), H('customers'), H('revenue'), H('revenueShare')],
        rows: d.classAbcd.map((r) => [
          t(`segments.values.classAbcd.${r.key}`, { defaultValue: r.key }),
          r.customers,
          money(r.monetary),
          pct(totalClass ? r.monetary / totalClass : null, lng),
        ]),
      }}
    >
      <BarChart
        h={220}
        data={d.classAbcd.map((r) => ({
          cls: t(`segments.values.classAbcd.${r.key}`, { defaultValue: r.key }),
          customers: r.customers,
        }))}
        dataKey="cls"
        series={[{ name: 'customers', label: H('customers'), color: 'indigo.6' }]}
        withBarValueLabel
        yAxisProps={{ allowDecimals: false }}
      />
    </ChartCard>
  );
}

export function RfmSegmentsCard({ d }: Props) {
  const { t, money, H } = useFigureFormat(d.scope.currency);
  return (
    <ChartCard
      title={t('dashboard.rfm.title')}
      filename="rfm-segments"
      numbers={{
        headers: [H('segment'), H('customers'), H('revenue')],
        rows: d.rfmSegments.map((r) => [
          t(`segments.values.rfmSegment.${r.key}`, { defaultValue: r.key }),
          r.customers,
          money(r.monetary),
        ]),
      }}
    >
      <BarChart
        h={Math.max(160, d.rfmSegments.length * 28)}
        orientation="vertical"
        data={d.rfmSegments.map((r) => ({
          seg: t(`segments.values.rfmSegment.${r.key}`, { defaultValue: r.key }),
          customers: r.customers,
        }))}
        dataKey="seg"
        yAxisProps={{ width: 110 }}
        xAxisProps={{ allowDecimals: false }}
        series={[{ name: 'customers', label: H('customers'), color: 'blue.6' }]}
      />
    </ChartCard>
  );
}
