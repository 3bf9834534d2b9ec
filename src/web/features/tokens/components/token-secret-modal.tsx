import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';

// Mantine's yellow text is too pale on its own background; a dark amber reads clearly.
const WARNING_STYLES = { title: { color: '#6b4200' }, icon: { color: '#6b4200' }, message: { color: '#3d2600' } };

/** The only time the secret is visible: copy it now or create another. */
export function TokenSecretModal({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('tokens.secretTitle', { name })}
      centered
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Alert
          color="yellow"
          variant="light"
          icon={<Icon name="alert" />}
          title={t('tokens.secretWarningTitle')}
          styles={WARNING_STYLES}
        >
          {t('tokens.secretWarning')}
        </Alert>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="token-secret" fz="sm">
          {secret}
        </Code>
        <Text size="sm" c="dimmed">
          {t('tokens.secretUsage')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                color={copied ? 'teal.9' : undefined}
                leftSection={<Icon name={copied ? 'check' : 'copy'} size={18} />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('tokens.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('tokens.secretDone')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
