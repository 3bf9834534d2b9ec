import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Labels } from '../../../../contracts/custom-fields';
import { FormModal } from '../../../components/form-modal';
import { isApiError } from '../../../lib/api-client';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useCreateSection, useUpdateSection, type Section } from '../api/question-bank';
import {
  EMPTY_LABELS,
  labelErrorsFor,
  serverErrors,
  suggestKey,
  toBody,
  validateDraft,
  type DraftErrors,
} from '../question-draft';
import { LabelsFields } from './labels-fields';

/** Add a section (code + name in four languages) or rename one. */
export function SectionFormModal({ section, onClose }: { section: Section | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isNew = section === null;
  const create = useCreateSection();
  const update = useUpdateSection();
  const [labels, setLabels] = useState<Labels>(section?.labels ?? { ...EMPTY_LABELS });
  const [key, setKey] = useState(section?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(!isNew);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function fail(err: unknown) {
    setFormError(translateMessage(t, problemMessage(err)));
    if (isApiError(err)) setErrors(serverErrors(err.fields));
  }

  function submit() {
    setFormError(null);
    // A section is checked like a text question: a code and the four names.
    const problems = validateDraft({ key, type: 'text', labels, options: [] }, { isNew });
    setErrors(problems);
    if (Object.keys(problems).length) return setFormError(t('errors:validation_failed'));
    const body = toBody({ key, type: 'text', labels, options: [] });
    if (isNew) create.mutate({ key: body.key, labels: body.labels }, { onSuccess: onClose, onError: fail });
    else update.mutate({ id: section.id, body: { labels: body.labels } }, { onSuccess: onClose, onError: fail });
  }

  return (
    <FormModal
      opened
      title={t(isNew ? 'questionBank.addSection' : 'questionBank.editSectionTitle')}
      submitLabel={t(isNew ? 'questionBank.form.addSection' : 'questionBank.form.save')}
      loading={create.isPending || update.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <LabelsFields
        legend={t('questionBank.form.sectionLabels')}
        value={labels}
        onChange={(next) => {
          setLabels(next);
          if (!keyTouched) setKey(suggestKey(next.en));
          setErrors({});
        }}
        errors={labelErrorsFor(errors, 'labels', t)}
        autoFocus
      />
      {isNew && (
        <TextInput
          label={t('questionBank.form.key')}
          description={t('questionBank.form.sectionKeyHelp')}
          value={key}
          onChange={(e) => {
            setKeyTouched(true);
            setKey(e.currentTarget.value.toLowerCase());
            setErrors({});
          }}
          error={errors.key ? t(errors.key) : undefined}
          maxLength={60}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          withAsterisk
        />
      )}
    </FormModal>
  );
}
