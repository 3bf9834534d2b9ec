import { Button, Chip, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../../contracts/care-tasks';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DateField } from '../../../components/date-field';
import { ErrorAlert } from '../../../components/query-state';
import { addDays, formatDayMedium } from '../../../lib/days';
import { useStoreStaff } from '../../salon/api/get-store-staff';
import { useCancelTask, useReassign, useSnooze } from '../api/tasks';

type Base = { task: TaskDetail; onClose: () => void; onDone: (message: string) => void };

/** Move the task to a later day: tomorrow, in three days, next week, or a chosen day. */
export function SnoozeModal({ task, today, timeZone, onClose, onDone }: Base & { today: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [until, setUntil] = useState(addDays(today, 1));
  const snooze = useSnooze(task.id, task.customer.id);
  const quick = [
    ['tomorrow', 1],
    ['inThreeDays', 3],
    ['nextWeek', 7],
  ] as const;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('careTasks.snooze.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <Chip.Group multiple={false} value={until} onChange={(v) => setUntil(v as string)}>
          <Group gap="xs">
            {quick.map(([key, n]) => (
              <Chip key={key} value={addDays(today, n)} radius="sm">
                {t(`careTasks.snooze.${key}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <DateField
          label={t('careTasks.snooze.day')}
          value={until}
          onChange={setUntil}
          min={today}
          timeZone={timeZone}
          required
        />
        {snooze.error != null && <ErrorAlert error={snooze.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={snooze.isPending}
            disabled={!until || until < today}
            onClick={() =>
              snooze.mutate(
                { version: task.version, until },
                {
                  onSuccess: () => {
                    onDone(t('careTasks.snooze.saved', { date: formatDayMedium(until, i18n.language) }));
                    onClose();
                  },
                },
              )
            }
          >
            {t('careTasks.snooze.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Give the task to a colleague of its store. */
export function ReassignModal({ task, onClose, onDone }: Base) {
  const { t } = useTranslation();
  const staff = useStoreStaff(task.storeId);
  const [to, setTo] = useState<string | null>(null);
  const reassign = useReassign(task.id, task.customer.id);
  const options = (staff.data?.items ?? [])
    .filter((u) => u.id !== task.assignee?.id)
    .map((u) => ({ value: u.id, label: u.displayName }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('careTasks.reassign.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <Select
          label={t('careTasks.reassign.colleague')}
          data={options}
          value={to}
          onChange={setTo}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        {(staff.error ?? reassign.error) != null && <ErrorAlert error={staff.error ?? reassign.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={reassign.isPending}
            disabled={!to}
            onClick={() =>
              to &&
              reassign.mutate(
                { version: task.version, assigneeId: to },
                {
                  onSuccess: () => {
                    onDone(t('careTasks.reassign.saved', { name: options.find((o) => o.value === to)?.label ?? '' }));
                    onClose();
                  },
                },
              )
            }
          >
            {t('careTasks.reassign.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Cancel the task, with the reason why. */
export function CancelDialog({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useCancelTask(task.id, task.customer.id);
  return (
    <ConfirmDialog
      opened
      title={t('careTasks.cancel.title')}
      message={t('careTasks.cancel.message')}
      confirmLabel={t('careTasks.cancel.confirm')}
      danger
      loading={cancel.isPending}
      error={cancel.error}
      onConfirm={() =>
        reason.trim() && cancel.mutate({ version: task.version, reason: reason.trim() }, { onSuccess: onClose })
      }
      onClose={onClose}
    >
      <TextInput
        label={t('careTasks.cancel.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        data-autofocus
        maxLength={500}
      />
    </ConfirmDialog>
  );
}
