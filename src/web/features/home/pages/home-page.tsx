import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/query-state';
import { PageHeader } from '../../../components/page-header';
import { dayPart, hourIn } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { QuickLinks } from '../components/quick-links';
import { StoreClock, useNow } from '../components/store-clock';

export function HomePage() {
  const { t } = useTranslation();
  const { user, currentStore } = useSession();
  const now = useNow();
  const zone = currentStore?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const part = dayPart(hourIn(now, zone));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t(`home.greeting.${part}`, { name: user.displayName })}
        description={t(`roles.${user.role}`)}
        mb={0}
      />
      {currentStore ? (
        <StoreClock store={currentStore} now={now} />
      ) : (
        <EmptyBlock icon="store" title={t('home.noStore')} description={t('home.noStoreHelp')} />
      )}
      <section aria-labelledby="quick-links-title">
        <Title order={2} fz="h4" id="quick-links-title" mb="sm">
          {t('home.whatYouCanDo')}
        </Title>
        <QuickLinks role={user.role} />
      </section>
      <Text size="sm" c="dimmed">
        {t('home.comingSoon')}
      </Text>
    </Stack>
  );
}
