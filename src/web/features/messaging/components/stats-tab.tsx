import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { useSession } from '../../auth/api/get-me';
import { BROWSER_ZONE } from '../../purchases/lib/store';
import { statsCsvUrl, useStaffStats } from '../api/stats';
import { presetPeriod, todayIn, type Period, type Preset } from '../lib/period';
import { PeriodPicker } from './period-picker';
import { StatsTable } from './stats-table';

/** Staff statistics for the store manager: a period, a store, the table, a CSV. */
export function StatsTab() {
  const { t } = useTranslation();
  const me = useSession();
  const today = todayIn(me.currentStore?.timezone ?? BROWSER_ZONE);
  const [preset, setPreset] = useState<Preset>('thisMonth');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth', today, { from: today, to: today }));
  const [storeId, setStoreId] = useState<string | null>(null);
  const query = { ...period, storeId };
  const stats = useStaffStats(query);
  const valid = Boolean(period.from && period.to && period.from <= period.to);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <PeriodPicker
          preset={preset}
          period={period}
          today={today}
          stores={me.stores}
          storeId={storeId}
          onChange={(n) => {
            setPreset(n.preset);
            setPeriod(n.period);
            setStoreId(n.storeId);
          }}
        />
        <Button
          component="a"
          href={valid ? statsCsvUrl(query) : undefined}
          download
          variant="default"
          disabled={!valid}
          leftSection={<Icon name="download" size={18} />}
        >
          {t('messaging.stats.export')}
        </Button>
      </Group>
      {stats.isPending ? (
        <PageLoader />
      ) : stats.isError ? (
        <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      ) : stats.data.rows.length === 0 ? (
        <EmptyBlock icon="chart" title={t('messaging.stats.empty')} description={t('messaging.stats.emptyHelp')} />
      ) : (
        <StatsTable stats={stats.data} />
      )}
    </Stack>
  );
}
