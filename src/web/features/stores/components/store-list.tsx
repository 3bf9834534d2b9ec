import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Region, Store } from '../../../../contracts/org';
import { Icon } from '../../../components/icons';
import { LANGUAGE_NAMES } from '../../../components/language-menu';
import { MetaLine } from '../../../components/meta-line';
import { countryName } from '../../../lib/format';

type Props = { stores: Store[]; regions: Region[]; canEdit: boolean; onEdit: (s: Store) => void };

export function StoreList({ stores, regions, canEdit, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const regionName = (id: string | null) => regions.find((r) => r.id === id)?.name;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {stores.map((s) => (
        <Paper key={s.id} component="li" withBorder radius="md" p="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{s.name}</Text>
                <Badge variant="light" color="gray">
                  {s.code}
                </Badge>
                {!s.isActive && (
                  <Badge variant="filled" color="gray.7">
                    {t('stores.closed')}
                  </Badge>
                )}
              </Group>
              <MetaLine
                parts={[
                  regionName(s.regionId),
                  countryName(s.country, i18n.language),
                  s.currency,
                  s.timezone,
                  LANGUAGE_NAMES[s.locale],
                ]}
              />
            </Stack>
            {canEdit && (
              <Button
                variant="default"
                size="xs"
                leftSection={<Icon name="edit" size={16} />}
                onClick={() => onEdit(s)}
                aria-label={t('stores.editTitle', { name: s.name })}
                style={{ flex: 'none' }}
              >
                {t('common.edit')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
