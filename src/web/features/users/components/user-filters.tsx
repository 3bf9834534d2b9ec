import { Group, Select, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreSummary } from '../../../../contracts/auth';
import type { UserFilter } from '../api/users';

export function UserFilters({
  stores,
  value,
  onChange,
}: {
  stores: StoreSummary[];
  value: UserFilter;
  onChange: (f: UserFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="md" mb="md" align="flex-end" wrap="wrap">
      <Select
        label={t('users.filterStore')}
        data={[{ value: '', label: t('users.allStores') }, ...stores.map((s) => ({ value: s.id, label: s.name }))]}
        value={value.storeId ?? ''}
        onChange={(id) => onChange({ ...value, storeId: id ? id : null })}
        allowDeselect={false}
        w={{ base: '100%', xs: 260 }}
      />
      <Switch
        label={t('users.showInactive')}
        checked={value.includeInactive}
        onChange={(e) => onChange({ ...value, includeInactive: e.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
