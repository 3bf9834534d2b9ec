import { Autocomplete, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { productSchema } from '../../../../contracts/purchases';
import { useProductSearch } from '../api/get-products';

export type Product = z.infer<typeof productSchema>;

type Props = {
  value: string;
  error?: string;
  onChange: (styleNo: string) => void;
  onPick: (product: Product) => void;
};

/** The style number, completed from the catalogue as she types: picking one fills name, category and price. */
export function StyleNoInput({ value, error, onChange, onPick }: Props) {
  const { t } = useTranslation();
  const [prefix] = useDebouncedValue(value, 200);
  const products = useProductSearch(prefix);
  const items = products.data?.items ?? [];
  const byStyle = new Map(items.map((p) => [p.styleNo, p]));
  return (
    <Autocomplete
      label={t('purchases.sell.styleNo')}
      placeholder={t('purchases.sell.styleNoPlaceholder')}
      value={value}
      onChange={onChange}
      data={items.map((p) => p.styleNo)}
      filter={({ options }) => options}
      onOptionSubmit={(styleNo) => {
        const p = byStyle.get(styleNo);
        if (p) onPick(p);
      }}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {option.value}
          </Text>
          <Text size="sm" c="dimmed" truncate="end">
            {byStyle.get(option.value)?.name}
          </Text>
        </Group>
      )}
      autoCapitalize="characters"
      autoComplete="off"
      maxLength={60}
      error={error}
    />
  );
}
