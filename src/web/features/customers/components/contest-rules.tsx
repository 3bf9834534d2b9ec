import { List, Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FileContestReport } from '../api/file-contest';

/** How the score is computed, with the figures the server uses, so nobody has to guess why she ranks where she does. */
export function ContestRules({ rules }: { rules: FileContestReport['rules'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="contest-rules" className="contest-rules">
      <Title order={2} size="h5" id="contest-rules" mb="xs">
        {t('fileContest.rules.title')}
      </Title>
      <List size="sm" spacing={4}>
        <List.Item>{t('fileContest.rules.score', { bonus: rules.currentBonus, days: rules.currentDays })}</List.Item>
        <List.Item>{t('fileContest.rules.quantity')}</List.Item>
        <List.Item>{t('fileContest.rules.completeness')}</List.Item>
        <List.Item>{t('fileContest.rules.rich', { percent: rules.richThreshold })}</List.Item>
        <List.Item>{t('fileContest.rules.ties')}</List.Item>
        <List.Item>{t('fileContest.rules.period')}</List.Item>
      </List>
    </Paper>
  );
}
