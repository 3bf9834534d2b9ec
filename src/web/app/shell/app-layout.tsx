import { AppShell } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useLocaleSync } from '../use-language';
import { AppHeader } from './app-header';
import { BottomNav } from './bottom-nav';
import { SideNav } from './side-nav';

/** Phone: header + bottom bar. From `sm` up: header + side navigation. */
export function AppLayout() {
  const { t } = useTranslation();
  useLocaleSync();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: true } }}
      footer={{ height: { base: 64, sm: 0 } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Navbar p="sm" visibleFrom="sm" aria-label={t('nav.label')}>
        <SideNav />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div style={{ maxWidth: 1100, marginInline: 'auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
      <AppShell.Footer hiddenFrom="sm">
        <BottomNav />
      </AppShell.Footer>
    </AppShell>
  );
}
