import { Group, NumberInput, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal';
import { isApiError } from '../../../lib/api-client';
import { currencyDigits } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { categoryLabel, type Category } from '../../purchases/api/get-categories';
import { useUpdateCategory } from '../../purchases/api/update-category';
import { toMajor, toMinor } from '../../purchases/lib/money';
import { BandsEditor, bandProblems, type BandRow } from './bands-editor';

type Kind = 'dry_cleaning' | 'leather_care' | '';

/** A category's after-sales policy: warranty, the free-repair day, depreciation bands and the free service. */
export function CategoryFormModal({
  category,
  currency,
  onClose,
}: {
  category: Category;
  currency: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCategory();
  const [warranty, setWarranty] = useState<number | string>(category.warrantyMonths ?? '');
  const [fromDay, setFromDay] = useState<number | string>(category.freeRepairFromDay);
  const [bands, setBands] = useState<BandRow[]>(category.depreciationBands);
  const [kind, setKind] = useState<Kind>(category.entitlementKind ?? '');
  const [minPrice, setMinPrice] = useState<number | string>(
    category.entitlementMinPrice === null ? '' : toMajor(category.entitlementMinPrice, currency),
  );
  const [showProblems, setShowProblems] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const problems = bandProblems(bands);
  const digits = currencyDigits(currency);

  function submit() {
    setFormError(null);
    setShowProblems(true);
    if (problems.some(Boolean)) return;
    update.mutate(
      {
        id: category.id,
        body: {
          warrantyMonths: warranty === '' ? null : Math.trunc(Number(warranty)),
          freeRepairFromDay: Math.trunc(Number(fromDay) || 0),
          depreciationBands: bands.map((b) => ({
            fromDay: Number(b.fromDay),
            toDay: Number(b.toDay),
            percent: Number(b.percent),
          })),
          entitlementKind: kind || null,
          entitlementMinPrice: kind ? (toMinor(minPrice, currency) ?? 0) : null,
        },
      },
      {
        onSuccess: onClose,
        onError: (err) =>
          setFormError(
            isApiError(err) && err.fields.some((f) => f.field === 'body.depreciationBands')
              ? t('afterSales.policy.bandsInvalid')
              : translateMessage(t, problemMessage(err)),
          ),
      },
    );
  }

  return (
    <FormModal
      opened
      title={t('afterSales.policy.editTitle', { name: categoryLabel(category, i18n.language) })}
      submitLabel={t('common.save')}
      loading={update.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Group grow align="flex-start" gap="sm">
        <NumberInput
          label={t('afterSales.policy.warrantyMonths')}
          description={t('afterSales.policy.warrantyHelp')}
          value={warranty}
          onChange={setWarranty}
          min={0}
          max={120}
          allowDecimal={false}
          allowNegative={false}
          inputMode="numeric"
        />
        <NumberInput
          label={t('afterSales.policy.freeRepairFromDay')}
          description={t('afterSales.policy.freeRepairHelp')}
          value={fromDay}
          onChange={setFromDay}
          min={0}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          inputMode="numeric"
        />
      </Group>
      <BandsEditor rows={bands} problems={showProblems ? problems : bands.map(() => null)} onChange={setBands} />
      <Group grow align="flex-start" gap="sm">
        <Select
          label={t('afterSales.policy.entitlement')}
          data={[
            { value: '', label: t('afterSales.policy.noEntitlement') },
            { value: 'dry_cleaning', label: t('afterSales.entitlement.dry_cleaning') },
            { value: 'leather_care', label: t('afterSales.entitlement.leather_care') },
          ]}
          value={kind}
          onChange={(v) => setKind((v ?? '') as Kind)}
          allowDeselect={false}
        />
        {kind && (
          <NumberInput
            label={t('afterSales.policy.minPrice')}
            description={t('afterSales.policy.minPriceHelp')}
            value={minPrice}
            onChange={setMinPrice}
            min={0}
            decimalScale={digits}
            hideControls
            rightSection={
              <Text size="xs" c="dimmed">
                {currency}
              </Text>
            }
            rightSectionWidth={44}
          />
        )}
      </Group>
    </FormModal>
  );
}
