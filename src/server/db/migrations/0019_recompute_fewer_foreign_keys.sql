ALTER TABLE "customer_metrics" DROP CONSTRAINT "customer_metrics_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_metrics" DROP CONSTRAINT "customer_metrics_org_id_organizations_org_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_metrics" DROP CONSTRAINT "customer_metrics_store_id_stores_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_tier_changes" DROP CONSTRAINT "customer_tier_changes_org_id_organizations_org_id_fk";
