import { Button, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region, Store } from '../../../../contracts/org';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useRegions } from '../api/regions';
import { useStores } from '../api/stores';
import { RegionFormModal } from '../components/region-form-modal';
import { RegionList } from '../components/region-list';
import { StoreFormModal } from '../components/store-form-modal';
import { StoreList } from '../components/store-list';

type Editing<T> = { item: T | null } | null;

export function StoresPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const role = user.role;
  const showRegions = can(role, 'viewRegions');
  const stores = useStores();
  const regions = useRegions(showRegions);
  const [tab, setTab] = useState<string | null>('stores');
  const [storeForm, setStoreForm] = useState<Editing<Store>>(null);
  const [regionForm, setRegionForm] = useState<Editing<Region>>(null);
  const regionItems = regions.data?.items ?? [];

  const actions =
    tab === 'regions'
      ? can(role, 'editRegions') && (
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setRegionForm({ item: null })}>
            {t('regions.create')}
          </Button>
        )
      : can(role, 'createStores') && (
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setStoreForm({ item: null })}>
            {t('stores.create')}
          </Button>
        );

  const storePanel = stores.isPending ? (
    <PageLoader />
  ) : stores.isError ? (
    <ErrorAlert error={stores.error} onRetry={() => void stores.refetch()} />
  ) : stores.data.items.length === 0 ? (
    <EmptyBlock icon="store" title={t('stores.empty')} description={t('stores.emptyHelp')} />
  ) : (
    <StoreList
      stores={stores.data.items}
      regions={regionItems}
      canEdit={can(role, 'editStores')}
      onEdit={(s) => setStoreForm({ item: s })}
    />
  );

  const regionPanel = regions.isPending ? (
    <PageLoader />
  ) : regions.isError ? (
    <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />
  ) : regionItems.length === 0 ? (
    <EmptyBlock icon="map" title={t('regions.empty')} description={t('regions.emptyHelp')} />
  ) : (
    <RegionList regions={regionItems} canEdit={can(role, 'editRegions')} onEdit={(r) => setRegionForm({ item: r })} />
  );

  return (
    <Stack gap={0}>
      <PageHeader
        title={t(showRegions ? 'stores.title' : 'stores.titleOnly')}
        description={t('stores.description')}
        actions={actions || undefined}
      />
      {showRegions ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="stores" leftSection={<Icon name="store" size={18} />}>
              {t('stores.tab')}
            </Tabs.Tab>
            <Tabs.Tab value="regions" leftSection={<Icon name="map" size={18} />}>
              {t('regions.tab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="stores">{storePanel}</Tabs.Panel>
          <Tabs.Panel value="regions">{regionPanel}</Tabs.Panel>
        </Tabs>
      ) : (
        storePanel
      )}
      {storeForm && (
        <StoreFormModal
          store={storeForm.item}
          regions={regionItems}
          canEditStructure={can(role, 'editStoreStructure')}
          onClose={() => setStoreForm(null)}
        />
      )}
      {regionForm && <RegionFormModal region={regionForm.item} onClose={() => setRegionForm(null)} />}
    </Stack>
  );
}
