import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { toMajor, toMinor } from '../../purchases/lib/money';
import { useSaveSettings, type Programme } from '../api/loyalty';

export function ProgrammeSettingsForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [s, setS] = useState(programme.settings);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setS(programme.settings), [programme.settings]);
  const num = (v: string | number) => (v === '' ? 0 : Number(v));
  const setReview = (patch: Partial<typeof s.review>) => setS({ ...s, review: { ...s.review, ...patch } });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('loyalty.settings.programme')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
        <NumberInput
          label={t('loyalty.settings.windowDays')}
          value={s.windowDays}
          min={30}
          max={1095}
          onChange={(v) => setS({ ...s, windowDays: num(v) })}
        />
        <NumberInput
          label={t('loyalty.settings.reviewMonth')}
          value={s.review.month}
          min={1}
          max={12}
          onChange={(v) => setReview({ month: num(v) })}
        />
        <NumberInput
          label={t('loyalty.settings.reviewDay')}
          value={s.review.day}
          min={1}
          max={28}
          onChange={(v) => setReview({ day: num(v) })}
        />
        <NumberInput
          label={t('loyalty.settings.graceDays')}
          value={s.review.graceDays}
          min={0}
          max={365}
          onChange={(v) => setReview({ graceDays: num(v) })}
        />
        <NumberInput
          label={t('loyalty.settings.expiryMonths')}
          description={t('loyalty.settings.expiryHelp')}
          value={s.points.expiryMonths ?? ''}
          min={1}
          max={120}
          onChange={(v) => setS({ ...s, points: { ...s.points, expiryMonths: v === '' ? null : num(v) } })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {Object.entries(s.points.earnUnit).map(([cur, unit]) => (
          <NumberInput
            key={cur}
            label={t('loyalty.settings.earnUnit', { currency: cur })}
            value={toMajor(unit, cur)}
            min={0}
            decimalScale={currencyDigits(cur)}
            onChange={(v) =>
              setS({ ...s, points: { ...s.points, earnUnit: { ...s.points.earnUnit, [cur]: toMinor(v, cur) ?? 1 } } })
            }
          />
        ))}
      </SimpleGrid>
      {error && <Alert color="red">{error}</Alert>}
      {done && <Alert color="green">{t('loyalty.settings.saved')}</Alert>}
      <Group>
        <Button
          loading={save.isPending}
          onClick={() => {
            setError(null);
            save.mutate(s, {
              onSuccess: () => setDone(true),
              onError: (err) => setError(translateMessage(t, problemMessage(err))),
            });
          }}
        >
          {t('loyalty.settings.saveSettings')}
        </Button>
      </Group>
    </Stack>
  );
}
