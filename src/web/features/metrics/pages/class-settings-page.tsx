import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassSettings } from '../../../../contracts/metrics';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { currencyDigits, formatDateTime, formatMoney } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useSession } from '../../auth/api/get-me';
import { can } from '../../../lib/permissions';
import { useClassSettings, useRecompute, useSaveClassSettings } from '../api/metrics';

const fmt = (v: number, d = 3) => Number(v.toPrecision(d)).toString();

/** /settings/classes — the classification rules, and the thresholds and worth models of the last run. */
export function ClassSettingsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const canEdit = can(session.user.role, 'editClassSettings');
  const q = useClassSettings();
  const save = useSaveClassSettings();
  const recompute = useRecompute();
  const [s, setS] = useState<ClassSettings | null>(null);
  useEffect(() => {
    if (q.data) setS(q.data.settings);
  }, [q.data]);
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!s) return null;
  const v = q.data;
  const tz = session.currentStore?.timezone ?? 'UTC';
  const num = (label: string, value: number, set: (n: number) => void, props: Record<string, unknown> = {}) => (
    <NumberInput
      label={label}
      value={value}
      onChange={(n) => typeof n === 'number' && set(n)}
      disabled={!canEdit}
      {...props}
    />
  );
  const currencies = Object.keys(s.value.vip);
  const major = (minor: number, c: string) => minor / 10 ** currencyDigits(c);
  const minor = (m: number, c: string) => Math.round(m * 10 ** currencyDigits(c));
  return (
    <Stack gap="md">
      <PageHeader
        title={t('metrics.settingsPage.title')}
        description={t('metrics.settingsPage.description')}
        mb={0}
        actions={
          canEdit && (
            <Button variant="default" onClick={() => recompute.mutate()} loading={recompute.isPending}>
              {t('metrics.settingsPage.recompute')}
            </Button>
          )
        }
      />
      {recompute.isSuccess && (
        <Alert color="teal">
          {t('metrics.settingsPage.recomputed', { count: recompute.data.customers, ms: recompute.data.ms })}
        </Alert>
      )}
      {(save.isError || recompute.isError) && (
        <Alert color="red">{translateMessage(t, problemMessage(save.error ?? recompute.error))}</Alert>
      )}
      <Card withBorder radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('metrics.settingsPage.rules')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            {num(t('metrics.settingsPage.windowDays'), s.windowDays, (n) => setS({ ...s, windowDays: n }), {
              min: 30,
              max: 3650,
            })}
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('metrics.settingsPage.rfmScope')}
              </Text>
              <SegmentedControl
                disabled={!canEdit}
                value={s.rfm.scope}
                onChange={(x) => setS({ ...s, rfm: { ...s.rfm, scope: x as ClassSettings['rfm']['scope'] } })}
                data={[
                  { value: 'organisation', label: t('metrics.settingsPage.scope.organisation') },
                  { value: 'store', label: t('metrics.settingsPage.scope.store') },
                ]}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('metrics.settingsPage.rfmMethod')}
              </Text>
              <SegmentedControl
                disabled={!canEdit}
                value={s.rfm.method}
                onChange={(x) => setS({ ...s, rfm: { ...s.rfm, method: x as ClassSettings['rfm']['method'] } })}
                data={[
                  { value: 'quintiles', label: t('metrics.settingsPage.method.quintiles') },
                  { value: 'fixed', label: t('metrics.settingsPage.method.fixed') },
                ]}
              />
            </Stack>
            {(['A', 'B', 'C'] as const).map((cls, i) =>
              num(
                t('metrics.settingsPage.abcdShare', { cls }),
                Math.round(s.abcd.shares[i]! * 100),
                (n) => {
                  const shares = [...s.abcd.shares];
                  shares[i] = n / 100;
                  setS({ ...s, abcd: { shares } });
                },
                { key: cls, suffix: '%', min: 1, max: 100 },
              ),
            )}
            {num(
              t('metrics.settingsPage.sizeLarge'),
              s.size.large,
              (n) => setS({ ...s, size: { ...s.size, large: n } }),
              { min: 1 },
            )}
            {num(
              t('metrics.settingsPage.sizeMedium'),
              s.size.medium,
              (n) => setS({ ...s, size: { ...s.size, medium: n } }),
              { min: 1 },
            )}
            {num(
              t('metrics.settingsPage.freqHigh'),
              s.frequency.high,
              (n) => setS({ ...s, frequency: { ...s.frequency, high: n } }),
              { min: 0.1, step: 0.1, decimalScale: 1 },
            )}
            {num(
              t('metrics.settingsPage.freqPotential'),
              s.frequency.potential,
              (n) => setS({ ...s, frequency: { ...s.frequency, potential: n } }),
              { min: 0.1, step: 0.1, decimalScale: 1 },
            )}
            {num(
              t('metrics.settingsPage.advocateRepeats'),
              s.loyalty.advocateRepeats,
              (n) => setS({ ...s, loyalty: { advocateRepeats: n } }),
              { min: 0 },
            )}
            {num(
              t('metrics.settingsPage.lapseFactor'),
              s.lapse.factor,
              (n) => setS({ ...s, lapse: { ...s.lapse, factor: n } }),
              { min: 1, step: 0.5, decimalScale: 1 },
            )}
            {num(
              t('metrics.settingsPage.lapseMin'),
              s.lapse.minDays,
              (n) => setS({ ...s, lapse: { ...s.lapse, minDays: n } }),
              { min: 1 },
            )}
            {num(
              t('metrics.settingsPage.lostDays'),
              s.lapse.lostDays,
              (n) => setS({ ...s, lapse: { ...s.lapse, lostDays: n } }),
              { min: 1 },
            )}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('metrics.settingsPage.valueTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {currencies.map((c) => (
              <Group key={c} grow gap="xs">
                {num(
                  `${t('metrics.value.vip')} (${c})`,
                  major(s.value.vip[c] ?? 0, c),
                  (n) => setS({ ...s, value: { ...s.value, vip: { ...s.value.vip, [c]: minor(n, c) } } }),
                  { min: 0, thousandSeparator: ',' },
                )}
                {num(
                  `${t('metrics.value.important')} (${c})`,
                  major(s.value.important[c] ?? 0, c),
                  (n) => setS({ ...s, value: { ...s.value, important: { ...s.value.important, [c]: minor(n, c) } } }),
                  { min: 0, thousandSeparator: ',' },
                )}
              </Group>
            ))}
          </SimpleGrid>
          {canEdit && (
            <Group>
              <Button onClick={() => save.mutate(s)} loading={save.isPending}>
                {t('metrics.settingsPage.save')}
              </Button>
              {save.isSuccess && (
                <Text size="sm" c="teal">
                  {t('metrics.settingsPage.saved')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </Card>
      <Card withBorder radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('metrics.settingsPage.lastRun')}
          </Title>
          <Text size="sm" c="dimmed">
            {v.lastRun
              ? t('metrics.settingsPage.lastRunAt', {
                  at: formatDateTime(v.lastRun.finishedAt, i18n.language, tz),
                  status: v.lastRun.status,
                })
              : t('metrics.settingsPage.never')}
          </Text>
          {v.thresholds.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('metrics.settingsPage.partition')}</Table.Th>
                    <Table.Th>{t('metrics.settingsPage.customers')}</Table.Th>
                    <Table.Th>{t('metrics.settingsPage.recencyCuts')}</Table.Th>
                    <Table.Th>{t('metrics.settingsPage.frequencyCuts')}</Table.Th>
                    <Table.Th>{t('metrics.settingsPage.monetaryCuts')}</Table.Th>
                    <Table.Th>{t('metrics.settingsPage.abcdCuts')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.thresholds.map((th) => (
                    <Table.Tr key={th.partition}>
                      <Table.Td>{th.currency}</Table.Td>
                      <Table.Td>{th.customers}</Table.Td>
                      <Table.Td>{th.recencyCuts.join(' / ')}</Table.Td>
                      <Table.Td>{th.frequencyCuts.join(' / ')}</Table.Td>
                      <Table.Td>
                        {th.monetaryCuts.map((m) => formatMoney(m, th.currency, i18n.language)).join(' / ')}
                      </Table.Td>
                      <Table.Td>
                        {th.abcdCuts
                          .map((m) => (m === null ? '—' : formatMoney(m, th.currency, i18n.language)))
                          .join(' / ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {v.models.map((m) => (
            <Text key={m.currency} size="sm" data-testid={`model-${m.currency}`}>
              {t('metrics.settingsPage.model', {
                currency: m.currency,
                customers: m.customers,
                repeat: m.repeatCustomers,
              })}{' '}
              {m.status === 'ok' && m.bgnbd && m.gammagamma
                ? `BG/NBD r ${fmt(m.bgnbd.r)}, α ${fmt(m.bgnbd.alpha)}, a ${fmt(m.bgnbd.a)}, b ${fmt(m.bgnbd.b)}; Gamma-Gamma p ${fmt(m.gammagamma.p)}, q ${fmt(m.gammagamma.q)}, γ ${fmt(m.gammagamma.gamma)}`
                : `${t('metrics.worth.notEnough')} — ${t(`metrics.worth.reason.${m.reason ?? 'not_computed'}`)} (${t('metrics.settingsPage.minimum', { customers: m.minimum.customers, repeat: m.minimum.repeatCustomers })})`}
            </Text>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
