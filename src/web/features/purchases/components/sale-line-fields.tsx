import {
  ActionIcon,
  Autocomplete,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { currencyDigits, formatMoney } from '../../../lib/format';
import { categoryLabel, type Category } from '../api/get-categories';
import { toMajor } from '../lib/money';
import { lineMoney, type SaleLine } from '../lib/sale-form';
import { StyleNoInput, type Product } from './style-no-input';

type Props = {
  line: SaleLine;
  index: number;
  currency: string;
  categories: Category[];
  canRemove: boolean;
  error: (field: string) => string | undefined;
  onChange: (patch: Partial<SaleLine>) => void;
  onRemove: () => void;
};

/** One item on the receipt: what it is, its size and colour, how many, the price and the discount. */
export function SaleLineFields({ line, index, currency, categories, canRemove, error, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const digits = currencyDigits(currency);
  const money = lineMoney(line, currency);
  const titleId = `sale-line-${line.key}`;
  const e = (field: string) => error(`lines.${index}.${field}`);

  function pick(p: Product) {
    const cat = categories.find((c) => c.id === p.categoryId);
    onChange({
      styleNo: p.styleNo,
      productName: p.name,
      category: cat?.key ?? line.category,
      listPrice:
        p.listPrice !== null && (!p.currency || p.currency === currency)
          ? toMajor(p.listPrice, currency)
          : line.listPrice,
      colours: p.attributes.colours ?? [],
    });
  }

  const moneyProps = {
    decimalScale: digits,
    min: 0,
    hideControls: true,
    inputMode: digits > 0 ? ('decimal' as const) : ('numeric' as const),
    rightSection: (
      <Text size="xs" c="dimmed">
        {currency}
      </Text>
    ),
    rightSectionWidth: 44,
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id={titleId}>
          {t('purchases.sell.item', { n: index + 1 })}
        </Title>
        {canRemove && (
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onRemove}
            aria-label={t('purchases.sell.removeItem', { n: index + 1 })}
          >
            <Icon name="trash" size={18} />
          </ActionIcon>
        )}
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <StyleNoInput
            value={line.styleNo}
            error={e('styleNo')}
            onChange={(styleNo) => onChange({ styleNo })}
            onPick={pick}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            label={t('purchases.sell.productName')}
            value={line.productName}
            onChange={(ev) => onChange({ productName: ev.currentTarget.value })}
            maxLength={200}
            error={e('productName')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label={t('purchases.sell.category')}
            placeholder={t('purchases.sell.categoryPlaceholder')}
            data={categories.map((c) => ({ value: c.key, label: categoryLabel(c, i18n.language) }))}
            value={line.category || null}
            onChange={(v) => onChange({ category: v ?? '' })}
            clearable
            error={e('category')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 5, sm: 3 }}>
          <TextInput
            label={t('purchases.sell.size')}
            value={line.size}
            onChange={(ev) => onChange({ size: ev.currentTarget.value })}
            maxLength={20}
            error={e('size')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 7, sm: 5 }}>
          <Autocomplete
            label={t('purchases.sell.colour')}
            value={line.colour}
            onChange={(colour) => onChange({ colour })}
            data={line.colours}
            maxLength={40}
            error={e('colour')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 4, sm: 2 }}>
          <NumberInput
            label={t('purchases.sell.quantity')}
            value={line.quantity}
            onChange={(quantity) => onChange({ quantity })}
            min={1}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            error={e('quantity')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 8, sm: 4 }}>
          <NumberInput
            label={t('purchases.sell.listPrice')}
            value={line.listPrice}
            onChange={(listPrice) => onChange({ listPrice })}
            required
            error={e('unitListPrice')}
            {...moneyProps}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={t('purchases.sell.discount')}
            value={line.discount}
            onChange={(discount) => onChange({ discount })}
            error={e('discount')}
            {...moneyProps}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Text size="sm" fw={600} mb={4}>
            {t('purchases.sell.linePaid')}
          </Text>
          <Text fw={700} fz="lg" aria-live="polite" data-testid={`line-paid-${index}`}>
            {formatMoney(money.paid, currency, i18n.language)}
          </Text>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
