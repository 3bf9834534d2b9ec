import { MultiSelect, PasswordInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../contracts/auth';
import { LOCALES, ROLES, type Locale, type Role } from '../../../../contracts/common';
import { createUserBodySchema, updateUserBodySchema, type User } from '../../../../contracts/org';
import { FormModal } from '../../../components/form-modal';
import { LANGUAGE_NAMES } from '../../../components/language-menu';
import { useZodForm } from '../../../lib/form';
import { can, canManageRole } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useRegions } from '../../stores/api/regions';
import { useCreateUser, useUpdateUser } from '../api/users';

type Values = {
  displayName: string;
  email: string;
  role: Role;
  password: string;
  locale: string;
  storeIds: string[];
  regionIds: string[];
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Creates an account (`user` null) or edits one: name, role, language, stores and, for head office, regions. */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const isNew = user === null;
  const form = useZodForm<Values>({
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'staff',
    password: '',
    locale: user?.locale ?? '',
    storeIds: user?.storeIds ?? (me.currentStore ? [me.currentStore.id] : []),
    regionIds: user?.regionIds ?? [],
  });
  const v = form.values;
  const showRegions = v.role === 'regional_manager' && can(me.user.role, 'assignRegions');
  const regions = useRegions(showRegions);
  const create = useCreateUser();
  const update = useUpdateUser();

  function submit() {
    const done = { onSuccess: onClose, onError: form.fail };
    const locale = v.locale ? (v.locale as Locale) : null;
    const regionIds = showRegions ? v.regionIds : [];
    if (isNew) {
      const body = form.validate(createUserBodySchema, { ...v, email: v.email.trim(), locale, regionIds });
      if (body) create.mutate(body, done);
      return;
    }
    // Send only what changed: a manager may not touch stores outside her reach, so untouched lists stay out.
    const body = form.validate(updateUserBodySchema, {
      displayName: v.displayName,
      locale,
      ...(v.role !== user.role ? { role: v.role } : {}),
      ...(!sameSet(v.storeIds, user.storeIds) ? { storeIds: v.storeIds } : {}),
      ...(showRegions && !sameSet(v.regionIds, user.regionIds) ? { regionIds: v.regionIds } : {}),
    });
    if (body) update.mutate({ id: user.id, body }, done);
  }

  return (
    <FormModal
      opened
      title={isNew ? t('users.createTitle') : t('users.editTitle', { name: user.displayName })}
      submitLabel={isNew ? t('users.create') : t('common.save')}
      loading={create.isPending || update.isPending}
      formError={form.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label={t('users.fields.displayName')}
        required
        maxLength={100}
        autoComplete="off"
        {...form.text('displayName')}
      />
      {isNew ? (
        <TextInput label={t('users.fields.email')} type="email" required autoComplete="off" {...form.text('email')} />
      ) : (
        <TextInput label={t('users.fields.email')} value={user.email} readOnly variant="filled" />
      )}
      <Select
        label={t('users.fields.role')}
        data={ROLES.filter((r) => canManageRole(me.user.role, r)).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={v.role}
        onChange={(r) => r && form.setValue('role', r as Role)}
        allowDeselect={false}
        required
        error={form.error('role')}
      />
      {isNew && (
        <PasswordInput
          label={t('users.fields.password')}
          description={t('users.fields.passwordHelp', { min: PASSWORD_MIN_LENGTH })}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          {...form.text('password')}
        />
      )}
      <MultiSelect
        label={t('users.fields.stores')}
        data={me.stores.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
        value={v.storeIds}
        onChange={(ids) => form.setValue('storeIds', ids)}
        searchable
        error={form.error('storeIds')}
      />
      {showRegions && (
        <MultiSelect
          label={t('users.fields.regions')}
          description={t('users.fields.regionsHelp')}
          data={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.code})` }))}
          value={v.regionIds}
          onChange={(ids) => form.setValue('regionIds', ids)}
          error={form.error('regionIds')}
        />
      )}
      <Select
        label={t('users.fields.locale')}
        data={[
          { value: '', label: t('users.localeDefault') },
          ...LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
        ]}
        value={v.locale}
        onChange={(l) => form.setValue('locale', l ?? '')}
        allowDeselect={false}
        error={form.error('locale')}
      />
    </FormModal>
  );
}
