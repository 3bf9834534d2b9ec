// How the dashboard's cards write their figures, so every chart and its CSV agree on money, counts and shares.
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import { useSegmentOptions } from '../../segments/api/segments';
import { tierLabel } from '../../segments/pages/segments-page';

export const pct = (v: number | null | undefined, lng: string) =>
  v === null || v === undefined
    ? '—'
    : new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 }).format(v);

export function useColumnHeader() {
  const { t } = useTranslation();
  return (k: string) => t(`dashboard.columns.${k}`);
}

export function useFigureFormat(currency: string) {
  const { t, i18n } = useTranslation();
  const H = useColumnHeader();
  const lng = i18n.language;
  return {
    t,
    lng,
    money: (v: number) => formatMoney(v, currency, lng),
    n: (v: number) => v.toLocaleString(lng),
    H,
  };
}

export function useTierName() {
  const { t, i18n } = useTranslation();
  const options = useSegmentOptions();
  return (key: string) => (key === 'none' ? t('dashboard.noTier') : tierLabel(options.data?.tiers, key, i18n.language));
}
