// What follows the recording of receipts (a sale or return on the phone, a POS post, an import) or of
// a salon visit: the customers' derived state — metrics and classes, tier, points — is brought up to
// date inside the same transaction, so her page is right the moment the sale is saved. Each step is
// set-based over the customers and receipts given (an import passes thousands at once) and
// idempotent (running it twice for the same receipts changes nothing).
import type { Db } from '../../db/client';
import { refreshCustomerMetrics } from '../metrics/metrics.service';
import { applyLoyalty } from '../loyalty/points.service';

export type ReceiptEvent = {
  orgId: string;
  /** Customers whose history changed (customer_stats is already refreshed for them). */
  customerIds: string[];
  /** Receipts just written (sales and returns); empty for a salon visit. */
  receiptIds: string[];
  source: 'ui' | 'pos' | 'import' | 'demo' | 'visit';
};

export async function afterReceipts(tx: Db, event: ReceiptEvent): Promise<void> {
  if (!event.customerIds.length && !event.receiptIds.length) return;
  // Steps are added here by the modules that own them (metrics, loyalty), in this order.
  await refreshCustomerMetrics(tx, event.orgId, event.customerIds);
  await applyLoyalty(tx, event); // after metrics: upgrade tiers at once, earn / reverse points
}
