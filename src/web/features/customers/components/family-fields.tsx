import { Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../contracts/customers';

const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'] as const;

type Family = NonNullable<Profile['family']>;

/** The family members in the profile editor: relation, name and age a row, added and removed. */
export function FamilyFields({ family, onChange }: { family: Family; onChange: (family: Family) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {t('customers.field.family')}
      </Text>
      {family.map((f, i) => (
        <Group key={i} align="flex-end" wrap="wrap" gap="xs">
          <Select
            aria-label={t('customers.field.relation')}
            w={130}
            value={f.relation}
            onChange={(v) =>
              onChange(
                family.map((x, j) => (j === i ? { ...x, relation: (v ?? 'other') as (typeof RELATIONS)[number] } : x)),
              )
            }
            data={RELATIONS.map((r) => ({ value: r, label: t(`customers.relation.${r}`) }))}
          />
          <TextInput
            aria-label={t('customers.field.memberName')}
            placeholder={t('customers.field.memberName')}
            w={140}
            value={f.name ?? ''}
            onChange={(e) => onChange(family.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
          />
          <NumberInput
            aria-label={t('customers.field.memberAge')}
            placeholder={t('customers.field.memberAge')}
            w={90}
            min={0}
            max={130}
            value={f.age ?? ''}
            onChange={(v) => onChange(family.map((x, j) => (j === i ? { ...x, age: v === '' ? null : Number(v) } : x)))}
          />
          <Button variant="subtle" color="red" onClick={() => onChange(family.filter((_, j) => j !== i))}>
            {t('customers.remove')}
          </Button>
        </Group>
      ))}
      <Button
        variant="light"
        size="compact-sm"
        w="fit-content"
        onClick={() => onChange([...family, { relation: 'child' }])}
      >
        {t('customers.addFamily')}
      </Button>
    </Stack>
  );
}
