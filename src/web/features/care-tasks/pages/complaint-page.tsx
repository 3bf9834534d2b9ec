import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { useComplaint } from '../api/tasks';

/** /complaints/:id — the first record of an issue a customer raised on a care contact. */
export function ComplaintPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { currentStore } = useSession();
  const q = useComplaint(id);
  const zone = currentStore?.timezone ?? 'UTC';
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t('careTasks.complaint.title')} description={c.customerName} mb={0} />
      <Card withBorder radius="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{t('careTasks.complaint.summary')}</Text>
            <Badge color="orange" variant="light">
              {t(`careTasks.complaint.status.${c.status}`, { defaultValue: c.status })}
            </Badge>
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</Text>
          <Text size="sm" c="dimmed">
            {t('careTasks.complaint.openedBy', {
              name: c.openedBy.name,
              date: formatDateTime(c.createdAt, i18n.language, zone),
            })}
          </Text>
        </Stack>
      </Card>
      <Group gap="md">
        <Anchor component={Link} to={`/customers/${c.customerId}`}>
          {c.customerName}
        </Anchor>
        <Anchor component={Link} to="/today">
          {t('careTasks.complaint.backToTask')}
        </Anchor>
      </Group>
    </Stack>
  );
}
