import { Menu, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { Icon } from '../../components/icons';
import { useSession } from '../../features/auth/api/get-me';
import { isActivePath, navItemsFor } from './nav-items';

// Five thumb-sized slots at most; the rest go under "More".
const SLOTS = 5;

export function BottomNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { pathname } = useLocation();
  const items = navItemsFor(user.role);
  const visible = items.length <= SLOTS ? items : items.slice(0, SLOTS - 1);
  const overflow = items.length <= SLOTS ? [] : items.slice(SLOTS - 1);
  const overflowActive = overflow.some((i) => isActivePath(i, pathname));
  return (
    <nav aria-label={t('nav.label')} className="bottom-nav">
      {visible.map((item) => (
        <NavLink key={item.key} to={item.to} end={item.to === '/'} className="bottom-nav-item">
          <Icon name={item.icon} size={22} />
          <span>{t(`navShort.${item.key}`)}</span>
        </NavLink>
      ))}
      {overflow.length > 0 && (
        <Menu position="top-end" withinPortal>
          <Menu.Target>
            <UnstyledButton className="bottom-nav-item" data-active={overflowActive || undefined}>
              <Icon name="dots" size={22} />
              <span>{t('navShort.more')}</span>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            {overflow.map((item) => (
              <Menu.Item key={item.key} component={Link} to={item.to} leftSection={<Icon name={item.icon} size={18} />}>
                {t(`nav.${item.key}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </nav>
  );
}
