import type { Role } from '../../../contracts/common';
import type { IconName } from '../../components/icons';
import { can, type Capability } from '../../lib/permissions';

export type NavKey =
  | 'today'
  | 'settings'
  | 'home'
  | 'customers'
  | 'stores'
  | 'staff'
  | 'tokens'
  | 'audit'
  | 'registers'
  | 'fileContest'
  | 'contacts'
  | 'vip'
  | 'worth'
  | 'segments'
  | 'dashboard'
  | 'account';
export type NavItem = { key: NavKey; to: string; icon: IconName; capability: Capability | null };

export const NAV_ITEMS: readonly NavItem[] = [
  // What a shop guide opens in the morning: her care tasks.
  { key: 'today', to: '/today', icon: 'calendar', capability: null },
  { key: 'home', to: '/', icon: 'home', capability: null },
  { key: 'customers', to: '/customers', icon: 'users', capability: null },
  { key: 'contacts', to: '/contacts', icon: 'chart', capability: 'contactStats' },
  { key: 'segments', to: '/segments', icon: 'listDetails', capability: null },
  { key: 'dashboard', to: '/dashboard', icon: 'chart', capability: 'dashboard' },
  { key: 'worth', to: '/worth', icon: 'sparkles', capability: null },
  { key: 'vip', to: '/vip', icon: 'trophy', capability: null },
  { key: 'stores', to: '/stores', icon: 'store', capability: 'stores' },
  { key: 'staff', to: '/staff', icon: 'users', capability: 'staff' },
  { key: 'tokens', to: '/tokens', icon: 'key', capability: 'tokens' },
  { key: 'audit', to: '/audit', icon: 'history', capability: 'audit' },
  { key: 'registers', to: '/registers', icon: 'clipboard', capability: 'registers' },
  { key: 'fileContest', to: '/file-contest', icon: 'trophy', capability: 'fileContest' },
  { key: 'settings', to: '/settings', icon: 'settings', capability: null },
  { key: 'account', to: '/account', icon: 'user', capability: null },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => i.capability === null || can(role, i.capability));
}

export function isActivePath(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** "Stores & regions" only for those who see regions; everyone else just has "Stores". */
export function navLabelKey(item: NavItem, role: Role): string {
  return item.key === 'stores' && !can(role, 'viewRegions') ? 'nav.storesOnly' : `nav.${item.key}`;
}
