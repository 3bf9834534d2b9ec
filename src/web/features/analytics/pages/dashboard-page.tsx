// /dashboard — the manager's view of her customers: who matters (tiers, classes, the 80/20 curve), who
// comes back (repeat rate, cohorts), who is drifting and what that puts at risk, who is worth the most,
// and how good the worth model is. Every chart has its numbers and a CSV beside it.
import '@mantine/charts/styles.css';
import { AreaChart, BarChart, FunnelChart } from '@mantine/charts';
import { Alert, Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Dashboard, ModelQuality } from '../../../../contracts/analytics';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatMoney } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useRegions } from '../../stores/api/regions';
import { useSegmentOptions } from '../../segments/api/segments';
import { tierLabel } from '../../segments/pages/segments-page';
import { useDashboard, useModelQuality, type DashboardScope } from '../api/analytics';
import { ChartCard } from '../components/chart-card';

const pct = (v: number | null | undefined, lng: string) =>
  v === null || v === undefined
    ? '—'
    : new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 }).format(v);

export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const role = session.user.role;
  const regions = useRegions(can(role, 'viewRegions'));
  const [scopeKey, setScopeKey] = useState<string>(
    role === 'store_manager' && session.currentStore ? `store:${session.currentStore.id}` : 'all',
  );
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const scope: DashboardScope = {
    storeId: scopeKey.startsWith('store:') ? scopeKey.slice(6) : undefined,
    regionId: scopeKey.startsWith('region:') ? scopeKey.slice(7) : undefined,
    currency,
  };
  const data = useDashboard(scope);
  const scopes = [
    { value: 'all', label: t('dashboard.scope.all') },
    ...(regions.data?.items ?? []).map((r) => ({
      value: `region:${r.id}`,
      label: t('dashboard.scope.region', { name: r.name }),
    })),
    ...session.stores.map((s) => ({ value: `store:${s.id}`, label: `${s.code} ${s.name}` })),
  ];
  return (
    <Stack gap="md">
      <PageHeader
        mb={0}
        title={t('dashboard.title')}
        description={t('dashboard.description')}
        actions={
          <>
            {scopes.length > 2 && (
              <Select
                aria-label={t('dashboard.scope.label')}
                data={scopes}
                value={scopeKey}
                onChange={(v) => setScopeKey(v ?? 'all')}
                allowDeselect={false}
                w={220}
              />
            )}
            {data.data && data.data.scope.currencies.length > 1 && (
              <Select
                aria-label={t('dashboard.currency')}
                data={data.data.scope.currencies}
                value={data.data.scope.currency}
                onChange={(v) => setCurrency(v ?? undefined)}
                allowDeselect={false}
                w={100}
              />
            )}
          </>
        }
      />
      {data.error && <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />}
      {data.isPending && <PageLoader />}
      {data.data && <Figures d={data.data} />}
      <ModelQualityPanel scope={scope} />
    </Stack>
  );
}

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

function Figures({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const options = useSegmentOptions();
  const money = (v: number) => formatMoney(v, d.scope.currency, lng);
  const n = (v: number) => v.toLocaleString(lng);
  const H = (k: string) => t(`dashboard.columns.${k}`);
  const tierName = (key: string) => (key === 'none' ? t('dashboard.noTier') : tierLabel(options.data?.tiers, key, lng));
  const drifting = d.atRisk.find((r) => r.status === 'drifting')!;
  const lost = d.atRisk.find((r) => r.status === 'lost')!;
  const totalClass = d.classAbcd.reduce((s, r) => s + r.monetary, 0);
  const maxRetained = Math.max(0, ...d.cohorts.map((c) => c.retained.length));
  const cohortMonths = Array.from({ length: Math.min(maxRetained, 11) }, (_, i) => i + 1);

  return (
    <Stack gap="md">
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

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
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
      </SimpleGrid>

      <ChartCard
        title={t('dashboard.cohorts.title')}
        description={t('dashboard.cohorts.description')}
        filename="cohorts"
        numbers={{
          headers: [
            H('cohort'),
            H('customers'),
            ...cohortMonths.map((k) => t('dashboard.cohorts.month', { k })),
            H('drifting'),
            H('lost'),
          ],
          rows: d.cohorts.map((c) => [
            c.cohort,
            c.customers,
            ...cohortMonths.map((k) => (k <= c.retained.length ? pct(c.retained[k - 1], lng) : '')),
            pct(c.driftingShare, lng),
            pct(c.lostShare, lng),
          ]),
        }}
      >
        {d.cohorts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.noData')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table fz="sm" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{H('cohort')}</Table.Th>
                  <Table.Th>{H('customers')}</Table.Th>
                  {cohortMonths.map((k) => (
                    <Table.Th key={k}>{t('dashboard.cohorts.month', { k })}</Table.Th>
                  ))}
                  <Table.Th>{H('lost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.cohorts.map((c) => (
                  <Table.Tr key={c.cohort}>
                    <Table.Td>{c.cohort}</Table.Td>
                    <Table.Td>{n(c.customers)}</Table.Td>
                    {cohortMonths.map((k) => {
                      const v = c.retained[k - 1];
                      return (
                        <Table.Td
                          key={k}
                          style={{
                            background: v === undefined ? undefined : `rgba(18, 184, 134, ${0.08 + v * 0.8})`,
                          }}
                        >
                          {v === undefined ? '' : pct(v, lng)}
                        </Table.Td>
                      );
                    })}
                    <Table.Td>{pct(c.lostShare, lng)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ChartCard>

      <ChartCard
        title={t('dashboard.top.title')}
        filename="top-customers"
        numbers={{
          headers: [H('customer'), H('tier'), H('expectedValue'), H('pAlive'), H('revenue')],
          rows: d.topCustomers.map((c) => [
            c.displayName,
            c.tier ? tierName(c.tier) : '',
            money(c.expectedValue365),
            pct(c.pAlive, lng),
            money(c.monetaryWindow),
          ]),
        }}
      >
        {d.topCustomers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.top.none')}
          </Text>
        ) : (
          <Stack gap={4}>
            {d.topCustomers.map((c, i) => (
              <Group key={c.id} justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/customers/${c.id}`} size="sm" truncate>
                  {i + 1}. {c.displayName}
                  {c.tier ? ` · ${tierName(c.tier)}` : ''}
                </Anchor>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {money(c.expectedValue365)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </ChartCard>
    </Stack>
  );
}

function ModelQualityPanel({ scope }: { scope: DashboardScope }) {
  const { t, i18n } = useTranslation();
  const q = useModelQuality(scope);
  const H = (k: string) => t(`dashboard.columns.${k}`);
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
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('dashboard.model.frequency')}
          </Text>
          <BarChart
            h={220}
            data={m.frequency.map((f) => ({
              repeats: f.repeats,
              actual: f.actual,
              expected: Math.round(f.expected * 10) / 10,
            }))}
            dataKey="repeats"
            xAxisLabel={H('repeats')}
            yAxisProps={{ allowDecimals: false }}
            series={[
              { name: 'actual', label: H('actual'), color: 'indigo.6' },
              { name: 'expected', label: H('expected'), color: 'orange.5' },
            ]}
            withLegend
          />
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('dashboard.model.conditional')}
          </Text>
          <BarChart
            h={220}
            data={m.conditional.map((c) => ({
              repeats: c.repeats,
              actual: Math.round(c.actualHoldout * 100) / 100,
              expected: Math.round(c.expectedHoldout * 100) / 100,
            }))}
            dataKey="repeats"
            xAxisLabel={H('repeats')}
            series={[
              { name: 'actual', label: H('actual'), color: 'indigo.6' },
              { name: 'expected', label: H('expected'), color: 'orange.5' },
            ]}
            withLegend
          />
        </div>
      </SimpleGrid>
    </ChartCard>
  );
}
