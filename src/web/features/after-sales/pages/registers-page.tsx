import { Button, Group, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { BROWSER_ZONE } from '../../purchases/lib/store';
import {
  EMPTY_REGISTER_FILTER,
  registerDownloadUrl,
  useQualityRegister,
  useRepairRegister,
  type RegisterFilter,
} from '../api/registers';
import { QualityFollowupModal } from '../components/quality-followup-modal';
import { QualityRegister } from '../components/quality-register';
import { RegisterFilters } from '../components/register-filters';
import { RepairRegister } from '../components/repair-register';

type Tab = 'repairs' | 'quality';

function Downloads({ register, filter }: { register: 'repairs' | 'quality-followups'; filter: RegisterFilter }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={registerDownloadUrl(register, filter, format)}
          download
          variant="default"
          leftSection={<Icon name="download" size={18} />}
        >
          {t(`registers.download.${format}`)}
        </Button>
      ))}
    </Group>
  );
}

/** /registers — seed 001's registers (登记表): repairs, and quality follow-ups and opinions. */
export function RegistersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [tab, setTab] = useState<Tab>('repairs');
  const [filter, setFilter] = useState<RegisterFilter>(EMPTY_REGISTER_FILTER);
  const [adding, setAdding] = useState(false);
  const repairs = useRepairRegister(filter, tab === 'repairs');
  const quality = useQualityRegister(filter, tab === 'quality');
  const timeZone = me.currentStore?.timezone ?? BROWSER_ZONE;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('registers.title')}
        description={t('registers.description')}
        actions={
          can(me.user.role, 'afterSalesPolicy') && (
            <Button
              component={Link}
              to="/settings/categories"
              variant="subtle"
              leftSection={<Icon name="settings" size={18} />}
            >
              {t('registers.policyLink')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'repairs')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="repairs" leftSection={<Icon name="tool" size={16} />}>
            {t('registers.repairs.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="quality" leftSection={<Icon name="clipboard" size={16} />}>
            {t('registers.quality.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Stack gap="md">
          <RegisterFilters stores={me.stores} value={filter} withStatus={tab === 'repairs'} onChange={setFilter} />
          <Group justify="space-between" gap="xs">
            <Downloads register={tab === 'repairs' ? 'repairs' : 'quality-followups'} filter={filter} />
            {tab === 'quality' && (
              <Button
                leftSection={<Icon name="plus" size={18} />}
                onClick={() => setAdding(true)}
                disabled={!me.currentStore}
              >
                {t('registers.quality.add')}
              </Button>
            )}
          </Group>
          <Tabs.Panel value="repairs">
            {repairs.isPending ? (
              <PageLoader />
            ) : repairs.isError ? (
              <ErrorAlert error={repairs.error} onRetry={() => void repairs.refetch()} />
            ) : repairs.data.items.length === 0 ? (
              <EmptyBlock
                icon="tool"
                title={t('registers.repairs.empty')}
                description={t('registers.repairs.emptyHelp')}
              />
            ) : (
              <RepairRegister items={repairs.data.items} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="quality">
            {quality.isPending ? (
              <PageLoader />
            ) : quality.isError ? (
              <ErrorAlert error={quality.error} onRetry={() => void quality.refetch()} />
            ) : quality.data.items.length === 0 ? (
              <EmptyBlock
                icon="clipboard"
                title={t('registers.quality.empty')}
                description={t('registers.quality.emptyHelp')}
              />
            ) : (
              <QualityRegister items={quality.data.items} timeZone={timeZone} />
            )}
          </Tabs.Panel>
        </Stack>
      </Tabs>
      {adding && me.currentStore && (
        <QualityFollowupModal stores={me.stores} storeId={me.currentStore.id} onClose={() => setAdding(false)} />
      )}
    </Stack>
  );
}
