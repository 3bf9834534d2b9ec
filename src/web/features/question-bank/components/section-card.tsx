import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common';
import type { CustomField, MoveDirection } from '../../../../contracts/custom-fields';
import { Icon } from '../../../components/icons';
import { MetaLine } from '../../../components/meta-line';
import { formatList } from '../../../lib/format';
import type { Section } from '../api/question-bank';

export type SectionActions = {
  onMoveSection: (s: Section, direction: MoveDirection) => void;
  onRenameSection: (s: Section) => void;
  onAddQuestion: (s: Section) => void;
  onMoveQuestion: (f: CustomField, direction: MoveDirection) => void;
  onEditQuestion: (f: CustomField) => void;
  onToggleQuestion: (f: CustomField) => void;
};

/** Up and down buttons: a move for keyboards and thumbs, no dragging needed. */
function MoveButtons({
  id,
  name,
  isFirst,
  isLast,
  onMove,
}: {
  id: string;
  name: string;
  isFirst: boolean;
  isLast: boolean;
  onMove: (d: MoveDirection) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        size="lg"
        disabled={isFirst}
        onClick={() => onMove('up')}
        aria-label={t('questionBank.moveUpAction', { name })}
        data-focus-id={`${id}:up`}
      >
        <Icon name="arrowUp" size={18} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        size="lg"
        disabled={isLast}
        onClick={() => onMove('down')}
        aria-label={t('questionBank.moveDownAction', { name })}
        data-focus-id={`${id}:down`}
      >
        <Icon name="arrowDown" size={18} />
      </ActionIcon>
    </Group>
  );
}

function QuestionRow({
  f,
  index,
  count,
  actions,
}: {
  f: CustomField;
  index: number;
  count: number;
  actions: SectionActions;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const name = f.labels[locale];
  const options = f.options.map((o) => o.labels[locale]);
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      bg={f.isActive ? undefined : 'gray.0'}
      aria-label={name}
      data-retired={!f.isActive || undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} c={f.isActive ? undefined : 'dimmed'}>
              {index + 1}. {name}
            </Text>
            {!f.isActive && (
              <Badge color="gray.7" variant="filled" size="sm">
                {t('questionBank.retiredBadge')}
              </Badge>
            )}
          </Group>
          <MetaLine
            parts={[t(`questionBank.types.${f.type}`), f.key, t('questionBank.answers', { count: f.answerCount })]}
          />
          {options.length > 0 && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {formatList(options, locale)}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <MoveButtons
            id={f.id}
            name={name}
            isFirst={index === 0}
            isLast={index === count - 1}
            onMove={(d) => actions.onMoveQuestion(f, d)}
          />
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => actions.onEditQuestion(f)}
            aria-label={t('questionBank.editAction', { name })}
          >
            <Icon name="edit" size={18} />
          </ActionIcon>
          <Button
            size="compact-sm"
            variant="subtle"
            c={f.isActive ? 'red.9' : undefined}
            onClick={() => actions.onToggleQuestion(f)}
            aria-label={t(f.isActive ? 'questionBank.retireAction' : 'questionBank.reactivateAction', { name })}
          >
            {t(f.isActive ? 'questionBank.retire' : 'questionBank.reactivate')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** A section with its questions in the order her page asks them. */
export function SectionCard({
  section,
  index,
  count,
  actions,
}: {
  section: Section;
  index: number;
  count: number;
  actions: SectionActions;
}) {
  const { t, i18n } = useTranslation();
  const name = section.labels[i18n.language as Locale];
  const headingId = `section-${section.id}`;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="center" gap="xs" mb="sm" wrap="wrap">
        <Group gap="xs" style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id={headingId}>
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            {section.key}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          <MoveButtons
            id={section.id}
            name={name}
            isFirst={index === 0}
            isLast={index === count - 1}
            onMove={(d) => actions.onMoveSection(section, d)}
          />
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => actions.onRenameSection(section)}
            aria-label={t('questionBank.renameAction', { name })}
          >
            {t('questionBank.rename')}
          </Button>
        </Group>
      </Group>
      {section.fields.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('questionBank.noQuestions')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} mb="sm" style={{ listStyle: 'none' }}>
          {section.fields.map((f, i) => (
            <QuestionRow key={f.id} f={f} index={i} count={section.fields.length} actions={actions} />
          ))}
        </Stack>
      )}
      <Button
        variant="light"
        leftSection={<Icon name="plus" size={16} />}
        onClick={() => actions.onAddQuestion(section)}
        aria-label={t('questionBank.addQuestionTo', { section: name })}
      >
        {t('questionBank.addQuestion')}
      </Button>
    </Paper>
  );
}
