import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

type Props = {
  opened: boolean;
  title: string;
  submitLabel: string;
  loading?: boolean;
  formError?: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
};

/** A dialog holding one form: full screen on a phone, centred on a desktop. */
export function FormModal({ opened, title, submitLabel, loading, formError, onSubmit, onClose, children }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      fullScreen={isPhone}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {formError}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
