-- customer_metrics partitioned by organisation (docs/decisions/0012): a full recompute builds the
-- organisation's partition as a plain table, indexes it and swaps it in, instead of upserting a
-- million rows into four indexes. Rows of organisations that have not had a full run since live in
-- the default partition. A unique key of a partitioned table must hold the partition key, hence
-- (customer_id, org_id). The rows are kept (they move to the default partition).
ALTER TABLE "customer_metrics" RENAME TO "customer_metrics_unpartitioned";
--> statement-breakpoint
CREATE TABLE "customer_metrics" (LIKE "customer_metrics_unpartitioned" INCLUDING DEFAULTS) PARTITION BY LIST ("org_id");
--> statement-breakpoint
CREATE TABLE "customer_metrics_default" PARTITION OF "customer_metrics" DEFAULT;
--> statement-breakpoint
INSERT INTO "customer_metrics" SELECT * FROM "customer_metrics_unpartitioned";
--> statement-breakpoint
DROP TABLE "customer_metrics_unpartitioned";
--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD CONSTRAINT "customer_metrics_customer_id_org_id_pk" PRIMARY KEY("customer_id","org_id");
--> statement-breakpoint
CREATE INDEX "customer_metrics_org_store_idx" ON "customer_metrics" USING btree ("org_id","store_id");
--> statement-breakpoint
CREATE INDEX "customer_metrics_org_lapse_idx" ON "customer_metrics" USING btree ("org_id","lapse_status");
--> statement-breakpoint
CREATE INDEX "customer_metrics_org_value_idx" ON "customer_metrics" USING btree ("org_id","expected_value_365","customer_id");
