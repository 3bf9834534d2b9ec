import { Button, Group, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useProgramme } from '../api/loyalty';
import { RequirementsPanel } from '../components/requirements-panel';

/** The page staff show (or print for) a customer who registers: what each tier asks and gives. */
export function MembershipPage() {
  const { t } = useTranslation();
  const me = useSession();
  const programme = useProgramme();
  const currencies = [...new Set(me.stores.map((s) => s.currency))];
  const [currency, setCurrency] = useState(currencies[0] ?? 'CNY');
  if (programme.isPending) return <PageLoader />;
  if (programme.isError) return <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('loyalty.requirements.title')}
        description={t('loyalty.requirements.description')}
        actions={
          <Group gap="xs" className="no-print">
            <Button variant="default" leftSection={<Icon name="printer" size={18} />} onClick={() => window.print()}>
              {t('loyalty.requirements.print')}
            </Button>
            {can(me.user.role, 'vipProgramme') && (
              <Button component={Link} to="/settings/tiers" leftSection={<Icon name="settings" size={18} />}>
                {t('loyalty.requirements.edit')}
              </Button>
            )}
          </Group>
        }
      />
      {currencies.length > 1 && (
        <SegmentedControl mb="md" value={currency} onChange={setCurrency} data={currencies} className="no-print" />
      )}
      <RequirementsPanel programme={programme.data} currency={currency} />
    </>
  );
}
