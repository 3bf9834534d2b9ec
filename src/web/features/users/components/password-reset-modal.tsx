import { PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../contracts/auth';
import { updateUserBodySchema, type User } from '../../../../contracts/org';
import { FormModal } from '../../../components/form-modal';
import { useZodForm } from '../../../lib/form';
import { useUpdateUser } from '../api/users';

/** A manager sets a new password for someone who forgot hers; her open sessions end. */
export function PasswordResetModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm({ password: '' });
  const update = useUpdateUser();

  function submit() {
    const body = form.validate(updateUserBodySchema.required({ password: true }));
    if (body) update.mutate({ id: user.id, body }, { onSuccess: onClose, onError: form.fail });
  }

  return (
    <FormModal
      opened
      title={t('users.resetTitle', { name: user.displayName })}
      submitLabel={t('users.resetSubmit')}
      loading={update.isPending}
      formError={form.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t('users.resetHelp')}</Text>
      <PasswordInput
        label={t('users.fields.newPassword')}
        description={t('users.fields.passwordHelp', { min: PASSWORD_MIN_LENGTH })}
        required
        autoComplete="new-password"
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
        {...form.text('password')}
      />
    </FormModal>
  );
}
