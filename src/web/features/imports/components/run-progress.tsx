import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../contracts/imports';

/** The bar of a running (dry) run, from the counters any app instance updates in the database. */
export function RunProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const percent = job.total ? Math.round((job.processed / job.total) * 100) : 0;
  const label = t(job.dryRun ? 'imports.checking' : 'imports.importing');
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <Text fw={600}>{label}</Text>
      <Progress
        value={job.status === 'queued' ? 2 : Math.max(2, percent)}
        size="xl"
        striped
        animated
        aria-label={label}
      />
      <Text size="sm" c="dimmed">
        {t('imports.progress', { processed: job.processed, total: job.total })}
      </Text>
    </Stack>
  );
}
