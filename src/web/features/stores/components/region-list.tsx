import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../../contracts/org';
import { Icon } from '../../../components/icons';

export function RegionList({
  regions,
  canEdit,
  onEdit,
}: {
  regions: Region[];
  canEdit: boolean;
  onEdit: (r: Region) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {regions.map((r) => (
        <Paper key={r.id} component="li" withBorder radius="md" p="md">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text fw={600}>{r.name}</Text>
                <Badge variant="light" color="gray">
                  {r.code}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('regions.storeCount', { count: r.storeCount })}
              </Text>
            </Stack>
            {canEdit && (
              <Button
                variant="default"
                size="xs"
                leftSection={<Icon name="edit" size={16} />}
                onClick={() => onEdit(r)}
                aria-label={t('regions.editTitle', { name: r.name })}
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
