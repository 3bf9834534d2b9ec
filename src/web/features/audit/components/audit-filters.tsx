import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import type { AuditFilter } from '../api/audit';
import { actionOptions } from './audit-labels';

export const EMPTY_AUDIT_FILTER: AuditFilter = { action: '', fromDay: '', toDay: '' };

export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (f: AuditFilter) => void }) {
  const { t } = useTranslation();
  const isFiltered = value.action !== '' || value.fromDay !== '' || value.toDay !== '';
  return (
    <Group gap="sm" mb="md" align="flex-start" wrap="wrap">
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
      {/* Our own date fields: the browser's picker would follow the browser's language, not the one chosen here. */}
      <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 auto' }} maw={{ base: '100%', xs: 460 }}>
        <DateField
          label={t('audit.filterFrom')}
          value={value.fromDay}
          max={value.toDay || undefined}
          onChange={(fromDay) => onChange({ ...value, fromDay })}
          style={{ flex: 1, minWidth: 0 }}
        />
        <DateField
          label={t('audit.filterTo')}
          value={value.toDay}
          min={value.fromDay || undefined}
          onChange={(toDay) => onChange({ ...value, toDay })}
          style={{ flex: 1, minWidth: 0 }}
        />
      </Group>
      {isFiltered && (
        <Button variant="subtle" mt={{ base: 0, xs: 25 }} onClick={() => onChange(EMPTY_AUDIT_FILTER)}>
          {t('audit.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
