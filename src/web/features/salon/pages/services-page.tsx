import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { MetaLine } from '../../../components/meta-line';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatMoney } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { useServiceItems, useUpdateServiceItem, type ServiceItem } from '../api/service-items';
import { ServiceItemFormModal } from '../components/service-item-form-modal';

/** /settings/services — managers keep the salon's service menu: add, edit, retire. */
export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const items = useServiceItems();
  const setActive = useUpdateServiceItem();
  const [editing, setEditing] = useState<ServiceItem | 'new' | null>(null);
  const currency = me.currentStore?.currency ?? 'CNY';
  const list = [...(items.data?.items ?? [])].sort((a, b) => Number(b.isActive) - Number(a.isActive));

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('salon.menu.title')}
        description={t('salon.menu.description')}
        actions={
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setEditing('new')}>
            {t('salon.menu.add')}
          </Button>
        }
      />
      {items.isPending ? (
        <PageLoader />
      ) : items.isError ? (
        <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      ) : list.length === 0 ? (
        <EmptyBlock icon="sparkles" title={t('salon.menu.empty')} description={t('salon.menu.emptyHelp')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((s) => (
            <Paper key={s.id} component="li" withBorder radius="md" p="md" bg={s.isActive ? undefined : 'gray.0'}>
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{s.name}</Text>
                    {!s.isActive && (
                      <Badge color="gray.7" variant="filled">
                        {t('salon.menu.retired')}
                      </Badge>
                    )}
                  </Group>
                  <MetaLine
                    parts={[
                      t('salon.minutes', { count: s.durationMinutes }),
                      formatMoney(s.price, s.currency, i18n.language),
                    ]}
                  />
                </Stack>
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<Icon name="edit" size={16} />}
                    onClick={() => setEditing(s)}
                    aria-label={t('salon.menu.editAction', { name: s.name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color={s.isActive ? 'red' : undefined}
                    c={s.isActive ? 'red.9' : undefined}
                    loading={setActive.isPending && setActive.variables?.id === s.id}
                    onClick={() => setActive.mutate({ id: s.id, body: { isActive: !s.isActive } })}
                    aria-label={t(s.isActive ? 'salon.menu.retireAction' : 'salon.menu.restoreAction', {
                      name: s.name,
                    })}
                  >
                    {s.isActive ? t('salon.menu.retire') : t('salon.menu.restore')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {editing && (
        <ServiceItemFormModal
          item={editing === 'new' ? null : editing}
          currency={currency}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
