// One condition of the builder: the fields its kind needs, each labelled, in a row that wraps on a phone.
import {
  ActionIcon,
  Badge,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CLASS_NAMES,
  CLASS_VALUES,
  METRIC_NAMES,
  METRICS,
  PROFILE_CHOICES,
  type ClassName,
  type LeafCondition,
  type SegmentOptions,
} from '../../../../contracts/segments';
import { CHANNELS, PURPOSES } from '../../../../contracts/customers';
import { currencyDigits } from '../../../lib/format';
import { Icon } from '../../../components/icons';
import { useSession } from '../../auth/api/get-me';

type Props = {
  value: LeafCondition;
  onChange(next: LeafCondition): void;
  onRemove(): void;
  options: SegmentOptions | undefined;
  incomplete: boolean;
};

const W = { base: '100%', xs: 200 } as const;

export function labelOf(labels: Record<string, string>, lng: string): string {
  return labels[lng] ?? labels.en ?? Object.values(labels)[0] ?? '';
}

export function ConditionEditor({ value, onChange, onRemove, options, incomplete }: Props) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const lng = i18n.language;
  const set = (patch: Record<string, unknown>) => onChange({ ...value, ...patch } as LeafCondition);
  const sel = (key: string, list: readonly string[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`, { defaultValue: v }) }));
  const num = (v: string | number) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

  let body: React.ReactNode = null;
  switch (value.kind) {
    case 'tier': {
      const tiers = options?.tiers ?? [];
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.operator')}
            data={sel('op', ['rank_at_least', 'in', 'none'], 'segments.tierOp')}
            value={value.op}
            allowDeselect={false}
            onChange={(op) => set({ op })}
          />
          {value.op === 'rank_at_least' && (
            <Select
              w={W}
              label={t('segments.fields.lowestTier')}
              data={tiers.map((x) => ({ value: String(x.rank), label: labelOf(x.labels, lng) }))}
              value={value.rank ? String(value.rank) : null}
              onChange={(r) => set({ rank: r ? Number(r) : undefined })}
            />
          )}
          {value.op === 'in' && (
            <MultiSelect
              w={W}
              label={t('segments.fields.tiers')}
              data={tiers.map((x) => ({ value: x.key, label: labelOf(x.labels, lng) }))}
              value={value.keys ?? []}
              onChange={(keys) => set({ keys })}
            />
          )}
        </>
      );
      break;
    }
    case 'class':
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.class')}
            data={CLASS_NAMES.map((c) => ({ value: c, label: t(`segments.classes.${c}`) }))}
            value={value.class}
            allowDeselect={false}
            onChange={(c) => set({ class: c as ClassName, values: [] })}
          />
          <MultiSelect
            w={W}
            label={t('segments.fields.values')}
            data={sel('v', CLASS_VALUES[value.class], `segments.values.${value.class}`)}
            value={value.values}
            onChange={(values) => set({ values })}
          />
        </>
      );
      break;
    case 'metric': {
      const money = METRICS[value.metric].money;
      const currency = value.currency ?? session.currentStore?.currency ?? 'CNY';
      const f = 10 ** currencyDigits(currency);
      const show = (v?: number) => (v === undefined ? '' : money ? v / f : v);
      const keep = (v: string | number) => {
        const n = num(v);
        return n === undefined ? undefined : money ? Math.round(n * f) : n;
      };
      const currencies = [...new Set(session.stores.map((s) => s.currency))];
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.metric')}
            data={METRIC_NAMES.map((m) => ({ value: m, label: t(`segments.metrics.${m}`) }))}
            value={value.metric}
            allowDeselect={false}
            onChange={(m) =>
              set({ metric: m, currency: m && METRICS[m as keyof typeof METRICS].money ? currency : undefined })
            }
          />
          <Select
            w={W}
            label={t('segments.fields.operator')}
            data={sel('op', ['gte', 'gt', 'lte', 'lt', 'eq', 'between', 'is_set', 'not_set'], 'segments.ops')}
            value={value.op}
            allowDeselect={false}
            onChange={(op) => set({ op })}
          />
          {value.op !== 'is_set' && value.op !== 'not_set' && (
            <NumberInput
              w={W}
              label={value.op === 'between' ? t('segments.fields.from') : t('segments.fields.value')}
              value={show(value.value)}
              onChange={(v) => set({ value: keep(v) })}
            />
          )}
          {value.op === 'between' && (
            <NumberInput
              w={W}
              label={t('segments.fields.to')}
              value={show(value.value2)}
              onChange={(v) => set({ value2: keep(v) })}
            />
          )}
          {money && currencies.length > 1 && (
            <Select
              w={{ base: '100%', xs: 110 }}
              label={t('segments.fields.currency')}
              data={currencies}
              value={currency}
              allowDeselect={false}
              onChange={(c) => set({ currency: c })}
            />
          )}
        </>
      );
      break;
    }
    case 'birthday':
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.calendar')}
            data={sel('c', ['any', 'solar', 'lunar'], 'segments.calendar')}
            value={value.calendar ?? 'any'}
            allowDeselect={false}
            onChange={(calendar) => set({ calendar })}
          />
          <Select
            w={W}
            label={t('segments.fields.when')}
            data={sel('w', ['this_month', 'next_month', 'within_days'], 'segments.when')}
            value={value.when}
            allowDeselect={false}
            onChange={(when) => set({ when })}
          />
          {value.when === 'within_days' && (
            <NumberInput
              w={W}
              min={0}
              max={366}
              label={t('segments.fields.days')}
              value={value.days ?? ''}
              onChange={(v) => set({ days: num(v) })}
            />
          )}
        </>
      );
      break;
    case 'purchase':
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.operator')}
            data={sel('o', ['bought_within', 'not_bought_within', 'first_within'], 'segments.purchaseOp')}
            value={value.op}
            allowDeselect={false}
            onChange={(op) => set({ op })}
          />
          <NumberInput
            w={W}
            min={0}
            label={t('segments.fields.days')}
            value={value.days}
            onChange={(v) => set({ days: num(v) ?? 0 })}
          />
        </>
      );
      break;
    case 'consent':
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.channel')}
            data={sel('c', CHANNELS, 'customers.consent.channel')}
            value={value.channel}
            allowDeselect={false}
            onChange={(channel) => set({ channel })}
          />
          <Select
            w={W}
            label={t('segments.fields.purpose')}
            data={sel('p', PURPOSES, 'customers.consent.purpose')}
            value={value.purpose}
            allowDeselect={false}
            onChange={(purpose) => set({ purpose })}
          />
          <Select
            w={W}
            label={t('segments.fields.consentState')}
            data={[
              { value: 'yes', label: t('segments.consentState.granted') },
              { value: 'no', label: t('segments.consentState.notGranted') },
            ]}
            value={value.granted === false ? 'no' : 'yes'}
            allowDeselect={false}
            onChange={(v) => set({ granted: v !== 'no' })}
          />
        </>
      );
      break;
    case 'profile': {
      const choices = (PROFILE_CHOICES as Record<string, readonly string[]>)[value.field];
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.field')}
            data={[...Object.keys(PROFILE_CHOICES), 'address', 'occupation'].map((f) => ({
              value: f,
              label: t(`segments.profileFields.${f}`),
            }))}
            value={value.field}
            allowDeselect={false}
            onChange={(field) =>
              set({
                field,
                op: (PROFILE_CHOICES as Record<string, unknown>)[field!] ? 'in' : 'contains',
                values: undefined,
                text: undefined,
              })
            }
          />
          {choices ? (
            <>
              <Select
                w={W}
                label={t('segments.fields.operator')}
                data={sel('o', ['in', 'not_in', 'is_set', 'not_set'], 'segments.ops')}
                value={value.op}
                allowDeselect={false}
                onChange={(op) => set({ op })}
              />
              {(value.op === 'in' || value.op === 'not_in') && (
                <MultiSelect
                  w={W}
                  label={t('segments.fields.values')}
                  data={sel('v', choices, `segments.values.${value.field}`)}
                  value={value.values ?? []}
                  onChange={(values) => set({ values })}
                />
              )}
            </>
          ) : (
            <TextInput
              w={W}
              label={t('segments.ops.contains')}
              value={value.text ?? ''}
              onChange={(e) => set({ text: e.currentTarget.value || undefined })}
            />
          )}
        </>
      );
      break;
    }
    case 'custom': {
      const fields = options?.customFields ?? [];
      const field = fields.find((f) => f.key === value.fieldKey);
      const choice = field && (field.type === 'choice' || field.type === 'multi_choice');
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.question')}
            data={fields.map((f) => ({ value: f.key, label: labelOf(f.labels, lng) }))}
            value={value.fieldKey || null}
            searchable
            onChange={(key) => {
              const f = fields.find((x) => x.key === key);
              const op = !f
                ? 'is_set'
                : f.type === 'choice' || f.type === 'multi_choice'
                  ? 'in'
                  : f.type === 'text'
                    ? 'contains'
                    : 'gte';
              set({ fieldKey: key ?? '', op, values: undefined, value: undefined });
            }}
          />
          {field && choice && (
            <MultiSelect
              w={W}
              label={t('segments.fields.values')}
              data={field.options.map((o) => ({ value: o.value, label: labelOf(o.labels, lng) }))}
              value={value.values ?? []}
              onChange={(values) => set({ values, op: 'in' })}
            />
          )}
          {field && field.type === 'text' && (
            <TextInput
              w={W}
              label={t('segments.ops.contains')}
              value={typeof value.value === 'string' ? value.value : ''}
              onChange={(e) => set({ value: e.currentTarget.value || undefined, op: 'contains' })}
            />
          )}
          {field && (field.type === 'number' || field.type === 'date') && (
            <>
              <Select
                w={W}
                label={t('segments.fields.operator')}
                data={sel('o', ['gte', 'lte', 'eq', 'is_set'], 'segments.ops')}
                value={value.op}
                allowDeselect={false}
                onChange={(op) => set({ op })}
              />
              {value.op !== 'is_set' &&
                (field.type === 'number' ? (
                  <NumberInput
                    w={W}
                    label={t('segments.fields.value')}
                    value={typeof value.value === 'number' ? value.value : ''}
                    onChange={(v) => set({ value: num(v) })}
                  />
                ) : (
                  <TextInput
                    w={W}
                    type="date"
                    label={t('segments.fields.value')}
                    value={typeof value.value === 'string' ? value.value : ''}
                    onChange={(e) => set({ value: e.currentTarget.value || undefined })}
                  />
                ))}
            </>
          )}
        </>
      );
      break;
    }
    case 'tag':
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.operator')}
            data={sel('o', ['any', 'all', 'none'], 'segments.tagOp')}
            value={value.op}
            allowDeselect={false}
            onChange={(op) => set({ op })}
          />
          <MultiSelect
            w={W}
            label={t('segments.fields.tags')}
            data={(options?.tags ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={value.tagIds}
            onChange={(tagIds) => set({ tagIds })}
          />
        </>
      );
      break;
    case 'store':
      body = (
        <MultiSelect
          w={{ base: '100%', xs: 320 }}
          label={t('segments.fields.stores')}
          data={session.stores.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
          value={value.storeIds}
          onChange={(storeIds) => set({ storeIds })}
        />
      );
      break;
    case 'owner':
      body = (
        <>
          <Select
            w={W}
            label={t('segments.fields.operator')}
            data={sel('o', ['in', 'none'], 'segments.ownerOp')}
            value={value.op}
            allowDeselect={false}
            onChange={(op) => set({ op })}
          />
          {value.op === 'in' && (
            <MultiSelect
              w={W}
              label={t('segments.fields.guides')}
              data={(options?.guides ?? []).map((g) => ({ value: g.id, label: g.name }))}
              value={value.userIds ?? []}
              searchable
              onChange={(userIds) => set({ userIds })}
            />
          )}
        </>
      );
      break;
  }

  const kindLabel = t(`segments.kinds.${value.kind}`);
  return (
    <Card withBorder padding="sm" radius="md" role="group" aria-label={kindLabel}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Text fw={600} size="sm">
              {kindLabel}
            </Text>
            {incomplete && (
              <Badge size="xs" color="orange" variant="light">
                {t('segments.builder.incomplete')}
              </Badge>
            )}
          </Group>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onRemove}
            aria-label={t('segments.builder.removeCondition', { kind: kindLabel })}
          >
            <Icon name="trash" size={16} />
          </ActionIcon>
        </Group>
        <Group gap="xs" align="flex-end" wrap="wrap">
          {body}
        </Group>
      </Stack>
    </Card>
  );
}
