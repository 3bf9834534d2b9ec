import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { Icon } from '../../components/icons';
import { useSession } from '../../features/auth/api/get-me';
import { isActivePath, navItemsFor, navLabelKey } from './nav-items';

// Rendered inside AppShell.Navbar, which is the <nav> landmark.
export function SideNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {navItemsFor(user.role).map((item) => (
        <MantineNavLink
          key={item.key}
          component={NavLink}
          to={item.to}
          end={item.to === '/'}
          label={t(navLabelKey(item, user.role))}
          leftSection={<Icon name={item.icon} />}
          active={isActivePath(item, pathname)}
          variant="light"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        />
      ))}
    </Stack>
  );
}
