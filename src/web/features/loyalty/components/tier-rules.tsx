import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useSession } from '../../auth/api/get-me';
import { usePreview, useUpdateTier, type Programme } from '../api/loyalty';
import { TierChangePreview } from './tier-change-preview';
import { BASE_CURRENCIES, changedDrafts, cleanRule, toDraft, type Draft } from './tier-draft';
import { TierEditorCard } from './tier-editor-card';

export function TierRules({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const me = useSession();
  const [draft, setDraft] = useState<Draft[]>(() => toDraft(programme));
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const preview = usePreview();
  const update = useUpdateTier();
  const currencies = useMemo(
    () =>
      [
        ...new Set([
          ...me.stores.map((s) => s.currency),
          ...BASE_CURRENCIES,
          ...programme.tiers.flatMap((x) => Object.keys(x.qualification.spend ?? {})),
        ]),
      ].sort((a, b) => BASE_CURRENCIES.indexOf(a) - BASE_CURRENCIES.indexOf(b)),
    [me.stores, programme.tiers],
  );
  useEffect(() => setDraft(toDraft(programme)), [programme]);
  // Saving waits for a preview of exactly these drafts, so no rule is saved unseen.
  const signature = JSON.stringify(draft);
  const changed = changedDrafts(programme, draft);
  const set = (id: string, f: (d: Draft) => Draft) => {
    setSaved(false);
    setDraft((list) => list.map((d) => (d.id === id ? f(d) : d)));
  };

  function runPreview() {
    setFormError(null);
    preview.mutate(
      {
        tiers: draft.map((d) => ({
          key: d.key,
          rank: d.rank,
          isActive: d.isActive,
          qualification: cleanRule(d.qualification),
        })),
      },
      {
        onSuccess: () => setPreviewed(signature),
        onError: (err) => setFormError(translateMessage(t, problemMessage(err))),
      },
    );
  }
  async function save() {
    setFormError(null);
    try {
      for (const d of changed)
        await update.mutateAsync({
          id: d.id,
          body: {
            labels: d.labels,
            qualification: cleanRule(d.qualification),
            benefits: d.benefits,
            isActive: d.isActive,
          },
        });
      setSaved(true);
      setPreviewed(null);
    } catch (err) {
      setFormError(translateMessage(t, problemMessage(err)));
    }
  }

  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('loyalty.settings.tiers')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {draft.map((d) => (
          <TierEditorCard key={d.id} draft={d} currencies={currencies} onEdit={(f) => set(d.id, f)} />
        ))}
      </SimpleGrid>
      {formError && <Alert color="red">{formError}</Alert>}
      {saved && <Alert color="green">{t('loyalty.settings.saved')}</Alert>}
      {preview.data && previewed === signature && <TierChangePreview p={preview.data} />}
      <Group gap="xs">
        <Button variant="light" onClick={runPreview} loading={preview.isPending} disabled={!changed.length}>
          {t('loyalty.settings.preview')}
        </Button>
        <Button
          onClick={() => void save()}
          loading={update.isPending}
          disabled={!changed.length || previewed !== signature}
        >
          {t('loyalty.settings.save', { count: changed.length })}
        </Button>
        {changed.length > 0 && previewed !== signature && (
          <Text size="sm" c="dimmed">
            {t('loyalty.settings.previewFirst')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
