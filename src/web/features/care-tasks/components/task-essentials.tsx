import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskDetail } from '../../../../contracts/care-tasks';
import { formatDate, formatMoney } from '../../../lib/format';

type Props = { task: TaskDetail; timeZone: string; onClose: () => void };

/** What to know of her before calling: last visit, sizes, family, notes and what she bought lately. */
export function TaskEssentials({ task, timeZone, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const c = task.customerFile;
  const sizes = [
    c.profile.clothingSize ? t('careTasks.detail.clothingSize', { size: c.profile.clothingSize }) : null,
    c.profile.shoeSize ? t('careTasks.detail.shoeSize', { size: c.profile.shoeSize }) : null,
  ].filter(Boolean);
  const family = (c.profile.family ?? []).map((f) =>
    [t(`careTasks.relations.${f.relation}`), f.name].filter(Boolean).join(' '),
  );

  return (
    <section aria-labelledby="task-essentials">
      <Group justify="space-between" mb={4}>
        <Title order={3} fz="h5" id="task-essentials">
          {t('careTasks.detail.essentials')}
        </Title>
        <Anchor component={Link} to={`/customers/${c.id}`} size="sm" onClick={onClose}>
          {t('careTasks.detail.openFile')}
        </Anchor>
      </Group>
      <Stack gap={4}>
        <Fact label={t('careTasks.detail.lastVisit')}>
          {c.lastVisitAt ? formatDate(c.lastVisitAt, i18n.language, timeZone) : t('careTasks.card.neverVisited')}
        </Fact>
        {sizes.length > 0 && <Fact label={t('careTasks.detail.sizes')}>{sizes.join(' · ')}</Fact>}
        {family.length > 0 && <Fact label={t('careTasks.detail.family')}>{family.join('、')}</Fact>}
        {c.profile.notes && <Fact label={t('careTasks.detail.notes')}>{c.profile.notes}</Fact>}
      </Stack>
      <Text size="sm" fw={600} mt="sm" mb={2}>
        {t('careTasks.detail.bought')}
      </Text>
      {task.recentPurchases.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('careTasks.detail.nothingBought')}
        </Text>
      ) : (
        <Stack gap={2}>
          {task.recentPurchases.map((p, i) => (
            <Text size="sm" key={`${p.receiptNo}-${i}`}>
              {formatDate(p.occurredAt, i18n.language, timeZone)} · {p.productName}
              {p.size ? ` (${p.size})` : ''} · {formatMoney(p.paidAmount, p.currency, i18n.language)}
            </Text>
          ))}
        </Stack>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w="6.5rem" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}
