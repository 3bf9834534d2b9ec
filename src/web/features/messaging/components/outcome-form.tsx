import { Button, Chip, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outcomesFor, type ContactChannel, type ContactOutcome } from '../../../../domain/contacts';
import { ErrorAlert } from '../../../components/query-state';

type Props = {
  channel: ContactChannel;
  saving: boolean;
  error: unknown;
  onSave: (outcome: ContactOutcome, note: string) => void;
  onSkip?: () => void;
};

/** "Did you reach her?" — the outcomes that fit the channel, a note for her file, save. */
export function OutcomeForm({ channel, saving, error, onSave, onSkip }: Props) {
  const { t } = useTranslation();
  const spoken = channel === 'call' || channel === 'visit';
  const [outcome, setOutcome] = useState<ContactOutcome | null>(spoken ? null : 'sent');
  const [note, setNote] = useState('');
  const id = `outcome-${channel}`;
  return (
    <Stack gap="sm">
      <Text fw={600} id={id}>
        {t(spoken ? 'messaging.contact.askSpoken' : 'messaging.contact.askWritten')}
      </Text>
      <Chip.Group multiple={false} value={outcome} onChange={(v) => setOutcome(v as ContactOutcome)}>
        <Group gap="xs" role="radiogroup" aria-labelledby={id}>
          {outcomesFor(channel).map((o) => (
            <Chip key={o} value={o} radius="sm">
              {t(`messaging.outcome.${o}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Textarea
        label={t('messaging.contact.noteLabel')}
        placeholder={t('messaging.contact.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      {error != null && <ErrorAlert error={error} />}
      <Group justify="flex-end" gap="xs">
        {onSkip && (
          <Button variant="default" onClick={onSkip}>
            {t('messaging.contact.skip')}
          </Button>
        )}
        <Button disabled={!outcome} loading={saving} onClick={() => outcome && onSave(outcome, note)}>
          {t('messaging.contact.save')}
        </Button>
      </Group>
    </Stack>
  );
}
