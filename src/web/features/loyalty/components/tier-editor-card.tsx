// The drafts live in TierRules, so that one preview and one save cover every tier.
import {
  Badge,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../contracts/common';
import { currencyDigits } from '../../../lib/format';
import { toMajor, toMinor } from '../../purchases/lib/money';
import type { Draft } from './tier-draft';
import { labelOf, TIER_COLOURS } from './tier-text';

type Props = {
  draft: Draft;
  currencies: string[];
  onEdit(f: (d: Draft) => Draft): void;
};

export function TierEditorCard({ draft: d, currencies, onEdit: set }: Props) {
  const { t, i18n } = useTranslation();
  const setRule = (patch: Partial<Draft['qualification']>) =>
    set((x) => ({ ...x, qualification: { ...x.qualification, ...patch } }));
  const setBenefits = (patch: Partial<Draft['benefits']>) =>
    set((x) => ({ ...x, benefits: { ...x.benefits, ...patch } }));
  return (
    <Card withBorder padding="md" data-testid={`tier-${d.key}`}>
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
              set((x) => ({ ...x, isActive: on }));
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
                set((x) => ({ ...x, labels: { ...x.labels, [l]: v } }));
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
                  set((x) => {
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
            onChange={(v) => setRule({ combine: v as 'and' | 'or' })}
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
            onChange={(val) => setRule({ visits: val === '' ? undefined : Number(val) })}
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
            onChange={(v) => setBenefits({ discountPercent: Number(v) || 0 })}
          />
          <NumberInput
            size="xs"
            label={t('loyalty.settings.birthday')}
            suffix="%"
            min={10}
            max={100}
            allowDecimal={false}
            value={d.benefits.birthdayMonthPricePercent ?? ''}
            onChange={(v) => setBenefits({ birthdayMonthPricePercent: v === '' ? null : Number(v) })}
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
            onChange={(v) => setBenefits({ pointsMultiplier: Number(v) || 0 })}
          />
        </SimpleGrid>
        <Checkbox
          label={t('loyalty.settings.events')}
          checked={d.benefits.eventInvitations}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setBenefits({ eventInvitations: on });
          }}
        />
      </Stack>
    </Card>
  );
}
