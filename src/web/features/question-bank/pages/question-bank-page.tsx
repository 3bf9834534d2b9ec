import { Alert, Button, Stack, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common';
import type { CustomField, MoveDirection } from '../../../../contracts/custom-fields';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import {
  useEditableBank,
  useMoveQuestion,
  useMoveSection,
  useUpdateQuestion,
  type Section,
} from '../api/question-bank';
import { QuestionFormModal } from '../components/question-form-modal';
import { SectionCard, type SectionActions } from '../components/section-card';
import { SectionFormModal } from '../components/section-form-modal';

type Moving = { id: string; direction: MoveDirection; kind: 'section' | 'question' };

/** /settings/questions — owner and head office keep the question bank (the Mackay-66 profile of seed 002). */
export function QuestionBankPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const bank = useEditableBank();
  const moveSection = useMoveSection();
  const moveQuestion = useMoveQuestion();
  const toggle = useUpdateQuestion();
  const [sectionForm, setSectionForm] = useState<Section | 'new' | null>(null);
  const [questionForm, setQuestionForm] = useState<{ sectionId: string; field: CustomField | null } | null>(null);
  const [confirming, setConfirming] = useState<CustomField | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const moving = useRef<Moving | null>(null);
  const sections = bank.data?.sections ?? [];

  // After a move the list re-renders: keep the focus on the moved row's button (or its other one at an end)
  // and say where it went, so pressing again keeps moving it.
  useEffect(() => {
    const m = moving.current;
    if (!m || !bank.data) return;
    moving.current = null;
    const list =
      m.kind === 'section'
        ? bank.data.sections
        : (bank.data.sections.find((s) => s.fields.some((f) => f.id === m.id))?.fields ?? []);
    const i = list.findIndex((x) => x.id === m.id);
    if (i < 0) return;
    setAnnouncement(t('questionBank.moved', { name: list[i]!.labels[locale], position: i + 1, count: list.length }));
    const other = m.direction === 'up' ? 'down' : 'up';
    const button = (d: string) => document.querySelector<HTMLButtonElement>(`[data-focus-id="${m.id}:${d}"]`);
    const target = button(m.direction);
    (target && !target.disabled ? target : button(other))?.focus();
  }, [bank.data, locale, t]);

  const actions: SectionActions = {
    onMoveSection: (s, direction) => {
      moving.current = { id: s.id, direction, kind: 'section' };
      moveSection.mutate({ id: s.id, direction });
    },
    onMoveQuestion: (f, direction) => {
      moving.current = { id: f.id, direction, kind: 'question' };
      moveQuestion.mutate({ id: f.id, direction });
    },
    onRenameSection: (s) => setSectionForm(s),
    onAddQuestion: (s) => setQuestionForm({ sectionId: s.id, field: null }),
    onEditQuestion: (f) => setQuestionForm({ sectionId: f.sectionId, field: f }),
    onToggleQuestion: (f) => {
      toggle.reset();
      setConfirming(f);
    },
  };
  const moveError = moveSection.error ?? moveQuestion.error;
  const name = confirming?.labels[locale] ?? '';

  return (
    <Stack gap="md">
      <PageHeader
        title={t('questionBank.title')}
        description={t('questionBank.description')}
        mb={0}
        actions={
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setSectionForm('new')}>
            {t('questionBank.addSection')}
          </Button>
        }
      />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {moveError && (
        <Alert color="red" variant="light" role="alert">
          {translateMessage(t, problemMessage(moveError))}
        </Alert>
      )}
      {bank.isPending ? (
        <PageLoader />
      ) : bank.isError ? (
        <ErrorAlert error={bank.error} onRetry={() => void bank.refetch()} />
      ) : sections.length === 0 ? (
        <EmptyBlock icon="listDetails" title={t('questionBank.empty')} description={t('questionBank.loadHelp')} />
      ) : (
        sections.map((s, i) => (
          <SectionCard key={s.id} section={s} index={i} count={sections.length} actions={actions} />
        ))
      )}
      {sectionForm && (
        <SectionFormModal section={sectionForm === 'new' ? null : sectionForm} onClose={() => setSectionForm(null)} />
      )}
      {questionForm && (
        <QuestionFormModal
          sections={sections}
          sectionId={questionForm.sectionId}
          field={questionForm.field}
          onClose={() => setQuestionForm(null)}
        />
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title={t(confirming?.isActive ? 'questionBank.confirm.retireTitle' : 'questionBank.confirm.reactivateTitle', {
          name,
        })}
        message={t(
          confirming?.isActive ? 'questionBank.confirm.retireMessage' : 'questionBank.confirm.reactivateMessage',
          { count: confirming?.answerCount ?? 0 },
        )}
        confirmLabel={t(confirming?.isActive ? 'questionBank.retire' : 'questionBank.reactivate')}
        danger={confirming?.isActive}
        loading={toggle.isPending}
        error={toggle.error}
        onConfirm={() =>
          confirming &&
          toggle.mutate(
            { id: confirming.id, body: { isActive: !confirming.isActive } },
            { onSuccess: () => setConfirming(null) },
          )
        }
        onClose={() => setConfirming(null)}
      />
    </Stack>
  );
}
