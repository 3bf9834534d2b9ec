import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreSummary } from '../../../../contracts/auth';
import { DateField } from '../../../components/date-field';
import { PERIODS, type Period } from '../file-contest-period';

export type ContestFilterValue = { storeId: string | null; period: Period; from: string; to: string };

type Props = {
  stores: StoreSummary[];
  value: ContestFilterValue;
  onChange: (v: ContestFilterValue) => void;
  timeZone: string;
};

/** Which store, and which files: all, or those created or updated in a period. */
export function ContestFilters({ stores, value, onChange, timeZone }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-start" wrap="wrap" className="no-print">
      {stores.length > 1 && (
        <Select
          label={t('fileContest.store')}
          data={[
            { value: '', label: t('fileContest.allStores') },
            ...stores.map((s) => ({ value: s.id, label: s.name })),
          ]}
          value={value.storeId ?? ''}
          onChange={(v) => onChange({ ...value, storeId: v || null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
      )}
      <Select
        label={t('fileContest.period')}
        data={PERIODS.map((p) => ({ value: p, label: t(`fileContest.periods.${p}`) }))}
        value={value.period}
        onChange={(v) => v && onChange({ ...value, period: v as Period })}
        allowDeselect={false}
        w={{ base: '100%', xs: 220 }}
      />
      {value.period === 'custom' && (
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 20rem' }} maw={{ base: '100%', sm: 460 }}>
          <DateField
            label={t('fileContest.from')}
            value={value.from}
            max={value.to || undefined}
            onChange={(from) => onChange({ ...value, from })}
            timeZone={timeZone}
            style={{ flex: 1, minWidth: 0 }}
          />
          <DateField
            label={t('fileContest.to')}
            value={value.to}
            min={value.from || undefined}
            onChange={(to) => onChange({ ...value, to })}
            timeZone={timeZone}
            style={{ flex: 1, minWidth: 0 }}
          />
        </Group>
      )}
    </Group>
  );
}
