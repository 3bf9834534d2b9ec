// Conditions in time: a birthday coming up, a purchase within so many days.
import { NumberInput, Select } from '@mantine/core';
import { num, OperatorSelect, useFieldText, W, type FieldsProps } from './condition-fields';

export function BirthdayFields({ value, set }: FieldsProps<'birthday'>) {
  const { t, sel } = useFieldText();
  return (
    <>
      <Select
        w={W}
        label={t('segments.fields.calendar')}
        data={sel(['any', 'solar', 'lunar'], 'segments.calendar')}
        value={value.calendar ?? 'any'}
        allowDeselect={false}
        onChange={(calendar) => set({ calendar })}
      />
      <Select
        w={W}
        label={t('segments.fields.when')}
        data={sel(['this_month', 'next_month', 'within_days'], 'segments.when')}
        value={value.when}
        allowDeselect={false}
        onChange={(when) => set({ when })}
      />
      {value.when === 'within_days' && (
        <NumberInput
          w={W}
          min={0}
          max={366}
          label={t('segments.fields.days')}
          value={value.days ?? ''}
          onChange={(v) => set({ days: num(v) })}
        />
      )}
    </>
  );
}

export function PurchaseFields({ value, set }: FieldsProps<'purchase'>) {
  const { t } = useFieldText();
  return (
    <>
      <OperatorSelect
        ops={['bought_within', 'not_bought_within', 'first_within']}
        prefix="segments.purchaseOp"
        value={value.op}
        set={set}
      />
      <NumberInput
        w={W}
        min={0}
        label={t('segments.fields.days')}
        value={value.days}
        onChange={(v) => set({ days: num(v) ?? 0 })}
      />
    </>
  );
}
