import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { useProgramme } from '../api/loyalty';
import { PointsCampaigns } from '../components/points-campaigns';
import { ProgrammeSettingsForm } from '../components/programme-settings-form';
import { TierRules } from '../components/tier-rules';

/** Settings → VIP programme: the tiers' rules and benefits, a preview of who moves before saving. */
export function TiersSettingsPage() {
  const { t } = useTranslation();
  const programme = useProgramme();
  if (programme.isPending) return <PageLoader />;
  if (programme.isError) return <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('loyalty.settings.title')}
        description={t('loyalty.settings.description')}
        actions={
          <Button component={Link} to="/vip" variant="default">
            {t('loyalty.settings.showRequirements')}
          </Button>
        }
      />
      <Stack gap="xl">
        <TierRules programme={programme.data} />
        <ProgrammeSettingsForm programme={programme.data} />
        <PointsCampaigns />
      </Stack>
    </>
  );
}
