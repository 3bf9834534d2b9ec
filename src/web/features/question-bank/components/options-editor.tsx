import { ActionIcon, Button, Fieldset, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { labelErrorsFor, newOption, type DraftErrors, type OptionDraft } from '../question-draft';
import { LabelsFields } from './labels-fields';

type Props = {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  errors: DraftErrors;
  /** Customers have answered: existing options may be renamed, not removed. */
  isLocked: boolean;
};

/** The options of a choice question, each in four languages, ordered with buttons (no dragging). */
export function OptionsEditor({ options, onChange, errors, isLocked }: Props) {
  const { t } = useTranslation();
  const set = (i: number, o: OptionDraft) => onChange(options.map((x, j) => (j === i ? o : x)));
  const swap = (i: number, j: number) => {
    const next = [...options];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  return (
    <Fieldset legend={t('questionBank.form.options')} variant="unstyled">
      <Stack gap="sm">
        <Text
          size="xs"
          c={errors.options ? 'var(--mantine-color-error)' : 'dimmed'}
          role={errors.options ? 'alert' : undefined}
        >
          {errors.options
            ? t(errors.options)
            : t(isLocked ? 'questionBank.form.optionsLocked' : 'questionBank.form.optionsHelp')}
        </Text>
        {options.map((o, i) => {
          const n = i + 1;
          const name = t('questionBank.form.option', { n });
          return (
            <Paper key={o.uid} withBorder radius="md" p="sm" component="section" aria-label={name}>
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {name}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    size="lg"
                    disabled={i === 0}
                    onClick={() => swap(i, i - 1)}
                    aria-label={t('questionBank.form.moveOptionUp', { n })}
                  >
                    <Icon name="arrowUp" size={18} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    size="lg"
                    disabled={i === options.length - 1}
                    onClick={() => swap(i, i + 1)}
                    aria-label={t('questionBank.form.moveOptionDown', { n })}
                  >
                    <Icon name="arrowDown" size={18} />
                  </ActionIcon>
                  {(o.isNew || !isLocked) && (
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="lg"
                      onClick={() => onChange(options.filter((_, j) => j !== i))}
                      aria-label={t('questionBank.form.removeOption', { n })}
                    >
                      <Icon name="trash" size={18} />
                    </ActionIcon>
                  )}
                </Group>
              </Group>
              <LabelsFields
                value={o.labels}
                onChange={(labels) => set(i, { ...o, labels })}
                errors={labelErrorsFor(errors, `options.${i}.labels`, t)}
                prefix={name}
              />
            </Paper>
          );
        })}
        <Group>
          <Button
            variant="light"
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => onChange([...options, newOption()])}
            disabled={options.length >= 50}
          >
            {t('questionBank.form.addOption')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
