import {
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common';
import type { CustomField } from '../../../../contracts/custom-fields';
import type { Customer } from '../../../../contracts/customers';
import { ErrorAlert } from '../../../components/query-state';
import { useQuestionBank, useUpdateCustomer } from '../api/customers';

function answerText(f: CustomField, v: unknown, locale: Locale): string {
  const label = (x: unknown) => f.options.find((o) => o.value === x)?.labels[locale] ?? String(x);
  if (Array.isArray(v)) return v.map(label).join(', ');
  if (f.type === 'choice') return label(v);
  return String(v);
}

/** Answers to the organisation's question bank (the Mackay-66 spirit of seed 002), by section. */
export function CustomAnswersCard({ c }: { c: Customer }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const bank = useQuestionBank();
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
          <Text key={f.key} size="sm">
            <Text span c="dimmed">
              {f.labels[locale]}:{' '}
            </Text>
            {answerText(f, c.custom[f.key], locale)}
          </Text>
        ))}
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
  const input = (f: CustomField) => {
    const label = f.labels[locale];
    const options = f.options.map((o) => ({ value: o.value, label: o.labels[locale] }));
    const v = answers[f.key];
    switch (f.type) {
      case 'choice':
        return (
          <Select
            key={f.key}
            label={label}
            clearable
            data={options}
            value={(v as string) ?? null}
            onChange={(x) => set(f.key, x)}
          />
        );
      case 'multi_choice':
        return (
          <MultiSelect
            key={f.key}
            label={label}
            data={options}
            value={(v as string[]) ?? []}
            onChange={(x) => set(f.key, x)}
          />
        );
      case 'number':
        return (
          <NumberInput
            key={f.key}
            label={label}
            value={(v as number) ?? ''}
            onChange={(x) => set(f.key, x === '' ? null : Number(x))}
          />
        );
      case 'date':
        return (
          <TextInput
            key={f.key}
            type="date"
            label={label}
            value={(v as string) ?? ''}
            onChange={(e) => set(f.key, e.currentTarget.value || null)}
          />
        );
      default:
        return (
          <TextInput
            key={f.key}
            label={label}
            value={(v as string) ?? ''}
            onChange={(e) => set(f.key, e.currentTarget.value || null)}
          />
        );
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('customers.questions.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const custom = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v === undefined ? null : v]));
          update.mutate({ version: c.version, custom }, { onSuccess: onClose });
        }}
      >
        <Stack gap="md">
          {sections.map((s) => (
            <Stack key={s.key} gap="xs">
              <Text fw={700}>{s.labels[locale]}</Text>
              {s.fields.map(input)}
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
