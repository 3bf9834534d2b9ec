// One question of the question bank as staff answer it on her page; the editor's preview uses the same
// component, so what the owner sees is what the guide gets.
import { MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import type { Locale } from '../../../../contracts/common';
import type { CustomField } from '../../../../contracts/custom-fields';
import { DateField } from '../../../components/date-field';

type Props = {
  field: Pick<CustomField, 'key' | 'type' | 'labels' | 'options'>;
  locale: Locale;
  value: unknown;
  onChange: (value: unknown) => void;
};

/** The answer as the card shows it: option labels in the UI language, lists joined. */
export function answerText(f: Pick<CustomField, 'type' | 'options'>, v: unknown, locale: Locale): string {
  const label = (x: unknown) => f.options.find((o) => o.value === x)?.labels[locale] ?? String(x);
  if (Array.isArray(v)) return v.map(label).join(locale === 'en' ? ', ' : '、');
  if (f.type === 'choice') return label(v);
  return String(v);
}

export function CustomFieldInput({ field: f, locale, value: v, onChange }: Props) {
  const label = f.labels[locale];
  const options = f.options.map((o) => ({ value: o.value, label: o.labels[locale] }));
  switch (f.type) {
    case 'choice':
      return <Select label={label} clearable data={options} value={(v as string) ?? null} onChange={onChange} />;
    case 'multi_choice':
      return <MultiSelect label={label} data={options} value={(v as string[]) ?? []} onChange={onChange} />;
    case 'number':
      return (
        <NumberInput
          label={label}
          value={(v as number) ?? ''}
          onChange={(x) => onChange(x === '' ? null : Number(x))}
        />
      );
    case 'date':
      return <DateField label={label} value={(v as string) ?? ''} onChange={(d) => onChange(d || null)} />;
    default:
      return (
        <TextInput
          label={label}
          value={(v as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
  }
}
