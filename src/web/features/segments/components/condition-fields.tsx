// What the condition editors share: the field width, the props each kind's fields take, and the operator select.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeafCondition, SegmentOptions } from '../../../../contracts/segments';

export const W = { base: '100%', xs: 200 } as const;

export type FieldsProps<K extends LeafCondition['kind']> = {
  value: Extract<LeafCondition, { kind: K }>;
  set(patch: Record<string, unknown>): void;
  options: SegmentOptions | undefined;
};

export function labelOf(labels: Record<string, string>, lng: string): string {
  return labels[lng] ?? labels.en ?? Object.values(labels)[0] ?? '';
}

// A cleared number input gives '', which the condition stores as "no value".
export const num = (v: string | number) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

export function useFieldText() {
  const { t, i18n } = useTranslation();
  const sel = (list: readonly string[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`, { defaultValue: v }) }));
  return { t, lng: i18n.language, sel };
}

type OperatorProps = { ops: readonly string[]; prefix: string; value: string; set(patch: { op: string | null }): void };

export function OperatorSelect({ ops, prefix, value, set }: OperatorProps) {
  const { t, sel } = useFieldText();
  return (
    <Select
      w={W}
      label={t('segments.fields.operator')}
      data={sel(ops, prefix)}
      value={value}
      allowDeselect={false}
      onChange={(op) => set({ op })}
    />
  );
}
