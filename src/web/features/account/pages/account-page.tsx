import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { ChangePasswordForm } from '../components/change-password-form';
import { ProfileCard } from '../components/profile-card';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeader title={t('account.title')} description={t('account.description')} mb={0} />
      <ProfileCard />
      <ChangePasswordForm />
    </Stack>
  );
}
