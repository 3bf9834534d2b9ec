// One condition of the builder: the fields its kind needs, each labelled, in a row that wraps on a phone.
import { ActionIcon, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeafCondition, LeafKind, SegmentOptions } from '../../../../contracts/segments';
import { Icon } from '../../../components/icons';
import { BirthdayFields, PurchaseFields } from './calendar-fields';
import type { FieldsProps } from './condition-fields';
import { CustomFields, ProfileFields } from './profile-fields';
import { ConsentFields, OwnerFields, StoreFields, TagFields } from './relation-fields';
import { ClassFields, MetricFields, TierFields } from './standing-fields';

type Props = {
  value: LeafCondition;
  onChange(next: LeafCondition): void;
  onRemove(): void;
  options: SegmentOptions | undefined;
  incomplete: boolean;
};

export function ConditionEditor({ value, onChange, onRemove, options, incomplete }: Props) {
  const { t } = useTranslation();
  const set = (patch: Record<string, unknown>) => onChange({ ...value, ...patch } as LeafCondition);
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
          <Fields value={value} set={set} options={options} />
        </Group>
      </Stack>
    </Card>
  );
}

const FIELDS: { [K in LeafKind]: ComponentType<FieldsProps<K>> } = {
  tier: TierFields,
  class: ClassFields,
  metric: MetricFields,
  birthday: BirthdayFields,
  purchase: PurchaseFields,
  consent: ConsentFields,
  profile: ProfileFields,
  custom: CustomFields,
  tag: TagFields,
  store: StoreFields,
  owner: OwnerFields,
};

function Fields<K extends LeafKind>({ value, ...rest }: FieldsProps<K>) {
  const Kind: ComponentType<FieldsProps<K>> = FIELDS[value.kind];
  return <Kind value={value} {...rest} />;
}
