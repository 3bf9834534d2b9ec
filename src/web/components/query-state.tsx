// Loading, error and empty states, the same on every page.
import type { ReactNode } from 'react';
import { Alert, Button, Center, EmptyState, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage, translateMessage } from '../lib/problem-message';
import { Icon, type IconName } from './icons';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <span>{t('common.loading')}</span>
      </Stack>
    </Center>
  );
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<Icon name="alert" />} title={t('common.loadFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <span>{translateMessage(t, problemMessage(error))}</span>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

type EmptyProps = {
  title: string;
  description?: string;
  icon?: IconName;
  titleOrder?: 1 | 2 | 3;
  children?: ReactNode;
};

/** "Nothing here yet", with what to do about it; `titleOrder` when it is the page's heading. */
export function EmptyBlock({ title, description, icon = 'inbox', titleOrder, children }: EmptyProps) {
  return (
    <EmptyState py="xl">
      <EmptyState.Indicator>
        <Icon name={icon} size={28} />
      </EmptyState.Indicator>
      <EmptyState.Title order={titleOrder}>{title}</EmptyState.Title>
      {description && <EmptyState.Description>{description}</EmptyState.Description>}
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}
