// Conditions on what the customer told the store: her profile fields and the organisation's own questions.
import { MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { PROFILE_CHOICES } from '../../../../contracts/segments';
import { labelOf, num, OperatorSelect, useFieldText, W, type FieldsProps } from './condition-fields';

export function ProfileFields({ value, set }: FieldsProps<'profile'>) {
  const { t, sel } = useFieldText();
  const choices = (PROFILE_CHOICES as Record<string, readonly string[]>)[value.field];
  return (
    <>
      <Select
        w={W}
        label={t('segments.fields.field')}
        data={[...Object.keys(PROFILE_CHOICES), 'address', 'occupation'].map((f) => ({
          value: f,
          label: t(`segments.profileFields.${f}`),
        }))}
        value={value.field}
        allowDeselect={false}
        onChange={(field) =>
          set({
            field,
            op: (PROFILE_CHOICES as Record<string, unknown>)[field!] ? 'in' : 'contains',
            values: undefined,
            text: undefined,
          })
        }
      />
      {choices ? (
        <>
          <OperatorSelect
            ops={['in', 'not_in', 'is_set', 'not_set']}
            prefix="segments.ops"
            value={value.op}
            set={set}
          />
          {(value.op === 'in' || value.op === 'not_in') && (
            <MultiSelect
              w={W}
              label={t('segments.fields.values')}
              data={sel(choices, `segments.values.${value.field}`)}
              value={value.values ?? []}
              onChange={(values) => set({ values })}
            />
          )}
        </>
      ) : (
        <TextInput
          w={W}
          label={t('segments.ops.contains')}
          value={value.text ?? ''}
          onChange={(e) => set({ text: e.currentTarget.value || undefined })}
        />
      )}
    </>
  );
}

export function CustomFields({ value, set, options }: FieldsProps<'custom'>) {
  const { t, lng } = useFieldText();
  const fields = options?.customFields ?? [];
  const field = fields.find((f) => f.key === value.fieldKey);
  const choice = field && (field.type === 'choice' || field.type === 'multi_choice');
  return (
    <>
      <Select
        w={W}
        label={t('segments.fields.question')}
        data={fields.map((f) => ({ value: f.key, label: labelOf(f.labels, lng) }))}
        value={value.fieldKey || null}
        searchable
        onChange={(key) => {
          const f = fields.find((x) => x.key === key);
          const op = !f
            ? 'is_set'
            : f.type === 'choice' || f.type === 'multi_choice'
              ? 'in'
              : f.type === 'text'
                ? 'contains'
                : 'gte';
          set({ fieldKey: key ?? '', op, values: undefined, value: undefined });
        }}
      />
      {field && choice && (
        <MultiSelect
          w={W}
          label={t('segments.fields.values')}
          data={field.options.map((o) => ({ value: o.value, label: labelOf(o.labels, lng) }))}
          value={value.values ?? []}
          onChange={(values) => set({ values, op: 'in' })}
        />
      )}
      {field && field.type === 'text' && (
        <TextInput
          w={W}
          label={t('segments.ops.contains')}
          value={typeof value.value === 'string' ? value.value : ''}
          onChange={(e) => set({ value: e.currentTarget.value || undefined, op: 'contains' })}
        />
      )}
      {field && (field.type === 'number' || field.type === 'date') && (
        <>
          <OperatorSelect ops={['gte', 'lte', 'eq', 'is_set']} prefix="segments.ops" value={value.op} set={set} />
          {value.op !== 'is_set' &&
            (field.type === 'number' ? (
              <NumberInput
                w={W}
                label={t('segments.fields.value')}
                value={typeof value.value === 'number' ? value.value : ''}
                onChange={(v) => set({ value: num(v) })}
              />
            ) : (
              <TextInput
                w={W}
                type="date"
                label={t('segments.fields.value')}
                value={typeof value.value === 'string' ? value.value : ''}
                onChange={(e) => set({ value: e.currentTarget.value || undefined })}
              />
            ))}
        </>
      )}
    </>
  );
}
