import { Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../contracts/common';
import type { Labels } from '../../../../contracts/custom-fields';
import { LANGUAGE_NAMES } from '../../../components/language-menu';

/** The four languages, the one she is using first (she writes it first, then the others). */
export function localesFirst(current: string): Locale[] {
  const first = LOCALES.find((l) => l === current) ?? 'en';
  return [first, ...LOCALES.filter((l) => l !== first)];
}

type Props = {
  /** Omitted inside a block that names itself (an option card); then `prefix` names the inputs. */
  legend?: string;
  help?: string;
  value: Labels;
  onChange: (labels: Labels) => void;
  /** Error text per language. */
  errors: Partial<Record<Locale, string>>;
  /** Names the inputs when several sets sit in one form ("Option 2: 日本語"). */
  prefix?: string;
  autoFocus?: boolean;
};

/** One text per language, all four required. */
export function LabelsFields({ legend, help, value, onChange, errors, prefix, autoFocus }: Props) {
  const { i18n } = useTranslation();
  const inputs = (
    <Stack gap={6}>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={6}>
        {localesFirst(i18n.language).map((l, i) => (
          <TextInput
            key={l}
            label={LANGUAGE_NAMES[l]}
            aria-label={prefix ? `${prefix}: ${LANGUAGE_NAMES[l]}` : undefined}
            lang={l}
            value={value[l]}
            onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })}
            error={errors[l]}
            maxLength={100}
            withAsterisk
            data-autofocus={autoFocus && i === 0 ? true : undefined}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
  return legend ? (
    <Fieldset
      legend={legend}
      variant="unstyled"
      styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      {inputs}
    </Fieldset>
  ) : (
    inputs
  );
}
