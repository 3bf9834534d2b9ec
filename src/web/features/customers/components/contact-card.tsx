import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../contracts/customers';
import { ErrorAlert } from '../../../components/query-state';
import { useReveal } from '../api/customers';

/** Contacts stay masked until someone explicitly shows them; that act is written to the audit log. */
export function ContactCard({ c }: { c: Customer }) {
  const { t } = useTranslation();
  const reveal = useReveal(c.id);
  const [shown, setShown] = useState<Record<string, string>>({});
  const show = (field: 'phone' | 'email', phoneId?: string) =>
    reveal.mutate({ field, phoneId }, { onSuccess: (r) => setShown((s) => ({ ...s, [phoneId ?? field]: r.value })) });

  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('customers.contacts')}
        </Title>
        {c.phones.length === 0 && !c.emailMasked && <Text c="dimmed">{t('customers.noContacts')}</Text>}
        {c.phones.map((p) => {
          const value = p.e164 ?? shown[p.id];
          return (
            <Group key={p.id} justify="space-between" wrap="wrap" gap="xs">
              <Text>
                {t(`customers.phoneLabel.${p.label}`)}: <strong>{value ?? p.masked}</strong>
              </Text>
              {value ? (
                <Group gap="sm">
                  <Anchor href={`tel:${value}`}>{t('customers.call')}</Anchor>
                  <Anchor href={`sms:${value}`}>{t('customers.sms')}</Anchor>
                </Group>
              ) : (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => show('phone', p.id)}
                  loading={reveal.isPending}
                >
                  {t('customers.reveal')}
                </Button>
              )}
            </Group>
          );
        })}
        {c.emailMasked && (
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text>
              {t('customers.field.email')}: <strong>{c.email ?? shown.email ?? c.emailMasked}</strong>
            </Text>
            {!(c.email ?? shown.email) && (
              <Button size="compact-sm" variant="light" onClick={() => show('email')} loading={reveal.isPending}>
                {t('customers.reveal')}
              </Button>
            )}
          </Group>
        )}
        {!c.contactsVisible && (c.phones.length > 0 || c.emailMasked) && (
          <Text size="xs" c="dimmed">
            {t('customers.revealNote')}
          </Text>
        )}
        {reveal.isError && <ErrorAlert error={reveal.error} />}
      </Stack>
    </Card>
  );
}
