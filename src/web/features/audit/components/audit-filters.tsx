import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../api/audit';
import { actionOptions } from './audit-labels';

export const EMPTY_AUDIT_FILTER: AuditFilter = { action: '', fromDay: '', toDay: '' };

export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (f: AuditFilter) => void }) {
  const { t } = useTranslation();
  const isFiltered = value.action !== '' || value.fromDay !== '' || value.toDay !== '';
  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <Select
        label={t('audit.filterAction')}
        data={actionOptions(t)}
        value={value.action}
        onChange={(a) => onChange({ ...value, action: a ?? '' })}
        allowDeselect={false}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        w={{ base: '100%', xs: 280 }}
      />
      <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 auto' }} maw={{ base: '100%', xs: 360 }}>
        <TextInput
          type="date"
          label={t('audit.filterFrom')}
          value={value.fromDay}
          max={value.toDay || undefined}
          onChange={(e) => onChange({ ...value, fromDay: e.currentTarget.value })}
          style={{ flex: 1 }}
        />
        <TextInput
          type="date"
          label={t('audit.filterTo')}
          value={value.toDay}
          min={value.fromDay || undefined}
          onChange={(e) => onChange({ ...value, toDay: e.currentTarget.value })}
          style={{ flex: 1 }}
        />
      </Group>
      {isFiltered && (
        <Button variant="subtle" onClick={() => onChange(EMPTY_AUDIT_FILTER)}>
          {t('audit.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
