import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { ContactLogTab } from '../components/contact-log-tab';
import { OutboxTab } from '../components/outbox-tab';
import { StatsTab } from '../components/stats-tab';

const TABS = ['stats', 'outbox', 'log'] as const;
type Tab = (typeof TABS)[number];

/** /contacts — for managers: each employee's contacts (seeds 000/001), the outbox, the contact log. */
export function ContactsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'stats';
  return (
    <Stack gap={0}>
      <PageHeader title={t('messaging.page.title')} description={t('messaging.page.description')} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'stats' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          <Tabs.Tab value="stats" leftSection={<Icon name="chart" size={16} />}>
            {t('messaging.page.tabs.stats')}
          </Tabs.Tab>
          <Tabs.Tab value="outbox" leftSection={<Icon name="mail" size={16} />}>
            {t('messaging.page.tabs.outbox')}
          </Tabs.Tab>
          <Tabs.Tab value="log" leftSection={<Icon name="phone" size={16} />}>
            {t('messaging.page.tabs.log')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="stats">
          <StatsTab />
        </Tabs.Panel>
        <Tabs.Panel value="outbox">
          <OutboxTab />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <ContactLogTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
