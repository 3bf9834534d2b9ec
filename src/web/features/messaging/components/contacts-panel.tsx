import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { useCustomer } from '../../customers/api/customers';
import { BROWSER_ZONE, useStoreOf } from '../../purchases/lib/store';
import { useCustomerContacts } from '../api/contacts';
import { useCustomerMessages } from '../api/outbox';
import { ContactItem } from './contact-item';
import { LogContactModal } from './log-contact-modal';
import { MessageItem } from './message-item';

const listStyle = { listStyle: 'none' } as const;

/**
 * The customer page's "Contacts" tab: log a contact made some other way, what is queued for her, every
 * contact so far. ("Contact" itself is in the page header, on every tab.)
 */
export function ContactsPanel({ customerId, storeId }: { customerId: string; storeId: string }) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  const timeZone = useStoreOf(storeId)?.timezone ?? BROWSER_ZONE;
  const contacts = useCustomerContacts(customerId);
  const messages = useCustomerMessages(customerId);
  const [logging, setLogging] = useState(false);
  const unsent = (messages.data?.items ?? []).filter((m) => m.status !== 'sent');
  const all = contacts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2} size="h4">
          {t('messaging.panel.contacts')}
        </Title>
        {customer.data && (
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<Icon name="plus" size={18} />}
              onClick={() => setLogging(true)}
              disabled={Boolean(customer.data.erasedAt)}
            >
              {t('messaging.log.button')}
            </Button>
          </Group>
        )}
      </Group>
      {unsent.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('messaging.panel.messages')}
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0} style={listStyle}>
            {unsent.map((m) => (
              <MessageItem key={m.id} message={m} timeZone={timeZone} />
            ))}
          </Stack>
        </Stack>
      )}
      {messages.isError && <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />}
      {contacts.isPending ? (
        <PageLoader />
      ) : contacts.isError ? (
        <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : all.length === 0 ? (
        <EmptyBlock icon="phone" title={t('messaging.panel.empty')} description={t('messaging.panel.emptyHelp')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={listStyle}>
          {all.map((k) => (
            <ContactItem key={k.id} contact={k} timeZone={timeZone} />
          ))}
        </Stack>
      )}
      {contacts.hasNextPage && (
        <Button variant="default" onClick={() => void contacts.fetchNextPage()} loading={contacts.isFetchingNextPage}>
          {t('messaging.panel.more')}
        </Button>
      )}
      {logging && customer.data && (
        <LogContactModal customerId={customerId} name={customer.data.displayName} onClose={() => setLogging(false)} />
      )}
    </Stack>
  );
}
