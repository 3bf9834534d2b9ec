import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loginBodySchema } from '../../../../contracts/auth';
import { Icon } from '../../../components/icons';
import { useZodForm } from '../../../lib/form';
import { useLogIn } from '../api/log-in';

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm({ email: '', password: '' });
  const logIn = useLogIn();

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = form.validate(loginBodySchema, { ...form.values, email: form.values.email.trim() });
    if (body) logIn.mutate(body, { onSuccess, onError: form.fail });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('login.title')}>
      <Stack gap="md">
        {form.formError && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {form.formError}
          </Alert>
        )}
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          size="md"
          {...form.text('email')}
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          required
          size="md"
          visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          {...form.text('password')}
        />
        <Button type="submit" size="md" fullWidth loading={logIn.isPending}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
