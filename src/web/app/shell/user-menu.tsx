import { Menu, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../components/user-avatar';
import { Link } from 'react-router-dom';
import { Icon } from '../../components/icons';
import { useSession } from '../../features/auth/api/get-me';
import { useLogOut } from '../../features/auth/api/log-out';

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const logOut = useLogOut();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu', { name: user.displayName })} style={{ borderRadius: '50%' }}>
          <UserAvatar name={user.displayName} size={36} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.displayName} · {t(`roles.${user.role}`)}
        </Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<Icon name="user" size={18} />}>
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item leftSection={<Icon name="logout" size={18} />} onClick={() => logOut.mutate()}>
          {t('shell.logOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
