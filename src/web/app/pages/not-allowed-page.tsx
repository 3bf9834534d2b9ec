import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyBlock } from '../../components/query-state';
import { useMe } from '../../features/auth/api/get-me';

export function NotAllowedPage() {
  const { t } = useTranslation();
  const { data } = useMe();
  const role = data ? t(`roles.${data.user.role}`) : '';
  return (
    <EmptyBlock
      icon="ban"
      titleOrder={1}
      title={t('notAllowed.title')}
      description={t('notAllowed.description', { role })}
    >
      <Button component={Link} to="/">
        {t('notAllowed.home')}
      </Button>
    </EmptyBlock>
  );
}
