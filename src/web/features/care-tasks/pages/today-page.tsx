import { Button, Group, SegmentedControl, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { TASK_VIEWS, type TaskScope, type TaskView } from '../../../../contracts/care-tasks';
import { Icon } from '../../../components/icons';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { PageHeader } from '../../../components/page-header';
import { todayIn } from '../../../lib/days';
import { formatLongDate } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useTaskList } from '../api/tasks';
import { TaskCard } from '../components/task-card';
import { TaskSheet } from '../components/task-sheet';

const VIEW_ICONS = { today: 'calendar', upcoming: 'clock', overdue: 'alert' } as const;

/** /today — what a guide opens in the morning: her care tasks for today, coming up and overdue. */
export function TodayPage() {
  const { t, i18n } = useTranslation();
  const { user, currentStore } = useSession();
  const [params, setParams] = useSearchParams();
  const view: TaskView = TASK_VIEWS.find((v) => v === params.get('view')) ?? 'today';
  const isManager = can(user.role, 'contactStats');
  const scope: TaskScope = isManager && params.get('scope') === 'store' ? 'store' : 'mine';
  const taskId = params.get('task');
  const timeZone = currentStore?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const list = useTaskList(view, scope, currentStore?.id ?? null);
  const today = list.data?.pages[0]?.today ?? todayIn(timeZone);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: !('task' in patch) });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('careTasks.page.title')}
        description={formatLongDate(new Date(), i18n.language, timeZone)}
        mb={0}
        actions={
          isManager ? (
            <SegmentedControl
              aria-label={t('careTasks.scope.label')}
              value={scope}
              onChange={(v) => set({ scope: v === 'store' ? 'store' : null })}
              data={[
                { value: 'mine', label: t('careTasks.scope.mine') },
                { value: 'store', label: t('careTasks.scope.store') },
              ]}
            />
          ) : undefined
        }
      />
      {scope === 'store' && currentStore && (
        <Text size="sm" c="dimmed" mt={-8}>
          {t('careTasks.page.storeScope', { store: currentStore.name })}
        </Text>
      )}
      <Tabs value={view} onChange={(v) => set({ view: v && v !== 'today' ? v : null })} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {TASK_VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v} leftSection={<Icon name={VIEW_ICONS[v]} size={16} />}>
              {t(`careTasks.tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {list.isPending && <PageLoader />}
      {list.error != null && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && (
        <EmptyBlock
          icon={view === 'overdue' ? 'check' : 'calendar'}
          title={t(`careTasks.empty.${view}`)}
          description={t(`careTasks.empty.${view}Hint`)}
        />
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {items.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              today={today}
              timeZone={timeZone}
              showAssignee={scope === 'store'}
              onOpen={() => set({ task: task.id })}
            />
          ))}
        </SimpleGrid>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('careTasks.loadMore')}
          </Button>
        </Group>
      )}
      {taskId && <TaskSheet taskId={taskId} today={today} timeZone={timeZone} onClose={() => set({ task: null })} />}
    </Stack>
  );
}
