import { Alert, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HOLIDAY_IDS,
  MESSAGE_CATEGORIES,
  TEMPLATE_FORMATS,
  type MessageCategory,
  type MessageTemplateInput,
} from '../../../../contracts/care';
import { LOCALES, type Locale } from '../../../../contracts/common';
import { allowedVariables } from '../../../../domain/care/templates';
import { HOLIDAY_LABELS } from '../../../../domain/care/holidays';
import { Icon } from '../../../components/icons';
import { LANGUAGE_NAMES } from '../../../components/language-menu';
import { ErrorAlert } from '../../../components/query-state';
import { usePreview, useSaveTemplate, type Template } from '../api/templates';
import { asLocale } from '../lib/reasons';

type Props = {
  template: Template | null;
  defaults: { category: MessageCategory; locale: Locale };
  onClose: () => void;
};

type Span = { start: number; end: number };

/** The text with the spans the tone check found marked. */
export function Highlighted({ text, spans }: { text: string; spans: Span[] }) {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    if (s.start > at) parts.push({ text: text.slice(at, s.start), mark: false });
    parts.push({ text: text.slice(s.start, s.end), mark: true });
    at = s.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((p, i) =>
        p.mark ? (
          <mark key={i} style={{ background: 'var(--mantine-color-yellow-3)', padding: '0 2px', borderRadius: 3 }}>
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </Text>
  );
}

/** Edit a template with a live preview, variable errors and tone warnings highlighted. */
export function TemplateEditor({ template, defaults, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const uiLocale = asLocale(i18n.language);
  const [draft, setDraft] = useState<MessageTemplateInput>(() => ({
    category: template?.category ?? defaults.category,
    locale: template?.locale ?? defaults.locale,
    format: template?.format ?? 'message',
    title: template?.title ?? '',
    subject: template?.subject ?? null,
    body: template?.body ?? '',
    allowsBenefit: template?.allowsBenefit ?? false,
    holidayId: template?.holidayId ?? null,
    termId: template?.termId ?? null,
  }));
  const [debounced] = useDebouncedValue(draft, 300);
  const preview = usePreview(debounced.body.trim() ? debounced : null);
  const save = useSaveTemplate(template?.id ?? null);
  const [saved, setSaved] = useState<null | 'ok' | 'warn'>(null);
  const set = (patch: Partial<MessageTemplateInput>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(null);
  };
  const variables = useMemo(
    () =>
      allowedVariables(draft.category)
        .map((v) => `{${v}}`)
        .join(' '),
    [draft.category],
  );
  const p = preview.data;
  // Tone spans are over "subject\nbody"; the body's start is after the subject's line.
  const offset = draft.subject ? draft.subject.length + 1 : 0;
  const bodySpans = (p?.tone ?? [])
    .map((f) => ({ start: f.start - offset, end: f.end - offset }))
    .filter((s) => s.start >= 0);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('careTasks.templates.formTitle')}
      size="xl"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('careTasks.templates.name')}
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          required
          maxLength={80}
        />
        <Group grow wrap="wrap" gap="sm">
          <Select
            label={t('careTasks.templates.category')}
            data={MESSAGE_CATEGORIES.map((c) => ({ value: c, label: t(`care.categories.${c}`) }))}
            value={draft.category}
            onChange={(v) =>
              v && set({ category: v as MessageCategory, holidayId: null, termId: null, allowsBenefit: false })
            }
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('careTasks.templates.language')}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={draft.locale}
            onChange={(v) => v && set({ locale: v as Locale })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('careTasks.templates.format')}
            data={TEMPLATE_FORMATS.map((f) => ({ value: f, label: t(`care.formats.${f}`) }))}
            value={draft.format ?? 'message'}
            onChange={(v) => v && set({ format: v as 'message' | 'script' })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {draft.category === 'holiday' && (
          <Select
            label={t('careTasks.templates.holiday')}
            data={[
              { value: '', label: t('careTasks.templates.anyHoliday') },
              ...HOLIDAY_IDS.map((h) => ({ value: h, label: HOLIDAY_LABELS[h][uiLocale] })),
            ]}
            value={draft.holidayId ?? ''}
            onChange={(v) => set({ holidayId: (v || null) as MessageTemplateInput['holidayId'] })}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <TextInput
          label={t('careTasks.templates.subject')}
          value={draft.subject ?? ''}
          onChange={(e) => set({ subject: e.currentTarget.value || null })}
          maxLength={120}
        />
        <Textarea
          label={t('careTasks.templates.body')}
          description={t('careTasks.templates.bodyHint', { variables, interpolation: { escapeValue: false } })}
          value={draft.body}
          onChange={(e) => set({ body: e.currentTarget.value })}
          autosize
          minRows={4}
          maxLength={2000}
          required
          data-testid="template-body"
        />
        {draft.category === 'birthday' && (
          <Checkbox
            label={t('careTasks.templates.allowsBenefit')}
            checked={draft.allowsBenefit ?? false}
            onChange={(e) => set({ allowsBenefit: e.currentTarget.checked })}
          />
        )}

        {p && p.issues.length > 0 && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            <Stack gap={2}>
              {p.issues.map((x, i) => (
                <Text size="sm" key={i}>
                  {t(`care.templateIssues.${x.code}`, {
                    variable: x.variable ? `{${x.variable}}` : '',
                    interpolation: { escapeValue: false },
                  })}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {p && (
          <Alert
            color={p.tone.length ? 'yellow' : 'green'}
            variant="light"
            icon={<Icon name={p.tone.length ? 'alert' : 'check'} />}
            title={p.tone.length ? t('careTasks.templates.toneWarnings') : undefined}
            data-testid="tone-result"
          >
            {p.tone.length ? (
              <Stack gap={4}>
                <Highlighted text={draft.body} spans={bodySpans} />
                <Text size="xs">
                  {[...new Set(p.tone.map((f) => f.kind))].map((k) => t(`care.tone.${k}`)).join(' · ')}
                </Text>
              </Stack>
            ) : (
              t('careTasks.templates.toneOk')
            )}
          </Alert>
        )}
        {p && (
          <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
            <Text size="xs" c="dimmed" mb={4}>
              {t('careTasks.templates.preview')}
            </Text>
            {p.subject && (
              <Text size="sm" fw={600}>
                {p.subject}
              </Text>
            )}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="template-preview">
              {p.text}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('careTasks.templates.previewLength', { count: p.length, segments: p.smsSegments })}
            </Text>
          </Paper>
        )}
        {save.error != null && <ErrorAlert error={save.error} />}
        {saved && (
          <Alert color={saved === 'ok' ? 'green' : 'yellow'} variant="light" role="status">
            {t(saved === 'ok' ? 'careTasks.templates.saved' : 'careTasks.templates.savedWithWarnings')}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={!draft.title.trim() || !draft.body.trim() || Boolean(p?.issues.length)}
            onClick={() =>
              save.mutate(
                { ...draft, subject: draft.subject?.trim() || null },
                { onSuccess: (r) => (r.tone.length ? setSaved('warn') : onClose()) },
              )
            }
          >
            {t('careTasks.templates.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
