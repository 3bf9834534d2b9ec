import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common';
import type { Labels } from '../../../../contracts/custom-fields';
import { LANGUAGE_NAMES } from '../../../components/language-menu';
import { answerText, CustomFieldInput } from '../../customers/components/custom-field-input';
import { optionValues, type QuestionDraft } from '../question-draft';
import { localesFirst } from './labels-fields';

/**
 * The question as it will look on a customer's page, in any of the four languages: the input a colleague
 * fills in, and the line her page shows once answered. Uses the customer page's own input component.
 */
export function QuestionPreview({ draft }: { draft: QuestionDraft }) {
  const { t, i18n } = useTranslation();
  const [lng, setLng] = useState<Locale>(localesFirst(i18n.language)[0]!);
  const [value, setValue] = useState<unknown>(null);
  const orNoLabel = (labels: Labels): Labels => ({
    ...labels,
    [lng]: labels[lng].trim() || t('questionBank.preview.noLabel'),
  });
  const values = optionValues(draft.options);
  const field = {
    key: draft.key || 'preview',
    type: draft.type,
    labels: orNoLabel(draft.labels),
    options: draft.type.includes('choice')
      ? draft.options.map((o, i) => ({ value: values[i]!, labels: orNoLabel(o.labels) }))
      : [],
  };
  const isAnswered = value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
  return (
    <Card withBorder radius="md" padding="sm" bg="gray.0" component="section" aria-labelledby="question-preview-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="question-preview-title">
          {t('questionBank.preview.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={lng}
          onChange={(v) => setLng(v as Locale)}
          data={localesFirst(i18n.language).map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          aria-label={t('questionBank.preview.language')}
          fullWidth
        />
        <Text size="xs" c="dimmed">
          {t('questionBank.preview.form')}
        </Text>
        <div lang={lng}>
          <CustomFieldInput key={`${draft.type}-${lng}`} field={field} locale={lng} value={value} onChange={setValue} />
        </div>
        <Text size="xs" c="dimmed">
          {t('questionBank.preview.card')}
        </Text>
        <Text size="sm" lang={lng} data-testid="preview-line">
          <Text span c="dimmed">
            {field.labels[lng]}:{' '}
          </Text>
          {isAnswered ? answerText(field, value, lng) : t('questionBank.preview.sample')}
        </Text>
      </Stack>
    </Card>
  );
}
