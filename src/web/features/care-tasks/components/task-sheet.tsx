import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Divider,
  Group,
  Menu,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TierBadge } from '../../loyalty/components/tier-badge';
import { Link } from 'react-router-dom';
import type { TaskDetail } from '../../../../contracts/care-tasks';
import { Icon } from '../../../components/icons';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatDayMedium } from '../../../lib/days';
import { formatDateTime } from '../../../lib/format';
import { ContactCustomerButton } from '../../messaging/components/contact-customer-button';
import { taskKey, useTask } from '../api/tasks';
import { asLocale, reasonText } from '../lib/reasons';
import { CompleteForm } from './complete-form';
import { TaskEssentials } from './task-essentials';
import { CancelDialog, ReassignModal, SnoozeModal } from './task-modals';
import { KIND_ICON } from './task-card';

type Props = { taskId: string; today: string; timeZone: string; onClose: () => void };

/** One task, full screen on a phone: why, the words to say, one-tap contact, and how it went. */
export function TaskSheet({ taskId, today, timeZone, onClose }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const task = useTask(taskId);
  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen={isPhone}
      size="lg"
      title={task.data ? task.data.customer.displayName : t('common.loading')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {task.isPending && <PageLoader />}
      {task.error != null && <ErrorAlert error={task.error} onRetry={() => void task.refetch()} />}
      {task.data && <TaskBody task={task.data} today={today} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function TaskBody({
  task,
  today,
  timeZone,
  onClose,
}: {
  task: TaskDetail;
  today: string;
  timeZone: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const locale = asLocale(i18n.language);
  const [choice, setChoice] = useState(task.suggestions[0]?.templateId ?? null);
  const chosen = task.suggestions.find((s) => s.templateId === choice) ?? null;
  const [text, setText] = useState(chosen?.text ?? '');
  const [subject, setSubject] = useState(chosen?.subject ?? '');
  const [dialog, setDialog] = useState<'snooze' | 'reassign' | 'cancel' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = task.status === 'open';
  const c = task.customerFile;

  useEffect(() => {
    setText(chosen?.text ?? '');
    setSubject(chosen?.subject ?? '');
  }, [chosen]);

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="filled" leftSection={<Icon name={KIND_ICON[task.kind]} size={14} />}>
          {t(`careTasks.kinds.${task.kind}`)}
        </Badge>
        <TierBadge tier={task.customer.tier} />
        <Text size="sm" c={task.dueOn < today ? 'red.7' : 'dimmed'}>
          {t('careTasks.card.due', { date: formatDayMedium(task.dueOn, i18n.language) })}
          {task.originalDueOn !== task.dueOn &&
            ` · ${t('careTasks.card.snoozedFrom', { date: formatDayMedium(task.originalDueOn, i18n.language) })}`}
        </Text>
      </Group>

      <section aria-labelledby="task-why">
        <Title order={3} fz="h5" id="task-why" mb={4}>
          {t('careTasks.detail.why')}
        </Title>
        <Stack gap={2} component="ul" m={0} pl="md">
          {task.reasons.map((r) => (
            <Text component="li" size="sm" key={r.occasionKey}>
              {reasonText(t, r, locale)}
            </Text>
          ))}
        </Stack>
      </section>

      {done && (
        <Alert color="green" variant="light" icon={<Icon name="check" />} role="status">
          {done}
          {task.complaintId && (
            <>
              {' '}
              <Anchor component={Link} to={`/complaints/${task.complaintId}`}>
                {t('careTasks.detail.complaintLink')}
              </Anchor>
            </>
          )}
        </Alert>
      )}
      {!open && !done && (
        <Alert color="gray" variant="light" icon={<Icon name="check" />}>
          {task.status === 'done'
            ? t('careTasks.detail.done', { outcome: t(`careTasks.complete.outcomes.${task.outcome ?? 'reached'}`) })
            : t('careTasks.detail.cancelled')}
          {task.note ? ` — ${task.note}` : ''}
          {task.complaintId && (
            <>
              {' '}
              <Anchor component={Link} to={`/complaints/${task.complaintId}`}>
                {t('careTasks.detail.complaintLink')}
              </Anchor>
            </>
          )}
        </Alert>
      )}

      {open && (
        <section aria-labelledby="task-words">
          <Title order={3} fz="h5" id="task-words" mb={4}>
            {t('careTasks.detail.suggested')}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {task.suggestions.length ? t('careTasks.detail.suggestedHint') : t('careTasks.detail.noSuggestion')}
          </Text>
          <Stack gap="xs">
            {task.suggestions.length > 1 && (
              <Select
                label={t('careTasks.detail.template')}
                data={task.suggestions.map((s) => ({
                  value: s.templateId,
                  label: `${s.title} · ${t(s.format === 'script' ? 'careTasks.detail.script' : 'careTasks.detail.message')}`,
                }))}
                value={choice}
                onChange={setChoice}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {chosen?.subject != null && (
              <TextInput
                label={t('careTasks.templates.subject')}
                lang={chosen.locale}
                value={subject}
                onChange={(e) => setSubject(e.currentTarget.value)}
              />
            )}
            <Textarea
              aria-label={t('careTasks.detail.suggested')}
              // Her language, which may not be the screen's: the right glyphs for Japanese or traditional text.
              lang={chosen?.locale}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={5000}
              data-testid="task-message"
            />
          </Stack>
        </section>
      )}

      {open && (
        <Group gap="xs" wrap="nowrap">
          <ContactCustomerButton
            customer={c}
            text={chosen?.format === 'script' ? '' : text}
            subject={subject}
            taskId={task.id}
            purpose={task.category === 'after_purchase' ? 'after_purchase' : 'care'}
            label={t('careTasks.detail.callOrMessage')}
            onRecorded={() => void qc.invalidateQueries({ queryKey: taskKey(task.id) })}
            buttonProps={{ size: 'md', style: { flex: 1 } }}
          />
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size={42} aria-label={t('careTasks.actions.more')}>
                <Icon name="dots" size={20} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<Icon name="clock" size={16} />} onClick={() => setDialog('snooze')}>
                {t('careTasks.actions.snooze')}
              </Menu.Item>
              <Menu.Item leftSection={<Icon name="users" size={16} />} onClick={() => setDialog('reassign')}>
                {t('careTasks.actions.reassign')}
              </Menu.Item>
              <Menu.Item color="red" leftSection={<Icon name="ban" size={16} />} onClick={() => setDialog('cancel')}>
                {t('careTasks.actions.cancel')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}

      {task.contacts.length > 0 && (
        <section aria-labelledby="task-contacts">
          <Title order={3} fz="h5" id="task-contacts" mb={4}>
            {t('careTasks.detail.contacts')}
          </Title>
          {task.contacts.map((x) => (
            <Text size="sm" key={x.id}>
              {formatDateTime(x.contactedAt, i18n.language, timeZone)} · {t(`careTasks.channels.${x.channel}`)} ·{' '}
              {t(`messaging.outcome.${x.outcome}`)}
            </Text>
          ))}
        </section>
      )}

      {open && (
        <Paper withBorder radius="md" p="sm">
          <CompleteForm task={task} today={today} timeZone={timeZone} onDone={setDone} />
        </Paper>
      )}

      <Divider />
      <TaskEssentials task={task} timeZone={timeZone} onClose={onClose} />

      {dialog === 'snooze' && (
        <SnoozeModal task={task} today={today} timeZone={timeZone} onClose={() => setDialog(null)} onDone={setDone} />
      )}
      {dialog === 'reassign' && (
        <ReassignModal
          task={task}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            setDone(m);
            onClose();
          }}
        />
      )}
      {dialog === 'cancel' && <CancelDialog task={task} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
