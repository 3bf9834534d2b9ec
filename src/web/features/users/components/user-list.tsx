import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../../components/user-avatar';
import type { StoreSummary } from '../../../../contracts/auth';
import type { Role } from '../../../../contracts/common';
import type { User } from '../../../../contracts/org';
import { formatDateTime, formatList } from '../../../lib/format';
import { canManageRole } from '../../../lib/permissions';
import { UserActionsMenu, type UserAction } from './user-actions-menu';

type Props = {
  users: User[];
  stores: StoreSummary[];
  me: { id: string; role: Role };
  timeZone: string;
  onAction: (user: User, action: UserAction) => void;
};

export function UserList({ users, stores, me, timeZone, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const storeNames = (ids: string[]) =>
    formatList(
      ids.flatMap((id) => stores.find((s) => s.id === id)?.name ?? []),
      i18n.language,
    );
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {users.map((u) => {
        const isSelf = u.id === me.id;
        const lastLogin = u.lastLoginAt
          ? formatDateTime(u.lastLoginAt, i18n.language, timeZone)
          : t('users.neverLoggedIn');
        return (
          <Paper key={u.id} component="li" withBorder radius="md" p="md" bg={u.isActive ? undefined : 'gray.0'}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Group wrap="nowrap" align="flex-start" gap="sm" style={{ minWidth: 0 }}>
                <UserAvatar name={u.displayName} />
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{u.displayName}</Text>
                    <Badge variant="light">{t(`roles.${u.role}`)}</Badge>
                    {isSelf && (
                      <Badge variant="outline" color="gray">
                        {t('users.you')}
                      </Badge>
                    )}
                    {!u.isActive && (
                      <Badge variant="filled" color="gray.7">
                        {t('users.deactivated')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {u.email}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {storeNames(u.storeIds) || t('users.noStores')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('users.lastLogin', { when: lastLogin })}
                  </Text>
                </Stack>
              </Group>
              {!isSelf && canManageRole(me.role, u.role) && (
                <UserActionsMenu user={u} onAction={(a) => onAction(u, a)} />
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
