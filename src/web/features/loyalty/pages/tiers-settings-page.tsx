import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LOCALES } from '../../../../contracts/common';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { currencyDigits } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useSession } from '../../auth/api/get-me';
import { toMajor, toMinor } from '../../purchases/lib/money';
import {
  useCampaigns,
  useCreateCampaign,
  usePreview,
  useProgramme,
  useSaveSettings,
  useToggleCampaign,
  useUpdateTier,
  type Preview,
  type Programme,
  type Tier,
} from '../api/loyalty';
import { labelOf, TIER_COLOURS } from '../components/tier-text';

const BASE_CURRENCIES = ['CNY', 'TWD', 'HKD', 'JPY'];
type Draft = Pick<Tier, 'id' | 'key' | 'rank' | 'labels' | 'qualification' | 'benefits' | 'isActive'>;

const toDraft = (p: Programme): Draft[] =>
  p.tiers.map(({ id, key, rank, labels, qualification, benefits, isActive }) => ({
    id,
    key,
    rank,
    labels: { ...labels },
    qualification: { ...qualification, spend: { ...(qualification.spend ?? {}) } },
    benefits: { ...benefits },
    isActive,
  }));

/** Settings → VIP programme: the tiers' rules and benefits, a preview of who moves before saving. */
export function TiersSettingsPage() {
  const { t } = useTranslation();
  const programme = useProgramme();
  if (programme.isPending) return <PageLoader />;
  if (programme.isError) return <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('loyalty.settings.title')}
        description={t('loyalty.settings.description')}
        actions={
          <Button component={Link} to="/vip" variant="default">
            {t('loyalty.settings.showRequirements')}
          </Button>
        }
      />
      <Stack gap="xl">
        <TierRules programme={programme.data} />
        <ProgrammeSettingsForm programme={programme.data} />
        <Campaigns />
      </Stack>
    </>
  );
}

function TierRules({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
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
  const signature = JSON.stringify(draft);
  const changed = draft.filter((d) => {
    const o = programme.tiers.find((x) => x.id === d.id)!;
    return JSON.stringify(toDraft({ ...programme, tiers: [o] })[0]) !== JSON.stringify(d);
  });
  const set = (id: string, f: (d: Draft) => Draft) => {
    setSaved(false);
    setDraft((list) => list.map((d) => (d.id === id ? f(d) : d)));
  };
  const cleanRule = (q: Draft['qualification']) => {
    const spend = Object.fromEntries(Object.entries(q.spend ?? {}).filter(([, v]) => v !== null && v !== undefined));
    return {
      combine: q.combine,
      ...(Object.keys(spend).length ? { spend } : {}),
      ...(q.visits ? { visits: q.visits } : {}),
    };
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
          <Card key={d.id} withBorder padding="md" data-testid={`tier-${d.key}`}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Badge size="lg" color={TIER_COLOURS[d.rank] ?? 'blue'}>
                  {labelOf(d.labels, i18n.language, d.key)}
                </Badge>
                <Switch
                  label={t('loyalty.settings.active')}
                  checked={d.isActive}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    set(d.id, (x) => ({ ...x, isActive: on }));
                  }}
                />
              </Group>
              <SimpleGrid cols={2} spacing="xs">
                {LOCALES.map((l) => (
                  <TextInput
                    key={l}
                    size="xs"
                    label={t(`loyalty.lang.${l}`)}
                    value={d.labels[l]}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      set(d.id, (x) => ({ ...x, labels: { ...x.labels, [l]: v } }));
                    }}
                  />
                ))}
              </SimpleGrid>
              <Text size="sm" fw={600}>
                {t('loyalty.settings.rule')}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                {currencies.map((cur) => {
                  const v = d.qualification.spend?.[cur];
                  return (
                    <NumberInput
                      key={cur}
                      size="xs"
                      label={t('loyalty.settings.spendIn', { currency: cur })}
                      value={v === undefined ? '' : toMajor(v, cur)}
                      min={0}
                      decimalScale={currencyDigits(cur)}
                      thousandSeparator=","
                      onChange={(val) => {
                        const minor = toMinor(val, cur);
                        set(d.id, (x) => {
                          const spend = { ...(x.qualification.spend ?? {}) };
                          if (minor === null) delete spend[cur];
                          else spend[cur] = minor;
                          return { ...x, qualification: { ...x.qualification, spend } };
                        });
                      }}
                    />
                  );
                })}
              </SimpleGrid>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <SegmentedControl
                  size="xs"
                  value={d.qualification.combine}
                  onChange={(v) =>
                    set(d.id, (x) => ({ ...x, qualification: { ...x.qualification, combine: v as 'and' | 'or' } }))
                  }
                  data={[
                    { value: 'or', label: t('loyalty.settings.or') },
                    { value: 'and', label: t('loyalty.settings.and') },
                  ]}
                />
                <NumberInput
                  size="xs"
                  w={140}
                  label={t('loyalty.settings.visits')}
                  value={d.qualification.visits ?? ''}
                  min={1}
                  allowDecimal={false}
                  onChange={(val) =>
                    set(d.id, (x) => ({
                      ...x,
                      qualification: { ...x.qualification, visits: val === '' ? undefined : Number(val) },
                    }))
                  }
                />
              </Group>
              <Text size="sm" fw={600}>
                {t('loyalty.settings.benefits')}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
                <NumberInput
                  size="xs"
                  label={t('loyalty.settings.discount')}
                  suffix="%"
                  min={0}
                  max={90}
                  value={d.benefits.discountPercent}
                  onChange={(v) =>
                    set(d.id, (x) => ({ ...x, benefits: { ...x.benefits, discountPercent: Number(v) || 0 } }))
                  }
                />
                <NumberInput
                  size="xs"
                  label={t('loyalty.settings.birthday')}
                  suffix="%"
                  min={10}
                  max={100}
                  allowDecimal={false}
                  value={d.benefits.birthdayMonthPricePercent ?? ''}
                  onChange={(v) =>
                    set(d.id, (x) => ({
                      ...x,
                      benefits: { ...x.benefits, birthdayMonthPricePercent: v === '' ? null : Number(v) },
                    }))
                  }
                />
                <NumberInput
                  size="xs"
                  label={t('loyalty.settings.multiplier')}
                  suffix="×"
                  min={0}
                  max={10}
                  step={0.1}
                  decimalScale={2}
                  value={d.benefits.pointsMultiplier}
                  onChange={(v) =>
                    set(d.id, (x) => ({ ...x, benefits: { ...x.benefits, pointsMultiplier: Number(v) || 0 } }))
                  }
                />
              </SimpleGrid>
              <Checkbox
                label={t('loyalty.settings.events')}
                checked={d.benefits.eventInvitations}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  set(d.id, (x) => ({ ...x, benefits: { ...x.benefits, eventInvitations: on } }));
                }}
              />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {formError && <Alert color="red">{formError}</Alert>}
      {saved && <Alert color="green">{t('loyalty.settings.saved')}</Alert>}
      {preview.data && previewed === signature && <PreviewResult p={preview.data} />}
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

function PreviewResult({ p }: { p: Preview }) {
  const { t } = useTranslation();
  const { data } = useProgramme();
  const { i18n } = useTranslation();
  const name = (k: string | null) =>
    k ? labelOf(data?.tiers.find((x) => x.key === k)?.labels, i18n.language, k) : '—';
  return (
    <Card withBorder padding="md" data-testid="tier-preview">
      <Stack gap="xs">
        <Text fw={600}>{t('loyalty.preview.title')}</Text>
        <Group gap="lg">
          <Text c="green" data-testid="preview-up">
            {t('loyalty.preview.up', { count: p.up })}
          </Text>
          <Text c="red" data-testid="preview-down">
            {t('loyalty.preview.down', { count: p.down })}
          </Text>
          <Text c="dimmed">{t('loyalty.preview.same', { count: p.unchanged })}</Text>
        </Group>
        <Table fz="sm" withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loyalty.preview.tier')}</Table.Th>
              <Table.Th ta="right">{t('loyalty.preview.now')}</Table.Th>
              <Table.Th ta="right">{t('loyalty.preview.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.byTier.map((b) => (
              <Table.Tr key={b.key}>
                <Table.Td>{name(b.key)}</Table.Td>
                <Table.Td ta="right">{b.now}</Table.Td>
                <Table.Td ta="right">{b.proposed}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {[...p.sampleUp, ...p.sampleDown].slice(0, 8).map((s) => (
          <Text size="sm" key={s.id}>
            {s.displayName}: {name(s.from)} → {name(s.to)}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('loyalty.preview.note')}
        </Text>
      </Stack>
    </Card>
  );
}

function ProgrammeSettingsForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [s, setS] = useState(programme.settings);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setS(programme.settings), [programme.settings]);
  const num = (v: string | number) => (v === '' ? 0 : Number(v));
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
          onChange={(v) => setS({ ...s, review: { ...s.review, month: num(v) } })}
        />
        <NumberInput
          label={t('loyalty.settings.reviewDay')}
          value={s.review.day}
          min={1}
          max={28}
          onChange={(v) => setS({ ...s, review: { ...s.review, day: num(v) } })}
        />
        <NumberInput
          label={t('loyalty.settings.graceDays')}
          value={s.review.graceDays}
          min={0}
          max={365}
          onChange={(v) => setS({ ...s, review: { ...s.review, graceDays: num(v) } })}
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

function Campaigns() {
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
