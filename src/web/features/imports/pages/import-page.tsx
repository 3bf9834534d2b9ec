import { Alert, Button, Group, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ColumnMapping, ImportJob, UploadResult } from '../../../../contracts/imports';
import { NotAllowedPage } from '../../../app/pages/not-allowed-page';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert } from '../../../components/query-state';
import { MANAGERS } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useImportJob, useRunImport } from '../api/imports';
import { ImportSummaryView } from '../components/import-summary';
import { MappingStep } from '../components/mapping-step';
import { RunProgress } from '../components/run-progress';
import { UploadStep } from '../components/upload-step';

type Stage = 'upload' | 'mapping' | 'check' | 'import';
const STAGES: Stage[] = ['upload', 'mapping', 'check', 'import'];

/** /customers/import: file → columns → check (dry run) → import, with progress and the summary. */
export function ImportPage() {
  const me = useSession();
  return MANAGERS.includes(me.user.role) ? <ImportFlow /> : <NotAllowedPage />;
}

function ImportFlow() {
  const { t } = useTranslation();
  const me = useSession();
  const qc = useQueryClient();
  const [storeId, setStoreId] = useState<string | null>(me.currentStore?.id ?? me.stores[0]?.id ?? null);
  const [stage, setStage] = useState<Stage>('upload');
  const [upload, setUpload] = useState<UploadResult | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const jobQuery = useImportJob(upload?.job.id ?? null);
  const run = useRunImport();
  const job: ImportJob | undefined = jobQuery.data ?? upload?.job;
  const finished = job?.status === 'done' || job?.status === 'failed';
  const imported = stage === 'import' && job?.status === 'done' && !job.dryRun;
  const isPhone = useMediaQuery('(max-width: 48em)');

  // New customers show up in every list once the import is done.
  useEffect(() => {
    if (imported)
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'imports' && q.queryKey[0] !== 'me' });
  }, [imported, qc]);

  function start(dryRun: boolean) {
    if (!upload) return;
    run.mutate({ id: upload.job.id, mapping, dryRun }, { onSuccess: () => setStage(dryRun ? 'check' : 'import') });
  }
  function restart() {
    setUpload(null);
    setMapping([]);
    setStage('upload');
    run.reset();
  }

  return (
    <Stack gap={0}>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Stepper active={imported ? STAGES.length : STAGES.indexOf(stage)} size="sm" mb="xl" allowNextStepsSelect={false}>
        {STAGES.map((s) => (
          // On a phone only the current step is named, so the four fit on one line.
          <Stepper.Step
            key={s}
            label={!isPhone || s === stage ? t(`imports.steps.${s}`) : undefined}
            aria-label={t(`imports.steps.${s}`)}
          />
        ))}
      </Stepper>

      {stage === 'upload' && (
        <UploadStep
          stores={me.stores}
          storeId={storeId}
          onStoreChange={setStoreId}
          onUploaded={(r) => {
            setUpload(r);
            setMapping(r.preview.mapping);
            setStage('mapping');
          }}
        />
      )}

      {stage === 'mapping' && upload && (
        <Stack gap="md">
          <MappingStep
            preview={upload.preview}
            mapping={mapping}
            onChange={setMapping}
            onBack={restart}
            onCheck={() => start(true)}
            checking={run.isPending}
          />
          {run.isError && <ErrorAlert error={run.error} />}
        </Stack>
      )}

      {(stage === 'check' || stage === 'import') && job && (
        <Stack gap="lg">
          {!finished && <RunProgress job={job} />}
          {job.status === 'failed' && (
            <Alert
              color="red"
              variant="light"
              icon={<Icon name="alert" />}
              title={t('imports.failedTitle')}
              role="alert"
            >
              <Stack gap={4}>
                <span>{t('imports.failedHelp')}</span>
                {job.error && (
                  <Text size="xs" c="dimmed">
                    {job.error}
                  </Text>
                )}
              </Stack>
            </Alert>
          )}
          {job.status === 'done' && job.summary && (
            <Alert
              color={job.dryRun ? 'blue' : 'teal'}
              variant="light"
              icon={<Icon name={job.dryRun ? 'clock' : 'check'} />}
              title={t(job.dryRun ? 'imports.dryRunTitle' : 'imports.doneTitle')}
            />
          )}
          {job.status === 'done' && job.summary && <ImportSummaryView summary={job.summary} isDryRun={job.dryRun} />}
          {run.isError && <ErrorAlert error={run.error} />}
          {finished && (
            <Group justify="space-between">
              {stage === 'check' ? (
                <>
                  <Button variant="default" onClick={() => setStage('mapping')}>
                    {t('imports.backToColumns')}
                  </Button>
                  {job.status === 'done' && job.canRun && (
                    <Button
                      onClick={() => start(false)}
                      loading={run.isPending}
                      disabled={!job.summary || job.summary.created + job.summary.updated === 0}
                    >
                      {t('imports.importNow', { count: (job.summary?.created ?? 0) + (job.summary?.updated ?? 0) })}
                    </Button>
                  )}
                </>
              ) : (
                <>
                  <Button variant="default" onClick={restart}>
                    {t('imports.another')}
                  </Button>
                  <Button component={Link} to="/customers">
                    {t('imports.toCustomers')}
                  </Button>
                </>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
