import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useCampaigns, useCreateCampaign, useToggleCampaign } from '../api/loyalty';

export function PointsCampaigns() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const create = useCreateCampaign();
  const toggle = useToggleCampaign();
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({ name: '', multiplier: 2 as number | string, startsOn: today, endsOn: today });
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('loyalty.campaigns.title')}
      </Title>
      {(campaigns.data?.items ?? []).map((c) => (
        <Group key={c.id} justify="space-between" wrap="wrap">
          <Text size="sm">
            {c.name} · ×{c.multiplier} · {c.startsOn} – {c.endsOn}
            {c.storeIds ? ` · ${t('loyalty.campaigns.someStores', { count: c.storeIds.length })}` : ''}
          </Text>
          <Switch
            label={t('loyalty.settings.active')}
            checked={c.isActive}
            onChange={(e) => toggle.mutate({ id: c.id, isActive: e.currentTarget.checked })}
          />
        </Group>
      ))}
      {campaigns.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('loyalty.campaigns.none')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        <TextInput
          label={t('loyalty.campaigns.name')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
        />
        <NumberInput
          label={t('loyalty.campaigns.multiplier')}
          suffix="×"
          min={1}
          max={10}
          step={0.5}
          decimalScale={2}
          value={form.multiplier}
          onChange={(v) => setForm({ ...form, multiplier: v })}
        />
        <TextInput
          type="date"
          label={t('loyalty.campaigns.startsOn')}
          value={form.startsOn}
          onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('loyalty.campaigns.endsOn')}
          value={form.endsOn}
          onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })}
        />
        <Button
          mt={{ base: 0, sm: 24 }}
          loading={create.isPending}
          disabled={!form.name.trim()}
          onClick={() => {
            setError(null);
            create.mutate(
              {
                name: form.name.trim(),
                multiplier: Number(form.multiplier),
                startsOn: form.startsOn,
                endsOn: form.endsOn,
              },
              {
                onSuccess: () => setForm({ ...form, name: '' }),
                onError: (err) => setError(translateMessage(t, problemMessage(err))),
              },
            );
          }}
        >
          {t('loyalty.campaigns.add')}
        </Button>
      </SimpleGrid>
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}
