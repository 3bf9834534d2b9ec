-- Her receipts by time carry what the recompute's day pass reads (issue 5, decision 0011): her store,
-- kind, currency and amount paid are in the index's leaves, so that pass is an index-only scan in
-- (customer, time) order — a receipt's local day rises with its time, so the days need sorting within
-- each customer only — instead of a read of the table and a sort of every receipt. Drizzle cannot
-- declare INCLUDE columns; the schema declares the index's key (customer_id, occurred_at), which is
-- unchanged, and every query that used the index still can.
DROP INDEX "receipts_customer_idx";
--> statement-breakpoint
CREATE INDEX "receipts_customer_idx" ON "receipts" USING btree ("customer_id", "occurred_at")
  INCLUDE ("org_id", "store_id", "kind", "currency", "total_paid");
