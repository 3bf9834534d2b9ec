import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import type { Locale } from '../../../../contracts/common';
import { formatLunarDate } from '../../../../domain/lunar';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { useCustomer } from '../api/customers';
import { CompletenessCard } from '../components/completeness-card';
import { ConsentsCard } from '../components/consents-card';
import { ContactCard } from '../components/contact-card';
import { CustomerActions } from '../components/customer-actions';
import { CustomAnswersCard } from '../components/custom-answers-card';
import { ProfileCard } from '../components/profile-card';
import { CustomerTimeline } from '../components/timeline';
import { customerPanels } from '../customer-panels';
import { ContactCustomerButton } from '../../messaging/components/contact-customer-button';
import { LoyaltyCard } from '../../loyalty/components/loyalty-card';
import { TierBadge } from '../../loyalty/components/tier-badge';
import { MetricsCard } from '../../metrics/components/metrics-card';
import { CustomerTagsCard } from '../../segments/components/customer-tags-card';

export function CustomerPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useSession();
  const customer = useCustomer(id);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  if (customer.isPending) return <PageLoader />;
  if (customer.isError) return <ErrorAlert error={customer.error} onRetry={() => void customer.refetch()} />;
  const c = customer.data;
  const store = me.stores.find((s) => s.id === c.storeId);
  const timeZone = store?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const panels = [...customerPanels].sort((a, b) => a.order - b.order);
  const birthday = c.lunarBirthday
    ? formatLunarDate(c.lunarBirthday.month, c.lunarBirthday.day, c.lunarBirthday.isLeapMonth, i18n.language as Locale)
    : c.birthday
      ? formatDate(`${c.birthday}T12:00:00Z`, i18n.language, 'UTC')
      : null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/customers" size="sm">
        ← {t('customers.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs" wrap="wrap">
            <Title order={1}>{c.displayName}</Title>
            <TierBadge tier={c.tier} />
            {c.doNotContact && <Badge color="red">{t('customers.flags.doNotContactBadge')}</Badge>}
            {c.isDeceased && <Badge color="gray">{t('customers.flags.deceasedBadge')}</Badge>}
          </Group>
          <Text c="dimmed">
            {[c.reading, c.memberNo && t('customers.memberNoShort', { no: c.memberNo }), store?.name]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text size="sm">
            {[
              c.owner ? t('customers.ownerIs', { name: c.owner.name }) : t('customers.noOwner'),
              birthday && t('customers.birthdayIs', { date: birthday }),
              c.lastVisitAt
                ? t('customers.lastVisitOn', { date: formatDate(c.lastVisitAt, i18n.language, timeZone) })
                : t('customers.noVisitYet'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs">
          <ContactCustomerButton customer={c} />
          <CustomerActions c={c} role={me.user.role} />
        </Group>
      </Group>
      {c.erasedAt && <Alert color="gray">{t('customers.erase.done')}</Alert>}
      <Tabs
        value={params.get('tab') ?? 'profile'}
        onChange={(v) => setParams(v && v !== 'profile' ? { tab: v } : {}, { replace: true, state: location.state })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          <Tabs.Tab value="profile">{t('customers.tabs.profile')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('customers.tabs.timeline')}</Tabs.Tab>
          {panels.map((p) => (
            <Tabs.Tab key={p.key} value={p.key}>
              {t(p.labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap="md">
              <LoyaltyCard customerId={c.id} storeId={c.storeId} />
              <CustomerTagsCard customerId={c.id} />
              <CompletenessCard score={c.completeness} next={c.nextQuestions} />
              <MetricsCard customerId={c.id} />
              <ContactCard c={c} />
              <ConsentsCard c={c} timeZone={timeZone} />
            </Stack>
            <Stack gap="md">
              <ProfileCard c={c} />
              <CustomAnswersCard c={c} />
            </Stack>
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <CustomerTimeline customerId={c.id} timeZone={timeZone} />
        </Tabs.Panel>
        {panels.map((p) => (
          <Tabs.Panel key={p.key} value={p.key} pt="md">
            <p.Component customerId={c.id} storeId={c.storeId} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
