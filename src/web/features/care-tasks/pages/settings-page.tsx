import { Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon, type IconName } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { can, type Capability } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';

type Entry = { key: string; to: string; icon: IconName; capability: Capability | null };

// Every settings-type screen, one place: the nav keeps one "Settings" item.
const ENTRIES: Entry[] = [
  { key: 'tiers', to: '/settings/tiers', icon: 'trophy', capability: 'vipProgramme' },
  { key: 'classes', to: '/settings/classes', icon: 'chart', capability: 'classSettings' },
  { key: 'templates', to: '/settings/templates', icon: 'message', capability: null },
  { key: 'tags', to: '/settings/tags', icon: 'tag', capability: 'tags' },
  { key: 'questions', to: '/settings/questions', icon: 'listDetails', capability: 'questionBank' },
  { key: 'services', to: '/settings/services', icon: 'sparkles', capability: 'serviceMenu' },
  { key: 'categories', to: '/settings/categories', icon: 'tool', capability: 'afterSalesPolicy' },
];

/** /settings — the hub of the brand's settings screens the caller may open. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const entries = ENTRIES.filter((e) => e.capability === null || can(user.role, e.capability));
  return (
    <Stack gap="md">
      <PageHeader title={t('careTasks.settings.title')} description={t('careTasks.settings.description')} mb={0} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {entries.map((e) => (
          <Card key={e.key} withBorder radius="md" p={0}>
            <UnstyledButton component={Link} to={e.to} p="md" style={{ display: 'block' }}>
              <Group wrap="nowrap" gap="sm" align="flex-start">
                <Icon name={e.icon} size={24} />
                <Stack gap={2}>
                  <Text fw={600}>{t(`careTasks.settings.${e.key}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`careTasks.settings.${e.key}Hint`)}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
