import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TierBadge } from '../../loyalty/components/tier-badge';
import type { TaskListItem } from '../../../../contracts/care-tasks';
import { Icon, type IconName } from '../../../components/icons';
import { formatDayMedium } from '../../../lib/days';
import { formatDate } from '../../../lib/format';
import { asLocale, reasonText } from '../lib/reasons';

export const KIND_ICON: Record<TaskListItem['kind'], IconName> = {
  call: 'phone',
  message: 'message',
  visit: 'store',
  letter: 'mail',
};

type Props = { task: TaskListItem; today: string; timeZone: string; showAssignee: boolean; onOpen: () => void };

/** One task in the list: who, why, and how (call, message, visit), one tap to open it. */
export function TaskCard({ task, today, timeZone, showAssignee, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const overdue = task.dueOn < today;
  return (
    <Card withBorder radius="md" p={0} data-testid="task-card">
      <UnstyledButton
        onClick={onOpen}
        p="md"
        style={{ display: 'block', width: '100%' }}
        aria-label={t('careTasks.card.open', { name: task.customer.displayName })}
      >
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Text fw={600} truncate>
                {task.customer.displayName}
              </Text>
              <TierBadge tier={task.customer.tier} />
            </Group>
            <Badge
              variant={task.kind === 'call' ? 'filled' : 'light'}
              leftSection={<Icon name={KIND_ICON[task.kind]} size={14} />}
              style={{ flexShrink: 0 }}
            >
              {t(`careTasks.kinds.${task.kind}`)}
            </Badge>
          </Group>
          <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {task.reasons.map((r) => (
              <Text component="li" size="sm" key={r.occasionKey}>
                {reasonText(t, r, locale)}
              </Text>
            ))}
          </Stack>
          <Group gap="xs" c="dimmed" wrap="wrap">
            {task.dueOn !== today && (
              <Text size="xs" c={overdue ? 'red.7' : 'dimmed'} fw={overdue ? 600 : undefined}>
                {t('careTasks.card.due', { date: formatDayMedium(task.dueOn, i18n.language) })}
              </Text>
            )}
            <Text size="xs">
              {task.customer.lastVisitAt
                ? t('careTasks.card.lastVisit', {
                    date: formatDate(task.customer.lastVisitAt, i18n.language, timeZone),
                  })
                : t('careTasks.card.neverVisited')}
            </Text>
            {showAssignee && (
              <Text size="xs">
                {task.assignee
                  ? t('careTasks.card.assignee', { name: task.assignee.name })
                  : t('careTasks.card.unassigned')}
              </Text>
            )}
            {task.escalatedTo && (
              <Text size="xs" c="orange.8">
                {t('careTasks.card.escalated', { name: task.escalatedTo.name })}
              </Text>
            )}
          </Group>
        </Stack>
      </UnstyledButton>
    </Card>
  );
}
