// A group of conditions: "all of" / "any of", its conditions and nested groups, and the buttons that add them.
import { ActionIcon, Button, Group, Menu, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DEPTH, type Condition, type ConditionGroup, type SegmentOptions } from '../../../../contracts/segments';
import { Icon } from '../../../components/icons';
import { useSession } from '../../auth/api/get-me';
import { ConditionEditor } from './condition-editor';
import { isComplete, KIND_ORDER, newCondition } from './definition';

type Props = {
  value: ConditionGroup;
  onChange(next: ConditionGroup): void;
  onRemove?: () => void;
  options: SegmentOptions | undefined;
  depth?: number;
};

export function GroupEditor({ value, onChange, onRemove, options, depth = 1 }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const labelId = useId();
  const currency = session.currentStore?.currency ?? 'CNY';
  const replace = (i: number, next: Condition | null) =>
    onChange({
      ...value,
      conditions: next
        ? value.conditions.map((c, j) => (j === i ? next : c))
        : value.conditions.filter((_, j) => j !== i),
    });
  const add = (c: Condition) => onChange({ ...value, conditions: [...value.conditions, c] });

  return (
    <Paper
      withBorder={depth > 1}
      p={depth > 1 ? 'sm' : 0}
      radius="md"
      bg={depth > 1 ? 'var(--mantine-color-gray-0)' : undefined}
      role="group"
      aria-labelledby={labelId}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text id={labelId} size="sm" fw={600}>
              {depth > 1 ? t('segments.builder.group') : t('segments.builder.match')}
            </Text>
            <SegmentedControl
              size="xs"
              value={value.op}
              onChange={(op) => onChange({ ...value, op: op as 'and' | 'or' })}
              data={[
                { value: 'and', label: t('segments.builder.all') },
                { value: 'or', label: t('segments.builder.any') },
              ]}
              aria-label={t('segments.builder.matchLabel')}
            />
          </Group>
          {onRemove && (
            <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('segments.builder.removeGroup')}>
              <Icon name="trash" size={16} />
            </ActionIcon>
          )}
        </Group>
        {value.conditions.length === 0 && (
          <Text size="sm" c="dimmed">
            {depth > 1 ? t('segments.builder.emptyGroup') : t('segments.builder.emptyRoot')}
          </Text>
        )}
        {value.conditions.map((c, i) => (
          <Stack key={i} gap={4}>
            {i > 0 && (
              <Text size="xs" c="dimmed" fw={700} tt="uppercase" aria-hidden>
                {value.op === 'and' ? t('segments.builder.and') : t('segments.builder.or')}
              </Text>
            )}
            {c.kind === 'group' ? (
              <GroupEditor
                value={c}
                onChange={(next) => replace(i, next)}
                onRemove={() => replace(i, null)}
                options={options}
                depth={depth + 1}
              />
            ) : (
              <ConditionEditor
                value={c}
                onChange={(next) => replace(i, next)}
                onRemove={() => replace(i, null)}
                options={options}
                incomplete={!isComplete(c)}
              />
            )}
          </Stack>
        ))}
        <Group gap="xs">
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="light" leftSection={<Icon name="plus" size={14} />}>
                {t('segments.builder.addCondition')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {KIND_ORDER.map((k) => (
                <Menu.Item key={k} onClick={() => add(newCondition(k, currency))}>
                  {t(`segments.kinds.${k}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          {depth < MAX_DEPTH && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<Icon name="plus" size={14} />}
              onClick={() => add({ kind: 'group', op: value.op === 'and' ? 'or' : 'and', conditions: [] })}
            >
              {t('segments.builder.addGroup')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
