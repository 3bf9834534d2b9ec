// Conditions on the customer's ties to the business: consent, tags, stores and the guide who looks after her.
import { MultiSelect, Select } from '@mantine/core';
import { CHANNELS, PURPOSES } from '../../../../contracts/customers';
import { useSession } from '../../auth/api/get-me';
import { OperatorSelect, useFieldText, W, type FieldsProps } from './condition-fields';

export function ConsentFields({ value, set }: FieldsProps<'consent'>) {
  const { t, sel } = useFieldText();
  return (
    <>
      <Select
        w={W}
        label={t('segments.fields.channel')}
        data={sel(CHANNELS, 'customers.consent.channel')}
        value={value.channel}
        allowDeselect={false}
        onChange={(channel) => set({ channel })}
      />
      <Select
        w={W}
        label={t('segments.fields.purpose')}
        data={sel(PURPOSES, 'customers.consent.purpose')}
        value={value.purpose}
        allowDeselect={false}
        onChange={(purpose) => set({ purpose })}
      />
      <Select
        w={W}
        label={t('segments.fields.consentState')}
        data={[
          { value: 'yes', label: t('segments.consentState.granted') },
          { value: 'no', label: t('segments.consentState.notGranted') },
        ]}
        value={value.granted === false ? 'no' : 'yes'}
        allowDeselect={false}
        onChange={(v) => set({ granted: v !== 'no' })}
      />
    </>
  );
}

export function TagFields({ value, set, options }: FieldsProps<'tag'>) {
  const { t } = useFieldText();
  return (
    <>
      <OperatorSelect ops={['any', 'all', 'none']} prefix="segments.tagOp" value={value.op} set={set} />
      <MultiSelect
        w={W}
        label={t('segments.fields.tags')}
        data={(options?.tags ?? []).map((x) => ({ value: x.id, label: x.name }))}
        value={value.tagIds}
        onChange={(tagIds) => set({ tagIds })}
      />
    </>
  );
}

export function StoreFields({ value, set }: FieldsProps<'store'>) {
  const { t } = useFieldText();
  const session = useSession();
  return (
    <MultiSelect
      w={{ base: '100%', xs: 320 }}
      label={t('segments.fields.stores')}
      data={session.stores.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
      value={value.storeIds}
      onChange={(storeIds) => set({ storeIds })}
    />
  );
}

export function OwnerFields({ value, set, options }: FieldsProps<'owner'>) {
  const { t } = useFieldText();
  return (
    <>
      <OperatorSelect ops={['in', 'none']} prefix="segments.ownerOp" value={value.op} set={set} />
      {value.op === 'in' && (
        <MultiSelect
          w={W}
          label={t('segments.fields.guides')}
          data={(options?.guides ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={value.userIds ?? []}
          searchable
          onChange={(userIds) => set({ userIds })}
        />
      )}
    </>
  );
}
