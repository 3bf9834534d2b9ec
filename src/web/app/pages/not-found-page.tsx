import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyBlock } from '../../components/query-state';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyBlock icon="alert" titleOrder={1} title={t('notFound.title')} description={t('notFound.description')}>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </EmptyBlock>
  );
}
