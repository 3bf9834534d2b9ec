import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { useSession } from '../../features/auth/api/get-me';
import { useUpdatePreferences } from '../../features/auth/api/update-preferences';

/** Shown only to accounts that work in more than one store; the choice is saved on the account. */
export function StoreSwitcher() {
  const { t } = useTranslation();
  const { stores, currentStore } = useSession();
  const prefs = useUpdatePreferences();
  if (stores.length < 2 || !currentStore) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          px="sm"
          maw={{ base: 132, sm: 260 }}
          leftSection={<Icon name="store" size={18} />}
          rightSection={<Icon name="chevronDown" size={14} />}
          loading={prefs.isPending}
          aria-label={t('shell.currentStore', { name: currentStore.name })}
          styles={{ label: { minWidth: 0 } }}
        >
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {currentStore.name}
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
        <Menu.Label>{t('shell.switchStore')}</Menu.Label>
        {stores.map((s) => (
          <Menu.Item
            key={s.id}
            onClick={() => prefs.mutate({ currentStoreId: s.id })}
            rightSection={s.id === currentStore.id ? <Icon name="check" size={16} /> : s.code}
            aria-current={s.id === currentStore.id ? 'true' : undefined}
          >
            {s.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
