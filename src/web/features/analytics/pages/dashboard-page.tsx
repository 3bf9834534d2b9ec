// /dashboard — the manager's view of her customers: who matters (tiers, classes, the 80/20 curve), who
// comes back (repeat rate, cohorts), who is drifting and what that puts at risk, who is worth the most,
// and how good the worth model is. Every chart has its numbers and a CSV beside it.
import '@mantine/charts/styles.css';
import { Select, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../contracts/analytics';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useRegions } from '../../stores/api/regions';
import { useDashboard, type DashboardScope } from '../api/analytics';
import { AtRiskCard } from '../components/at-risk-card';
import { CohortsCard } from '../components/cohorts-card';
import { ClassAbcdCard, RfmSegmentsCard, TiersCard } from '../components/distribution-cards';
import { HeadlineStats } from '../components/headline-stats';
import { LoyaltyFunnelCard } from '../components/loyalty-funnel-card';
import { ModelQualityPanel } from '../components/model-quality-panel';
import { ParetoCard } from '../components/pareto-card';
import { TopCustomersCard } from '../components/top-customers-card';

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

function Figures({ d }: { d: Dashboard }) {
  return (
    <Stack gap="md">
      <HeadlineStats d={d} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TiersCard d={d} />
        <ClassAbcdCard d={d} />
        <ParetoCard d={d} />
        <RfmSegmentsCard d={d} />
        <LoyaltyFunnelCard d={d} />
        <AtRiskCard d={d} />
      </SimpleGrid>
      <CohortsCard d={d} />
      <TopCustomersCard d={d} />
    </Stack>
  );
}
