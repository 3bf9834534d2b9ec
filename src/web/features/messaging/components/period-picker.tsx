import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreSummary } from '../../../../contracts/auth';
import { PRESETS, presetPeriod, type Period, type Preset } from '../lib/period';

type Props = {
  preset: Preset;
  period: Period;
  today: string;
  stores: StoreSummary[];
  storeId: string | null;
  onChange: (next: { preset: Preset; period: Period; storeId: string | null }) => void;
};

/** The period (this month, last month, rolling windows or two dates) and, for several stores, which one. */
export function PeriodPicker({ preset, period, today, stores, storeId, onChange }: Props) {
  const { t } = useTranslation();
  const set = (p: Partial<{ preset: Preset; period: Period; storeId: string | null }>) =>
    onChange({ preset, period, storeId, ...p });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('messaging.stats.period')}
        data={PRESETS.map((p) => ({ value: p, label: t(`messaging.stats.presets.${p}`) }))}
        value={preset}
        onChange={(v) => {
          const next = (v ?? 'thisMonth') as Preset;
          set({ preset: next, period: presetPeriod(next, today, period) });
        }}
        allowDeselect={false}
        w={{ base: '100%', xs: 180 }}
      />
      {preset === 'custom' && (
        <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 auto' }} maw={{ base: '100%', xs: 340 }}>
          <TextInput
            type="date"
            label={t('messaging.stats.from')}
            value={period.from}
            max={period.to || today}
            onChange={(e) => set({ period: { ...period, from: e.currentTarget.value } })}
            style={{ flex: 1 }}
          />
          <TextInput
            type="date"
            label={t('messaging.stats.to')}
            value={period.to}
            min={period.from || undefined}
            max={today}
            onChange={(e) => set({ period: { ...period, to: e.currentTarget.value } })}
            style={{ flex: 1 }}
          />
        </Group>
      )}
      {stores.length > 1 && (
        <Select
          label={t('messaging.stats.store')}
          data={[
            { value: '', label: t('messaging.stats.allStores') },
            ...stores.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
          ]}
          value={storeId ?? ''}
          onChange={(v) => set({ storeId: v || null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
      )}
    </Group>
  );
}
