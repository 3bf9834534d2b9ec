// Conditions on where a customer stands: her tier, her classes and her computed metrics.
import { MultiSelect, NumberInput, Select } from '@mantine/core';
import { CLASS_NAMES, CLASS_VALUES, METRIC_NAMES, METRICS, type ClassName } from '../../../../contracts/segments';
import { currencyDigits } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { labelOf, num, OperatorSelect, useFieldText, W, type FieldsProps } from './condition-fields';

export function TierFields({ value, set, options }: FieldsProps<'tier'>) {
  const { t, lng } = useFieldText();
  const tiers = options?.tiers ?? [];
  return (
    <>
      <OperatorSelect ops={['rank_at_least', 'in', 'none']} prefix="segments.tierOp" value={value.op} set={set} />
      {value.op === 'rank_at_least' && (
        <Select
          w={W}
          label={t('segments.fields.lowestTier')}
          data={tiers.map((x) => ({ value: String(x.rank), label: labelOf(x.labels, lng) }))}
          value={value.rank ? String(value.rank) : null}
          onChange={(r) => set({ rank: r ? Number(r) : undefined })}
        />
      )}
      {value.op === 'in' && (
        <MultiSelect
          w={W}
          label={t('segments.fields.tiers')}
          data={tiers.map((x) => ({ value: x.key, label: labelOf(x.labels, lng) }))}
          value={value.keys ?? []}
          onChange={(keys) => set({ keys })}
        />
      )}
    </>
  );
}

export function ClassFields({ value, set }: FieldsProps<'class'>) {
  const { t, sel } = useFieldText();
  return (
    <>
      <Select
        w={W}
        label={t('segments.fields.class')}
        data={CLASS_NAMES.map((c) => ({ value: c, label: t(`segments.classes.${c}`) }))}
        value={value.class}
        allowDeselect={false}
        onChange={(c) => set({ class: c as ClassName, values: [] })}
      />
      <MultiSelect
        w={W}
        label={t('segments.fields.values')}
        data={sel(CLASS_VALUES[value.class], `segments.values.${value.class}`)}
        value={value.values}
        onChange={(values) => set({ values })}
      />
    </>
  );
}

export function MetricFields({ value, set }: FieldsProps<'metric'>) {
  const { t } = useFieldText();
  const session = useSession();
  const money = METRICS[value.metric].money;
  const currency = value.currency ?? session.currentStore?.currency ?? 'CNY';
  // money is stored in minor units and typed in major ones
  const f = 10 ** currencyDigits(currency);
  const show = (v?: number) => (v === undefined ? '' : money ? v / f : v);
  const keep = (v: string | number) => {
    const n = num(v);
    return n === undefined ? undefined : money ? Math.round(n * f) : n;
  };
  const currencies = [...new Set(session.stores.map((s) => s.currency))];
  return (
    <>
      <Select
        w={W}
        label={t('segments.fields.metric')}
        data={METRIC_NAMES.map((m) => ({ value: m, label: t(`segments.metrics.${m}`) }))}
        value={value.metric}
        allowDeselect={false}
        onChange={(m) =>
          set({ metric: m, currency: m && METRICS[m as keyof typeof METRICS].money ? currency : undefined })
        }
      />
      <OperatorSelect
        ops={['gte', 'gt', 'lte', 'lt', 'eq', 'between', 'is_set', 'not_set']}
        prefix="segments.ops"
        value={value.op}
        set={set}
      />
      {value.op !== 'is_set' && value.op !== 'not_set' && (
        <NumberInput
          w={W}
          label={value.op === 'between' ? t('segments.fields.from') : t('segments.fields.value')}
          value={show(value.value)}
          onChange={(v) => set({ value: keep(v) })}
        />
      )}
      {value.op === 'between' && (
        <NumberInput
          w={W}
          label={t('segments.fields.to')}
          value={show(value.value2)}
          onChange={(v) => set({ value2: keep(v) })}
        />
      )}
      {money && currencies.length > 1 && (
        <Select
          w={{ base: '100%', xs: 110 }}
          label={t('segments.fields.currency')}
          data={currencies}
          value={currency}
          allowDeselect={false}
          onChange={(c) => set({ currency: c })}
        />
      )}
    </>
  );
}
