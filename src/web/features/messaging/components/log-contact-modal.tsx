import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_CHANNELS,
  CONTACT_PURPOSES,
  outcomesFor,
  type ContactChannel,
  type ContactOutcome,
  type ContactPurpose,
} from '../../../../domain/contacts';
import { FormModal } from '../../../components/form-modal';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useRecordContact } from '../api/contacts';

/** "YYYY-MM-DDTHH:mm" of now, for a datetime-local field (the phone's own clock and zone). */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** A contact made some other way: the shop phone, a visit, a card in the post, a chat in the street. */
export function LogContactModal({
  customerId,
  name,
  onClose,
}: {
  customerId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordContact(customerId);
  const [channel, setChannel] = useState<ContactChannel>('call');
  const [purpose, setPurpose] = useState<ContactPurpose>('care');
  const [outcome, setOutcome] = useState<ContactOutcome>('reached');
  const [when, setWhen] = useState(nowLocal());
  const [note, setNote] = useState('');
  const [messageText, setMessageText] = useState('');
  const outcomes = outcomesFor(channel);
  const written = channel !== 'call' && channel !== 'visit';

  return (
    <FormModal
      opened
      title={t('messaging.log.title', { name })}
      submitLabel={t('messaging.contact.save')}
      loading={record.isPending}
      formError={record.error ? translateMessage(t, problemMessage(record.error)) : null}
      onClose={onClose}
      onSubmit={() =>
        record.mutate(
          {
            channel,
            purpose,
            outcome,
            contactedAt: when ? new Date(when).toISOString() : undefined,
            note: note.trim() || null,
            messageText: written ? messageText.trim() || null : null,
          },
          { onSuccess: onClose },
        )
      }
    >
      <Stack gap="sm">
        <Select
          label={t('messaging.contact.channelLabel')}
          data={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`messaging.channel.${c}`) }))}
          value={channel}
          onChange={(v) => {
            const next = (v ?? 'call') as ContactChannel;
            setChannel(next);
            if (!outcomesFor(next).includes(outcome)) setOutcome(outcomesFor(next)[0]!);
          }}
          allowDeselect={false}
        />
        <Select
          label={t('messaging.contact.purposeLabel')}
          data={CONTACT_PURPOSES.map((p) => ({ value: p, label: t(`messaging.purpose.${p}`) }))}
          value={purpose}
          onChange={(v) => setPurpose((v ?? 'care') as ContactPurpose)}
          allowDeselect={false}
        />
        <Select
          label={t('messaging.contactLog.outcome')}
          data={outcomes.map((o) => ({ value: o, label: t(`messaging.outcome.${o}`) }))}
          value={outcome}
          onChange={(v) => setOutcome((v ?? outcomes[0]) as ContactOutcome)}
          allowDeselect={false}
        />
        <TextInput
          type="datetime-local"
          label={t('messaging.log.when')}
          value={when}
          max={nowLocal()}
          onChange={(e) => setWhen(e.currentTarget.value)}
        />
        <Textarea
          label={t('messaging.contact.noteLabel')}
          placeholder={t('messaging.contact.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {written && (
          <Textarea
            label={t('messaging.log.messageText')}
            value={messageText}
            onChange={(e) => setMessageText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={5000}
          />
        )}
      </Stack>
    </FormModal>
  );
}
