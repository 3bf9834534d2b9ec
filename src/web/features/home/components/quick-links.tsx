import { Card, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../contracts/common';
import { navItemsFor, navLabelKey } from '../../../app/shell/nav-items';
import { Icon } from '../../../components/icons';

/** One card per page this role may open, with what it is for. */
export function QuickLinks({ role }: { role: Role }) {
  const { t } = useTranslation();
  const items = navItemsFor(role).filter((i) => i.key !== 'home');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
      {items.map((item) => (
        <Card key={item.key} component={Link} to={item.to} withBorder radius="md" padding="md">
          <Group wrap="nowrap" align="flex-start" gap="sm">
            <ThemeIcon variant="light" size={40} radius="md" aria-hidden="true">
              <Icon name={item.icon} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text fw={600}>{t(navLabelKey(item, role))}</Text>
              <Text size="sm" c="dimmed">
                {t(`home.links.${item.key}`)}
              </Text>
            </div>
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}
