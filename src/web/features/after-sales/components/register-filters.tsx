import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPAIR_STATUSES } from '../../../../contracts/after-sales';
import type { StoreSummary } from '../../../../contracts/auth';
import { EMPTY_REGISTER_FILTER, type RegisterFilter } from '../api/registers';

type Props = {
  stores: StoreSummary[];
  value: RegisterFilter;
  withStatus: boolean;
  onChange: (f: RegisterFilter) => void;
};

/** Store, date range and (for repairs) status. */
export function RegisterFilters({ stores, value, withStatus, onChange }: Props) {
  const { t } = useTranslation();
  const isFiltered =
    value.storeId !== '' || value.from !== '' || value.to !== '' || (withStatus && value.status !== '');
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {stores.length > 1 && (
        <Select
          label={t('registers.filters.store')}
          data={[
            { value: '', label: t('registers.filters.allStores') },
            ...stores.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
          ]}
          value={value.storeId}
          onChange={(v) => onChange({ ...value, storeId: v ?? '' })}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
      )}
      <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 auto' }} maw={{ base: '100%', xs: 340 }}>
        <TextInput
          type="date"
          label={t('registers.filters.from')}
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
          style={{ flex: 1 }}
        />
        <TextInput
          type="date"
          label={t('registers.filters.to')}
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
          style={{ flex: 1 }}
        />
      </Group>
      {withStatus && (
        <Select
          label={t('registers.filters.status')}
          data={[
            { value: '', label: t('registers.filters.allStatuses') },
            ...REPAIR_STATUSES.map((s) => ({ value: s, label: t(`afterSales.status.${s}`) })),
          ]}
          value={value.status}
          onChange={(v) => onChange({ ...value, status: (v ?? '') as RegisterFilter['status'] })}
          allowDeselect={false}
          w={{ base: '100%', xs: 180 }}
        />
      )}
      {isFiltered && (
        <Button variant="subtle" onClick={() => onChange(EMPTY_REGISTER_FILTER)}>
          {t('registers.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
