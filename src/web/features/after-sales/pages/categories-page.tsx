import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { MetaLine } from '../../../components/meta-line';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatMoney } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { categoryLabel, useCategories, type Category } from '../../purchases/api/get-categories';
import { CategoryFormModal } from '../components/category-form-modal';

/** /settings/categories — owner and head office set each category's warranty and after-sales rules. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const categories = useCategories();
  const [editing, setEditing] = useState<Category | null>(null);
  const currency = me.currentStore?.currency ?? 'CNY';
  const bands = (c: Category) =>
    c.depreciationBands
      .map((b) => t('afterSales.policy.band', { from: b.fromDay, to: b.toDay, percent: b.percent }))
      .join(' · ');

  return (
    <Stack gap={0}>
      <PageHeader title={t('afterSales.policy.title')} description={t('afterSales.policy.description')} />
      {categories.isPending ? (
        <PageLoader />
      ) : categories.isError ? (
        <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {categories.data.items
            .filter((c) => !c.isService)
            .map((c) => (
              <Paper key={c.id} component="li" withBorder radius="md" p="md">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{categoryLabel(c, i18n.language)}</Text>
                      {c.entitlementKind && (
                        <Badge variant="filled" color="teal.9">
                          {t(`afterSales.entitlement.${c.entitlementKind}`)}
                          {c.entitlementMinPrice
                            ? ` ≥ ${formatMoney(c.entitlementMinPrice, currency, i18n.language)}`
                            : ''}
                        </Badge>
                      )}
                    </Group>
                    <MetaLine
                      parts={[
                        c.warrantyMonths
                          ? t('afterSales.policy.warranty', { count: c.warrantyMonths })
                          : t('afterSales.ticket.noWarranty'),
                        c.warrantyMonths ? t('afterSales.policy.freeFrom', { day: c.freeRepairFromDay }) : null,
                      ]}
                    />
                    {c.warrantyMonths !== null && c.depreciationBands.length > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('afterSales.policy.bandsSummary', { bands: bands(c) })}
                      </Text>
                    )}
                  </Stack>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<Icon name="edit" size={16} />}
                    onClick={() => setEditing(c)}
                    style={{ flex: 'none' }}
                    aria-label={t('afterSales.policy.editAction', { name: categoryLabel(c, i18n.language) })}
                  >
                    {t('common.edit')}
                  </Button>
                </Group>
              </Paper>
            ))}
        </Stack>
      )}
      {editing && <CategoryFormModal category={editing} currency={currency} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
