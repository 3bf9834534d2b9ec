import {
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common';
import { PROMOTION_RECEPTIVENESS, SKIN_TYPES, type Customer, type Profile } from '../../../../contracts/customers';
import {
  BUYING_PSYCHOLOGY_TYPES,
  PERSONALITY_TYPES,
  serviceTip,
  type CustomerTypeKey,
} from '../../../../domain/personality';
import { LANGUAGE_NAMES } from '../../../components/language-menu';
import { ErrorAlert } from '../../../components/query-state';
import { useSession } from '../../auth/api/get-me';
import { isApiError } from '../../../lib/api-client';
import { useUpdateCustomer } from '../api/customers';
import { FamilyFields } from './family-fields';
import { CustomerLanguageSelect } from './language-select';

const LISTS = ['stylePreferences', 'colourPreferences', 'fabricPreferences', 'brandPreferences', 'hobbies'] as const;
const TEXTS = [
  'occupation',
  'employer',
  'contactTimes',
  'preferredServiceStyle',
  'lifeHabits',
  'values',
  'healthNotes',
  'notes',
] as const;

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {label}:{' '}
      </Text>
      {value}
    </Text>
  );
}

export function ProfileCard({ c }: { c: Customer }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [editing, setEditing] = useState(false);
  const p = c.profile;
  const typeLabel = (k: string | null | undefined) =>
    [...PERSONALITY_TYPES, ...BUYING_PSYCHOLOGY_TYPES].find((x) => x.key === k)?.label[locale] ?? k;
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('customers.profile')}
          </Title>
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)} disabled={Boolean(c.erasedAt)}>
            {t('common.edit')}
          </Button>
        </Group>
        <Row label={t('customers.field.language')} value={c.language ? LANGUAGE_NAMES[c.language] : null} />
        <Row
          label={t('customers.field.clothingSize')}
          value={[p.clothingSize, p.shoeSize && `${t('customers.field.shoeSize')} ${p.shoeSize}`]
            .filter(Boolean)
            .join(' · ')}
        />
        <Row label={t('customers.field.skinType')} value={p.skinType ? t(`customers.skin.${p.skinType}`) : null} />
        {LISTS.map((k) => (
          <Row key={k} label={t(`customers.field.${k}`)} value={p[k]?.join(t('customers.listSeparator'))} />
        ))}
        {TEXTS.map((k) => (
          <Row key={k} label={t(`customers.field.${k}`)} value={p[k]} />
        ))}
        <Row
          label={t('customers.field.promotionReceptiveness')}
          value={p.promotionReceptiveness ? t(`customers.promo.${p.promotionReceptiveness}`) : null}
        />
        {(p.family ?? []).map((f, i) => (
          <Row
            key={i}
            label={t(`customers.relation.${f.relation}`)}
            value={[f.name, f.age != null && t('customers.age', { age: f.age }), f.job].filter(Boolean).join(' · ')}
          />
        ))}
        {[p.personalityType, p.buyingPsychology].filter(Boolean).map((k) => (
          <Text key={k} size="sm">
            <Text span fw={600}>
              {typeLabel(k)}
            </Text>
            {' — '}
            {serviceTip(k as CustomerTypeKey, locale)}
          </Text>
        ))}
        {Object.keys(p).length === 0 && !c.language && <Text c="dimmed">{t('customers.profileEmpty')}</Text>}
      </Stack>
      {editing && <ProfileEditor c={c} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function ProfileEditor({ c, onClose }: { c: Customer; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const update = useUpdateCustomer(c.id);
  const me = useSession();
  const [p, setP] = useState<Profile>({ ...c.profile });
  const [language, setLanguage] = useState<Locale | null>(c.language);
  const set = <K extends keyof Profile>(k: K, v: Profile[K]) => setP((x) => ({ ...x, [k]: v }));
  const family = p.family ?? [];
  const options = (list: readonly { key: string; label: Record<Locale, string> }[]) =>
    list.map((x) => ({ value: x.key, label: x.label[locale] }));
  const err = (f: string) =>
    isApiError(update.error)
      ? update.error.fields.find((x) => x.field.startsWith(`body.profile.${f}`))?.message
      : undefined;
  return (
    <Modal opened onClose={onClose} title={t('customers.editProfile')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const profile: Profile = {};
          for (const [k, v] of Object.entries(p)) (profile as Record<string, unknown>)[k] = v === '' ? null : v;
          update.mutate({ version: c.version, profile, language }, { onSuccess: onClose });
        }}
      >
        <Stack gap="sm">
          <CustomerLanguageSelect
            value={language}
            onChange={setLanguage}
            storeLocale={me.stores.find((s) => s.id === c.storeId)?.locale ?? null}
            error={
              isApiError(update.error)
                ? update.error.fields.find((x) => x.field === 'body.language')?.message
                : undefined
            }
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('customers.field.clothingSize')}
              value={p.clothingSize ?? ''}
              onChange={(e) => set('clothingSize', e.currentTarget.value)}
            />
            <TextInput
              label={t('customers.field.shoeSize')}
              value={p.shoeSize ?? ''}
              onChange={(e) => set('shoeSize', e.currentTarget.value)}
            />
          </SimpleGrid>
          <Select
            label={t('customers.field.skinType')}
            clearable
            value={p.skinType ?? null}
            onChange={(v) => set('skinType', v as Profile['skinType'])}
            data={SKIN_TYPES.map((s) => ({ value: s, label: t(`customers.skin.${s}`) }))}
          />
          {LISTS.map((k) => (
            <TagsInput
              key={k}
              label={t(`customers.field.${k}`)}
              description={t('customers.tagsHelp')}
              value={p[k] ?? []}
              onChange={(v) => set(k, v)}
              error={err(k)}
            />
          ))}
          <FamilyFields family={family} onChange={(v) => set('family', v)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('customers.field.personalityType')}
              clearable
              value={p.personalityType ?? null}
              onChange={(v) => set('personalityType', v)}
              data={options(PERSONALITY_TYPES)}
              description={p.personalityType ? serviceTip(p.personalityType as CustomerTypeKey, locale) : undefined}
            />
            <Select
              label={t('customers.field.buyingPsychology')}
              clearable
              value={p.buyingPsychology ?? null}
              onChange={(v) => set('buyingPsychology', v)}
              data={options(BUYING_PSYCHOLOGY_TYPES)}
              description={p.buyingPsychology ? serviceTip(p.buyingPsychology as CustomerTypeKey, locale) : undefined}
            />
          </SimpleGrid>
          <Select
            label={t('customers.field.promotionReceptiveness')}
            clearable
            value={p.promotionReceptiveness ?? null}
            onChange={(v) => set('promotionReceptiveness', v as Profile['promotionReceptiveness'])}
            data={PROMOTION_RECEPTIVENESS.map((s) => ({ value: s, label: t(`customers.promo.${s}`) }))}
          />
          {TEXTS.map((k) =>
            k === 'occupation' || k === 'employer' || k === 'contactTimes' ? (
              <TextInput
                key={k}
                label={t(`customers.field.${k}`)}
                value={p[k] ?? ''}
                onChange={(e) => set(k, e.currentTarget.value)}
              />
            ) : (
              <Textarea
                key={k}
                label={t(`customers.field.${k}`)}
                autosize
                minRows={1}
                value={p[k] ?? ''}
                onChange={(e) => set(k, e.currentTarget.value)}
              />
            ),
          )}
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
