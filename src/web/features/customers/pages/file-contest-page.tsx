import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { downloadCsv } from '../../../lib/csv';
import { formatDayMedium, todayIn } from '../../../lib/days';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { useFileContest, type FileContestReport } from '../api/file-contest';
import { ContestFilters, type ContestFilterValue } from '../components/contest-filters';
import { ContestPodium, ContestRanking } from '../components/contest-ranking';
import { ContestRules } from '../components/contest-rules';
import { periodDays } from '../file-contest-period';
import './file-contest.css';

/** /file-contest — the "顾客档案评比" of seed 001, for store managers and above. */
export function FileContestPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const [filter, setFilter] = useState<ContestFilterValue>({ storeId: null, period: 'all', from: '', to: '' });
  const store = me.stores.find((s) => s.id === filter.storeId) ?? null;
  const timeZone = (store ?? me.currentStore)?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = todayIn(timeZone);
  const days = filter.period === 'custom' ? { from: filter.from, to: filter.to } : periodDays(filter.period, today);
  const report = useFileContest({ storeId: filter.storeId, ...days });
  const items = report.data?.items ?? [];
  const lng = i18n.language;

  const periodText =
    filter.period === 'all'
      ? t('fileContest.periods.all')
      : [days.from && formatDayMedium(days.from, lng), days.to && formatDayMedium(days.to, lng)]
          .filter(Boolean)
          .join(' – ') || t('fileContest.periods.all');
  const storeText = store?.name ?? t('fileContest.allStores');

  function exportCsv(r: FileContestReport) {
    const head = [
      t('fileContest.columns.rank'),
      t('fileContest.columns.guide'),
      t('fileContest.columns.files'),
      `${t('fileContest.columns.average')} (%)`,
      t('fileContest.columns.rich', { percent: r.rules.richThreshold }),
      t('fileContest.columns.current', { days: r.rules.currentDays }),
      t('fileContest.columns.score'),
    ];
    const rows = r.items.map((x) => [
      x.rank,
      x.name ?? t('fileContest.unassigned'),
      x.customers,
      x.averageCompleteness,
      x.richFiles,
      x.changedLast30Days,
      x.score,
    ]);
    downloadCsv(`file-contest-${today}.csv`, [[t('fileContest.title'), storeText, periodText], head, ...rows]);
  }

  return (
    <Stack gap="md" className="contest-page">
      <PageHeader
        title={t('fileContest.title')}
        description={t('fileContest.description')}
        mb={0}
        actions={
          <div className="no-print" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button
              variant="default"
              leftSection={<Icon name="download" size={18} />}
              disabled={!report.data}
              onClick={() => report.data && exportCsv(report.data)}
            >
              {t('fileContest.download')}
            </Button>
            <Button variant="default" leftSection={<Icon name="printer" size={18} />} onClick={() => window.print()}>
              {t('fileContest.print')}
            </Button>
          </div>
        }
      />
      <Text className="print-only" size="sm">
        {t('fileContest.printedFor', {
          store: storeText,
          period: periodText,
          date: formatDate(new Date(), lng, timeZone),
        })}
      </Text>
      <ContestFilters stores={me.stores} value={filter} onChange={setFilter} timeZone={timeZone} />
      {report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock icon="trophy" title={t('fileContest.noFiles')} description={t('fileContest.noFilesHelp')} />
      ) : (
        <>
          <ContestPodium items={items} />
          <ContestRanking report={report.data} />
        </>
      )}
      {report.data && <ContestRules rules={report.data.rules} />}
    </Stack>
  );
}
