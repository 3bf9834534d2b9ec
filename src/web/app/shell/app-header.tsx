import { Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from '../../components/language-menu';
import { useSession } from '../../features/auth/api/get-me';
import { useLanguage } from '../use-language';
import { StoreSwitcher } from './store-switcher';
import { UserMenu } from './user-menu';

export function AppHeader() {
  const { t } = useTranslation();
  const { org } = useSession();
  const language = useLanguage();
  return (
    <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Link to="/" aria-label={t('shell.homeLink')} style={{ display: 'flex', flex: 'none' }}>
          <img src="/icon.svg" alt="" width={32} height={32} />
        </Link>
        <Text fw={700} truncate="end" style={{ minWidth: 0 }}>
          {org.name}
        </Text>
      </Group>
      <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
        <StoreSwitcher />
        <LanguageMenu value={language.current} onChange={language.change} compact />
        <UserMenu />
      </Group>
    </Group>
  );
}
