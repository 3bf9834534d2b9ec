import { ActionIcon, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/org';
import { Icon } from '../../../components/icons';

export type UserAction = 'edit' | 'password' | 'reassign' | 'deactivate' | 'reactivate';

export function UserActionsMenu({ user, onAction }: { user: User; onAction: (a: UserAction) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('users.actionsFor', { name: user.displayName })}
        >
          <Icon name="dots" />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<Icon name="edit" size={18} />} onClick={() => onAction('edit')}>
          {t('common.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<Icon name="lock" size={18} />} onClick={() => onAction('password')}>
          {t('users.resetPassword')}
        </Menu.Item>
        <Menu.Item leftSection={<Icon name="users" size={18} />} onClick={() => onAction('reassign')}>
          {t('customers.reassign.action')}
        </Menu.Item>
        {user.isActive ? (
          <Menu.Item color="red.8" leftSection={<Icon name="ban" size={18} />} onClick={() => onAction('deactivate')}>
            {t('users.deactivate')}
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<Icon name="check" size={18} />} onClick={() => onAction('reactivate')}>
            {t('users.reactivate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
