import { Badge, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../../components/user-avatar';
import { LOCALES, type Locale } from '../../../../contracts/common';
import { useLanguage } from '../../../app/use-language';
import { Icon } from '../../../components/icons';
import { LANGUAGE_NAMES } from '../../../components/language-menu';
import { formatList } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { useLogOut } from '../../auth/api/log-out';

export function ProfileCard() {
  const { t, i18n } = useTranslation();
  const { user, stores } = useSession();
  const language = useLanguage();
  const logOut = useLogOut();
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label={t('account.profile')}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <UserAvatar name={user.displayName} size="lg" />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700} fz="lg">
              {user.displayName}
            </Text>
            <Badge variant="light">{t(`roles.${user.role}`)}</Badge>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
          <Text size="sm" c="dimmed">
            {stores.length
              ? formatList(
                  stores.map((s) => s.name),
                  i18n.language,
                )
              : t('users.noStores')}
          </Text>
        </Stack>
      </Group>
      <Select
        mt="lg"
        maw={320}
        label={t('account.language')}
        description={t('account.languageHelp')}
        data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        value={language.current}
        onChange={(l) => l && language.change(l as Locale)}
        allowDeselect={false}
      />
      <Button
        mt="lg"
        variant="default"
        style={{ alignSelf: 'flex-start' }}
        leftSection={<Icon name="logout" size={18} />}
        loading={logOut.isPending}
        onClick={() => logOut.mutate()}
      >
        {t('shell.logOut')}
      </Button>
    </Card>
  );
}
