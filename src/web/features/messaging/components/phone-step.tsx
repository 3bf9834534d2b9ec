import { Alert, Button, Divider, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactOutcome } from '../../../../domain/contacts';
import { Icon } from '../../../components/icons';
import { copyText, type SheetChannel } from '../lib/channels';
import { OutcomeForm } from './outcome-form';

type Props = {
  channel: Exclude<SheetChannel, 'email'>;
  text: string;
  /** The link to open (null for WeChat, which has none: the text is copied instead). */
  href: string | null;
  /** Her number was fetched through the audited reveal for this link. */
  revealed: boolean;
  saving: boolean;
  error: unknown;
  onSave: (outcome: ContactOutcome, note: string) => void;
  onSkip: () => void;
};

/** Open the guide's own phone (or copy for WeChat), then say how it went. */
export function PhoneStep({ channel, text, href, revealed, saving, error, onSave, onSkip }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const icon = channel === 'call' ? 'phone' : 'message';
  return (
    <Stack gap="md">
      {channel !== 'call' && text && (
        <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {text}
          </Text>
        </Paper>
      )}
      {href ? (
        <Button
          component="a"
          href={href}
          size="lg"
          fullWidth
          leftSection={<Icon name={icon} />}
          // LINE's share page is a web page: a new tab, so the sheet stays here for the outcome.
          {...(channel === 'line' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          data-testid="contact-link"
        >
          {t(`messaging.contact.open.${channel}`)}
        </Button>
      ) : (
        <Button
          size="lg"
          fullWidth
          leftSection={<Icon name="copy" />}
          onClick={() => void copyText(text).then(setCopied)}
        >
          {t('messaging.contact.copy')}
        </Button>
      )}
      {copied === true && (
        <Alert color="green" variant="light" icon={<Icon name="check" />} role="status">
          {t('messaging.contact.copied')}
        </Alert>
      )}
      {copied === false && (
        <Alert color="yellow" variant="light" icon={<Icon name="alert" />} role="alert">
          {t('messaging.contact.copyFailed')}
        </Alert>
      )}
      {revealed && (
        <Text size="xs" c="dimmed">
          {t('messaging.contact.revealNote')}
        </Text>
      )}
      <Divider />
      <OutcomeForm channel={channel} saving={saving} error={error} onSave={onSave} onSkip={onSkip} />
    </Stack>
  );
}
