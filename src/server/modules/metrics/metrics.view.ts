// customer_metrics rows (raw SQL, snake_case) → the API's shapes.
import type { CustomerMetricsView } from '../../../contracts/metrics';

type Row = Record<string, unknown>;
const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v).slice(0, 10) : null);

function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function toMetricsView(r: Row): CustomerMetricsView {
  const asOf = day(r.as_of) ?? '';
  return {
    customerId: String(r.customer_id),
    storeId: String(r.store_id),
    currency: String(r.currency),
    asOf,
    firstPurchaseAt: iso(r.first_purchase_at),
    lastPurchaseAt: iso(r.last_purchase_at),
    recencyDays: n(r.recency_days),
    frequencyWindow: Number(r.frequency_window),
    monetaryWindow: Number(r.monetary_window),
    quantityWindow: Number(r.quantity_window),
    frequencyLifetime: Number(r.frequency_lifetime),
    monetaryLifetime: Number(r.monetary_lifetime),
    avgReceipt: n(r.avg_receipt),
    visitsPerMonth6: Number(r.visits_per_month_6),
    visitsPerMonth12: Number(r.visits_per_month_12),
    discountShare: n(r.discount_share),
    categories: (r.categories as string[] | null) ?? [],
    referralsMade: Number(r.referrals_made),
    tenureDays: Number(r.tenure_days),
    usualIntervalDays: n(r.usual_interval_days),
    daysSinceLastVisit: daysBetween(day(r.last_visit_day), asOf),
    lapseStatus: r.lapse_status as CustomerMetricsView['lapseStatus'],
    loyaltyStage: r.loyalty_stage as CustomerMetricsView['loyaltyStage'],
    rfm: { r: n(r.rfm_r), f: n(r.rfm_f), m: n(r.rfm_m) },
    rfmSegment: (r.rfm_segment as CustomerMetricsView['rfmSegment']) ?? null,
    classAbcd: (r.class_abcd as CustomerMetricsView['classAbcd']) ?? null,
    classSize: (r.class_size as CustomerMetricsView['classSize']) ?? null,
    classValue: (r.class_value as CustomerMetricsView['classValue']) ?? null,
    classFrequency: (r.class_frequency as CustomerMetricsView['classFrequency']) ?? null,
    worth: {
      status: r.clv_status === 'ok' ? 'ok' : 'not_enough_data',
      reason: (r.clv_reason as string | null) ?? null,
      pAlive: n(r.p_alive),
      expectedPurchases90: n(r.expected_purchases_90),
      expectedPurchases365: n(r.expected_purchases_365),
      expectedValue365: n(r.expected_value_365),
    },
    computedAt: iso(r.computed_at) ?? '',
  };
}

export function toWorthRow(r: Row) {
  return {
    customerId: String(r.customer_id),
    displayName: String(r.display_name),
    memberNo: (r.member_no as string | null) ?? null,
    storeId: String(r.store_id),
    currency: String(r.currency),
    lastPurchaseAt: iso(r.last_purchase_at),
    recencyDays: n(r.recency_days),
    frequencyWindow: Number(r.frequency_window),
    monetaryWindow: Number(r.monetary_window),
    monetaryLifetime: Number(r.monetary_lifetime),
    rfmSegment: (r.rfm_segment as CustomerMetricsView['rfmSegment']) ?? null,
    classAbcd: (r.class_abcd as CustomerMetricsView['classAbcd']) ?? null,
    lapseStatus: r.lapse_status as CustomerMetricsView['lapseStatus'],
    pAlive: n(r.p_alive),
    expectedPurchases365: n(r.expected_purchases_365),
    expectedValue365: n(r.expected_value_365),
    clvStatus: String(r.clv_status),
  };
}
