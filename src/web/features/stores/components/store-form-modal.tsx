import { Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../contracts/common';
import { createStoreBodySchema, updateStoreBodySchema, type Region, type Store } from '../../../../contracts/org';
import { FormModal } from '../../../components/form-modal';
import { LANGUAGE_NAMES } from '../../../components/language-menu';
import { useZodForm, type FormatMessages } from '../../../lib/form';
import { useCreateStore, useUpdateStore } from '../api/stores';
import { COUNTRY_PRESETS, countryOptions, currencyOptions, timezoneOptions } from './store-options';

type Values = {
  code: string;
  name: string;
  regionId: string | null;
  country: string;
  currency: string;
  timezone: string;
  locale: Locale;
  isActive: boolean;
};

const FORMATS: FormatMessages = {
  code: 'code_format',
  country: 'country_format',
  currency: 'currency_format',
  timezone: 'unknown_timezone',
};

function initialValues(store: Store | null): Values {
  if (store) return { ...store };
  return { code: '', name: '', regionId: null, country: 'CN', ...COUNTRY_PRESETS.CN!, isActive: true };
}

type Props = { store: Store | null; regions: Region[]; canEditStructure: boolean; onClose: () => void };

/** Opens a store (`store` null) or changes one. Managers below head office may change name, clock and language only. */
export function StoreFormModal({ store, regions, canEditStructure, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const form = useZodForm(initialValues(store), FORMATS);
  const create = useCreateStore();
  const update = useUpdateStore();
  const v = form.values;
  const isNew = store === null;

  function setCountry(country: string | null) {
    if (!country) return;
    form.setValue('country', country);
    const preset = COUNTRY_PRESETS[country];
    if (isNew && preset) {
      form.setValue('currency', preset.currency);
      form.setValue('timezone', preset.timezone);
      form.setValue('locale', preset.locale);
    }
  }

  function submit() {
    const done = { onSuccess: onClose, onError: form.fail };
    if (isNew) {
      const body = form.validate(createStoreBodySchema, v);
      if (body) create.mutate(body, done);
      return;
    }
    const input = canEditStructure
      ? {
          name: v.name,
          regionId: v.regionId,
          country: v.country,
          currency: v.currency,
          timezone: v.timezone,
          locale: v.locale,
          isActive: v.isActive,
        }
      : { name: v.name, timezone: v.timezone, locale: v.locale };
    const body = form.validate(updateStoreBodySchema, input);
    if (body) update.mutate({ id: store.id, body }, done);
  }

  const lng = i18n.language;
  return (
    <FormModal
      opened
      title={isNew ? t('stores.createTitle') : t('stores.editTitle', { name: store.name })}
      submitLabel={isNew ? t('stores.create') : t('common.save')}
      loading={create.isPending || update.isPending}
      formError={form.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      {isNew && (
        <TextInput
          label={t('stores.fields.code')}
          description={t('stores.fields.codeHelp')}
          required
          maxLength={20}
          autoCapitalize="characters"
          {...form.text('code')}
        />
      )}
      <TextInput label={t('stores.fields.name')} required maxLength={100} {...form.text('name')} />
      {canEditStructure && (
        <Select
          label={t('stores.fields.region')}
          data={[
            { value: '', label: t('stores.noRegion') },
            ...regions.map((r) => ({ value: r.id, label: `${r.name} (${r.code})` })),
          ]}
          value={v.regionId ?? ''}
          onChange={(id) => form.setValue('regionId', id ? id : null)}
          allowDeselect={false}
          error={form.error('regionId')}
        />
      )}
      {canEditStructure && (
        <Select
          label={t('stores.fields.country')}
          data={countryOptions(lng, v.country)}
          value={v.country}
          onChange={setCountry}
          searchable
          allowDeselect={false}
          required
          error={form.error('country')}
        />
      )}
      {canEditStructure && (
        <Select
          label={t('stores.fields.currency')}
          description={isNew ? undefined : t('stores.fields.currencyHelp')}
          data={currencyOptions(lng, v.currency)}
          value={v.currency}
          onChange={(c) => c && form.setValue('currency', c)}
          searchable
          allowDeselect={false}
          required
          error={form.error('currency')}
        />
      )}
      <Select
        label={t('stores.fields.timezone')}
        data={timezoneOptions(v.timezone)}
        value={v.timezone}
        onChange={(z) => z && form.setValue('timezone', z)}
        searchable
        limit={50}
        allowDeselect={false}
        required
        nothingFoundMessage={t('common.nothingFound')}
        error={form.error('timezone')}
      />
      <Select
        label={t('stores.fields.locale')}
        description={t('stores.fields.localeHelp')}
        data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        value={v.locale}
        onChange={(l) => l && form.setValue('locale', l as Locale)}
        allowDeselect={false}
        required
        error={form.error('locale')}
      />
      {!isNew && canEditStructure && (
        <Switch
          label={t('stores.fields.isActive')}
          description={t('stores.fields.isActiveHelp')}
          checked={v.isActive}
          onChange={(e) => form.setValue('isActive', e.currentTarget.checked)}
        />
      )}
    </FormModal>
  );
}
