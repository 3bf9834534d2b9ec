// How good the worth model is: its fit checked against a hold-out period, or why there is no fit yet.
import { BarChart } from '@mantine/charts';
import { Alert, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModelQuality } from '../../../../contracts/analytics';
import { ErrorAlert } from '../../../components/query-state';
import { useModelQuality, type DashboardScope } from '../api/analytics';
import { ChartCard } from './chart-card';
import { useColumnHeader } from './figure-format';

export function ModelQualityPanel({ scope }: { scope: DashboardScope }) {
  const { t, i18n } = useTranslation();
  const q = useModelQuality(scope);
  const H = useColumnHeader();
  if (q.isPending) return null;
  if (q.error) return <ErrorAlert error={q.error} />;
  const m: ModelQuality = q.data;
  if (m.status !== 'ok') {
    return (
      <Card withBorder radius="md" padding="md" component="section" aria-label={t('dashboard.model.title')}>
        <Title order={2} fz="h4" mb="xs">
          {t('dashboard.model.title')}
        </Title>
        <Alert color="gray" variant="light">
          {t('dashboard.model.notEnough', {
            customers: m.observed.customers,
            repeaters: m.observed.repeatCustomers,
            minCustomers: m.minimum.customers,
            minRepeaters: m.minimum.repeatCustomers,
          })}
        </Alert>
      </Card>
    );
  }
  const f2 = (v: number) => v.toLocaleString(i18n.language, { maximumFractionDigits: 2 });
  return (
    <ChartCard
      title={t('dashboard.model.title')}
      description={t('dashboard.model.description', {
        end: m.calibrationEnd,
        holdout: m.holdoutEnd,
        customers: m.customers,
      })}
      filename="model-calibration"
      numbers={{
        headers: [H('repeats'), H('actualCustomers'), H('expectedCustomers'), H('actualHoldout'), H('expectedHoldout')],
        rows: m.frequency.map((f, i) => [
          f.repeats,
          f.actual,
          f2(f.expected),
          f2(m.conditional[i]?.actualHoldout ?? 0),
          f2(m.conditional[i]?.expectedHoldout ?? 0),
        ]),
      }}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CalibrationChart
          title={t('dashboard.model.frequency')}
          data={m.frequency.map((f) => ({
            repeats: f.repeats,
            actual: f.actual,
            expected: Math.round(f.expected * 10) / 10,
          }))}
          yAxisProps={{ allowDecimals: false }}
        />
        <CalibrationChart
          title={t('dashboard.model.conditional')}
          data={m.conditional.map((c) => ({
            repeats: c.repeats,
            actual: Math.round(c.actualHoldout * 100) / 100,
            expected: Math.round(c.expectedHoldout * 100) / 100,
          }))}
        />
      </SimpleGrid>
    </ChartCard>
  );
}

type CalibrationProps = {
  title: string;
  data: Array<{ repeats: string; actual: number; expected: number }>;
  yAxisProps?: { allowDecimals: boolean };
};

function CalibrationChart({ title, data, yAxisProps }: CalibrationProps) {
  const H = useColumnHeader();
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <BarChart
        h={220}
        data={data}
        dataKey="repeats"
        xAxisLabel={H('repeats')}
        yAxisProps={yAxisProps}
        series={[
          { name: 'actual', label: H('actual'), color: 'indigo.6' },
          { name: 'expected', label: H('expected'), color: 'orange.5' },
        ]}
        withLegend
      />
    </div>
  );
}
