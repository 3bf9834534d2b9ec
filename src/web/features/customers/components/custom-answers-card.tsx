import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Locale } from '../../../../contracts/common';
import type { CustomField } from '../../../../contracts/custom-fields';
import type { Customer } from '../../../../contracts/customers';
import { ErrorAlert } from '../../../components/query-state';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useQuestionBank, useUpdateCustomer } from '../api/customers';
import { answerText, CustomFieldInput } from './custom-field-input';

/** Answers to the organisation's question bank (the Mackay-66 spirit of seed 002), by section. */
export function CustomAnswersCard({ c }: { c: Customer }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const locale = i18n.language as Locale;
  // Retired questions too: their answers are kept and shown, greyed.
  const bank = useQuestionBank(true);
  const [editing, setEditing] = useState(false);
  if (!bank.data) return null;
  const answered = bank.data.sections.flatMap((s) => s.fields).filter((f) => c.custom[f.key] !== undefined);
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('customers.questions.title')}
          </Title>
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)} disabled={Boolean(c.erasedAt)}>
            {t('customers.questions.answer')}
          </Button>
        </Group>
        {answered.length === 0 && <Text c="dimmed">{t('customers.questions.none')}</Text>}
        {answered.map((f) => (
          <Text key={f.key} size="sm" c={f.isActive ? undefined : 'dimmed'} data-retired={!f.isActive || undefined}>
            <Text span c="dimmed">
              {f.labels[locale]}:{' '}
            </Text>
            {answerText(f, c.custom[f.key], locale)}
            {!f.isActive && (
              <Badge ml={6} size="xs" variant="outline" color="gray.7">
                {t('questionBank.retiredBadge')}
              </Badge>
            )}
          </Text>
        ))}
        {can(me.user.role, 'questionBank') && (
          <Anchor component={Link} to="/settings/questions" size="sm">
            {t('questionBank.editLink')}
          </Anchor>
        )}
      </Stack>
      {editing && <AnswersEditor c={c} sections={bank.data.sections} onClose={() => setEditing(false)} />}
    </Card>
  );
}

type Section = { key: string; labels: Record<Locale, string>; fields: CustomField[] };

function AnswersEditor({ c, sections, onClose }: { c: Customer; sections: Section[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const update = useUpdateCustomer(c.id);
  const [answers, setAnswers] = useState<Record<string, unknown>>({ ...c.custom });
  const set = (k: string, v: unknown) => setAnswers((a) => ({ ...a, [k]: v }));
  // Only questions still asked; a retired one's answer stays as it is.
  const asked = sections
    .map((s) => ({ ...s, fields: s.fields.filter((f) => f.isActive) }))
    .filter((s) => s.fields.length > 0);
  return (
    <Modal opened onClose={onClose} title={t('customers.questions.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const changed = asked
            .flatMap((s) => s.fields)
            .filter((f) => JSON.stringify(answers[f.key] ?? null) !== JSON.stringify(c.custom[f.key] ?? null))
            .map((f) => [f.key, answers[f.key] ?? null]);
          if (!changed.length) return onClose();
          update.mutate({ version: c.version, custom: Object.fromEntries(changed) }, { onSuccess: onClose });
        }}
      >
        <Stack gap="md">
          {asked.map((s) => (
            <Stack key={s.key} gap="xs">
              <Text fw={700}>{s.labels[locale]}</Text>
              {s.fields.map((f) => (
                <CustomFieldInput
                  key={f.key}
                  field={f}
                  locale={locale}
                  value={answers[f.key]}
                  onChange={(v) => set(f.key, v)}
                />
              ))}
            </Stack>
          ))}
          {update.isError && <ErrorAlert error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
