import { Alert, Chip, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTACT_PURPOSES, type ContactPurpose } from '../../../../domain/contacts';
import { Icon } from '../../../components/icons';
import type { ChannelOption, SheetChannel } from '../lib/channels';

export type Draft = { purpose: ContactPurpose; channel: SheetChannel | null; text: string; subject: string };

type Props = {
  draft: Draft;
  options: ChannelOption[];
  doNotContact: boolean;
  textError: string | null;
  onChange: (d: Draft) => void;
};

/** Why, how and what: the channels she has not agreed to are shown but cannot be chosen. */
export function ComposeStep({ draft, options, doNotContact, textError, onChange }: Props) {
  const { t } = useTranslation();
  const usable = options.filter((o) => !o.refusal);
  const help =
    draft.channel === 'email'
      ? 'viaOutbox'
      : draft.channel === 'wechat'
        ? 'viaWechat'
        : draft.channel === 'call'
          ? 'viaCall'
          : 'viaPhone';
  return (
    <Stack gap="md">
      <Select
        label={t('messaging.contact.purposeLabel')}
        data={CONTACT_PURPOSES.map((p) => ({ value: p, label: t(`messaging.purpose.${p}`) }))}
        value={draft.purpose}
        onChange={(v) => onChange({ ...draft, purpose: (v ?? 'care') as ContactPurpose, channel: null })}
        allowDeselect={false}
      />
      <Stack gap={6}>
        <Text size="sm" fw={500} id="contact-channel-label">
          {t('messaging.contact.channelLabel')}
        </Text>
        {doNotContact ? (
          <Alert color="red" variant="light" icon={<Icon name="ban" />}>
            {t('messaging.contact.doNotContact')}
          </Alert>
        ) : usable.length === 0 ? (
          <Alert color="yellow" variant="light" icon={<Icon name="alert" />}>
            {t('messaging.contact.noChannels')}
          </Alert>
        ) : null}
        <Chip.Group
          multiple={false}
          value={draft.channel}
          onChange={(v) => onChange({ ...draft, channel: v as SheetChannel })}
        >
          <Group gap="xs" role="radiogroup" aria-labelledby="contact-channel-label">
            {options.map((o) => (
              <Chip key={o.channel} value={o.channel} disabled={Boolean(o.refusal)} radius="sm">
                {t(`messaging.channel.${o.channel}`)}
                {o.refusal ? ` · ${t(`messaging.refusal.${o.refusal}`)}` : ''}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {draft.channel && (
          <Text size="xs" c="dimmed">
            {t(`messaging.contact.${help}`)}
          </Text>
        )}
      </Stack>
      {draft.channel === 'email' && (
        <TextInput
          label={t('messaging.contact.subjectLabel')}
          value={draft.subject}
          onChange={(e) => onChange({ ...draft, subject: e.currentTarget.value })}
          maxLength={200}
          required
        />
      )}
      {draft.channel !== 'call' && (
        <Textarea
          label={t('messaging.contact.textLabel')}
          placeholder={t('messaging.contact.textPlaceholder')}
          value={draft.text}
          onChange={(e) => onChange({ ...draft, text: e.currentTarget.value })}
          autosize
          minRows={4}
          maxRows={12}
          maxLength={draft.channel === 'sms' ? 1000 : 5000}
          error={textError}
        />
      )}
    </Stack>
  );
}
