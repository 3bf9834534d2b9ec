import { Button, Checkbox, Chip, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARE_OUTCOMES, type CareOutcome, type TaskDetail } from '../../../../contracts/care-tasks';
import type { ContactChannel } from '../../../../domain/contacts';
import { DateField } from '../../../components/date-field';
import { ErrorAlert } from '../../../components/query-state';
import { addDays } from '../../../lib/days';
import { formatDateTime } from '../../../lib/format';
import { useCompleteTask } from '../api/tasks';

const CHANNELS: ContactChannel[] = ['call', 'sms', 'email', 'line', 'whatsapp', 'wechat', 'visit', 'letter'];
const DEFAULT_CHANNEL: Record<TaskDetail['kind'], ContactChannel> = {
  call: 'call',
  message: 'sms',
  visit: 'visit',
  letter: 'letter',
};

type Props = { task: TaskDetail; today: string; timeZone: string; onDone: (message: string) => void };

/** Complete with an outcome and a note; appointment asks for the day, an issue for what she raised. */
export function CompleteForm({ task, today, timeZone, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const recorded = task.contacts.at(-1) ?? null;
  const [outcome, setOutcome] = useState<CareOutcome | null>(null);
  // Linking the contact already recorded is the default as soon as there is one (it may arrive later).
  const [linkChoice, setUseRecorded] = useState<boolean | null>(null);
  const useRecorded = linkChoice ?? Boolean(recorded);
  const [channel, setChannel] = useState<ContactChannel>(DEFAULT_CHANNEL[task.kind]);
  const [appointmentOn, setAppointmentOn] = useState(addDays(today, 1));
  const [complaint, setComplaint] = useState('');
  const [note, setNote] = useState('');
  const complete = useCompleteTask(task.id, task.customer.id);
  const outcomeId = `complete-outcome-${task.id}`;

  function save() {
    if (!outcome) return;
    complete.mutate(
      {
        version: task.version,
        outcome,
        note: note.trim() || null,
        ...(useRecorded && recorded ? { contactId: recorded.id } : { channel }),
        ...(outcome === 'appointment' ? { appointmentOn } : {}),
        ...(outcome === 'issue_raised' ? { complaintSummary: complaint.trim() } : {}),
      },
      {
        onSuccess: (r) =>
          onDone(
            [
              t('careTasks.complete.saved'),
              r.followUpTaskId ? t('careTasks.complete.followUp', { date: appointmentOn }) : '',
              r.complaintId ? t('careTasks.complete.complaintOpened') : '',
            ]
              .filter(Boolean)
              .join(' '),
          ),
      },
    );
  }

  return (
    <Stack gap="sm" data-testid="complete-form">
      <Text fw={600} id={outcomeId}>
        {t('careTasks.complete.title')}
      </Text>
      <Chip.Group multiple={false} value={outcome} onChange={(v) => setOutcome(v as CareOutcome)}>
        <Group gap="xs" role="radiogroup" aria-labelledby={outcomeId}>
          {CARE_OUTCOMES.map((o) => (
            <Chip key={o} value={o} radius="sm">
              {t(`careTasks.complete.outcomes.${o}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {recorded && (
        <Checkbox
          checked={useRecorded}
          onChange={(e) => setUseRecorded(e.currentTarget.checked)}
          label={t('careTasks.complete.useRecorded', {
            channel: t(`careTasks.channels.${recorded.channel}`),
            time: formatDateTime(recorded.contactedAt, i18n.language, timeZone),
          })}
        />
      )}
      {!(useRecorded && recorded) && (
        <Select
          label={t('careTasks.complete.channel')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`careTasks.channels.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v as ContactChannel)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {outcome === 'appointment' && (
        <Stack gap={4}>
          <DateField
            label={t('careTasks.complete.appointmentOn')}
            value={appointmentOn}
            onChange={setAppointmentOn}
            min={today}
            timeZone={timeZone}
            required
          />
          <Text size="xs" c="dimmed">
            {t('careTasks.complete.appointmentHint')}
          </Text>
        </Stack>
      )}
      {outcome === 'issue_raised' && (
        <Textarea
          label={t('careTasks.complete.complaint')}
          description={t('careTasks.complete.complaintHint')}
          value={complaint}
          onChange={(e) => setComplaint(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          required
        />
      )}
      <Textarea
        label={t('careTasks.complete.note')}
        placeholder={t('careTasks.complete.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      {complete.error != null && <ErrorAlert error={complete.error} />}
      <Group justify="flex-end">
        <Button
          onClick={save}
          loading={complete.isPending}
          disabled={!outcome || (outcome === 'issue_raised' && !complaint.trim()) || !appointmentOn}
        >
          {t('careTasks.complete.save')}
        </Button>
      </Group>
    </Stack>
  );
}
