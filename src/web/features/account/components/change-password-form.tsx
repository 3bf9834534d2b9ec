import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordBodySchema, PASSWORD_MIN_LENGTH } from '../../../../contracts/auth';
import { Icon } from '../../../components/icons';
import { useZodForm } from '../../../lib/form';
import { useChangePassword } from '../../auth/api/change-password';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = useZodForm(EMPTY);
  const change = useChangePassword();
  const [isDone, setDone] = useState(false);
  const toggle = { 'aria-label': t('common.showPassword') };

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const body = form.validate(
      changePasswordBodySchema.extend({ confirmPassword: changePasswordBodySchema.shape.newPassword }),
    );
    if (!body) return;
    if (body.confirmPassword !== body.newPassword) {
      form.setError('confirmPassword', { key: 'app:account.mismatch' });
      return;
    }
    change.mutate(
      { currentPassword: body.currentPassword, newPassword: body.newPassword },
      {
        onSuccess: () => {
          form.reset(EMPTY);
          setDone(true);
        },
        onError: form.fail,
      },
    );
  }

  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="password-title">
      <Title order={2} fz="h4" id="password-title" mb="md">
        {t('account.passwordTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={420}>
          {form.formError && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {form.formError}
            </Alert>
          )}
          {isDone && (
            <Alert color="teal.9" variant="light" icon={<Icon name="check" />} role="status">
              {t('account.passwordChanged')}
            </Alert>
          )}
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={toggle}
            {...form.text('currentPassword')}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('users.fields.passwordHelp', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={toggle}
            {...form.text('newPassword')}
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={toggle}
            {...form.text('confirmPassword')}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.passwordSubmit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
