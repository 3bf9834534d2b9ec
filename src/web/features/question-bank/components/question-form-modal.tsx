import { Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_TYPES, type CustomField } from '../../../../contracts/custom-fields';
import type { Locale } from '../../../../contracts/common';
import { FormModal } from '../../../components/form-modal';
import { isApiError } from '../../../lib/api-client';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useCreateQuestion, useUpdateQuestion, type Section } from '../api/question-bank';
import {
  draftOf,
  emptyDraft,
  isChoice,
  labelErrorsFor,
  serverErrors,
  suggestKey,
  toBody,
  validateDraft,
  type DraftErrors,
  type QuestionDraft,
} from '../question-draft';
import { LabelsFields } from './labels-fields';
import { OptionsEditor } from './options-editor';
import { QuestionPreview } from './question-preview';

type Props = {
  sections: Section[];
  /** The section a new question goes into. */
  sectionId: string;
  /** The question being edited; null to add one. */
  field: CustomField | null;
  onClose: () => void;
};

/** Add or edit a question: kind of answer, code, wording in four languages, options, and a live preview. */
export function QuestionFormModal({ sections, sectionId: initialSection, field, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const isNew = field === null;
  const create = useCreateQuestion();
  const update = useUpdateQuestion();
  const [draft, setDraft] = useState<QuestionDraft>(() => (field ? draftOf(field) : emptyDraft()));
  const [sectionId, setSectionId] = useState(field?.sectionId ?? initialSection);
  const [keyTouched, setKeyTouched] = useState(!isNew);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function change(next: Partial<QuestionDraft>) {
    setDraft((d) => {
      const merged = { ...d, ...next };
      // Until she types a code herself, it follows the English wording.
      if (!keyTouched && next.labels) merged.key = suggestKey(next.labels.en);
      return merged;
    });
    setErrors({});
  }

  function fail(err: unknown) {
    setFormError(translateMessage(t, problemMessage(err)));
    if (isApiError(err)) setErrors(serverErrors(err.fields));
  }

  function submit() {
    setFormError(null);
    const problems = validateDraft(draft, { isNew });
    setErrors(problems);
    if (Object.keys(problems).length) return setFormError(t('errors:validation_failed'));
    const body = toBody(draft);
    if (isNew) create.mutate({ ...body, sectionId }, { onSuccess: onClose, onError: fail });
    else
      update.mutate(
        {
          id: field.id,
          body: {
            labels: body.labels,
            ...(isChoice(field.type) ? { options: body.options } : {}),
            ...(sectionId !== field.sectionId ? { sectionId } : {}),
          },
        },
        { onSuccess: onClose, onError: fail },
      );
  }

  const types = FIELD_TYPES.map((type) => ({ value: type, label: t(`questionBank.types.${type}`) }));
  return (
    <FormModal
      opened
      title={t(isNew ? 'questionBank.form.addTitle' : 'questionBank.form.editTitle')}
      submitLabel={t(isNew ? 'questionBank.form.add' : 'questionBank.form.save')}
      loading={create.isPending || update.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Select
        label={t('questionBank.form.section')}
        data={sections.map((s) => ({ value: s.id, label: s.labels[locale] }))}
        value={sectionId}
        onChange={(v) => v && setSectionId(v)}
        allowDeselect={false}
      />
      <Select
        label={t('questionBank.form.type')}
        data={types}
        value={draft.type}
        onChange={(v) => v && change({ type: v as QuestionDraft['type'] })}
        allowDeselect={false}
        disabled={!isNew}
        description={isNew ? undefined : t('questionBank.form.typeFixed')}
      />
      <LabelsFields
        legend={t('questionBank.form.labels')}
        help={t('questionBank.form.labelsHelp')}
        value={draft.labels}
        onChange={(labels) => change({ labels })}
        errors={labelErrorsFor(errors, 'labels', t)}
        autoFocus
      />
      {isNew ? (
        <TextInput
          label={t('questionBank.form.key')}
          description={t('questionBank.form.keyHelp')}
          value={draft.key}
          onChange={(e) => {
            setKeyTouched(true);
            change({ key: e.currentTarget.value.toLowerCase() });
          }}
          error={errors.key ? t(errors.key) : undefined}
          maxLength={60}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          withAsterisk
        />
      ) : (
        <Text size="sm">
          <Text span c="dimmed">
            {t('questionBank.form.key')}:{' '}
          </Text>
          <code>{draft.key}</code>
        </Text>
      )}
      {isChoice(draft.type) && (
        <OptionsEditor
          options={draft.options}
          onChange={(options) => change({ options })}
          errors={errors}
          isLocked={!isNew && (field?.answerCount ?? 0) > 0}
        />
      )}
      <QuestionPreview key={draft.type} draft={draft} />
    </FormModal>
  );
}
