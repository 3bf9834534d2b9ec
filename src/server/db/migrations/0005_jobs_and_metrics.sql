CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"job" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_metrics" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"as_of" date NOT NULL,
	"first_purchase_at" timestamp with time zone,
	"last_purchase_at" timestamp with time zone,
	"recency_days" integer,
	"frequency_window" integer DEFAULT 0 NOT NULL,
	"monetary_window" bigint DEFAULT 0 NOT NULL,
	"quantity_window" integer DEFAULT 0 NOT NULL,
	"frequency_lifetime" integer DEFAULT 0 NOT NULL,
	"monetary_lifetime" bigint DEFAULT 0 NOT NULL,
	"avg_receipt" bigint,
	"visits_per_month_6" real DEFAULT 0 NOT NULL,
	"visits_per_month_12" real DEFAULT 0 NOT NULL,
	"discount_share" real,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"referrals_made" integer DEFAULT 0 NOT NULL,
	"tenure_days" integer DEFAULT 0 NOT NULL,
	"usual_interval_days" real,
	"lapse_status" text DEFAULT 'none' NOT NULL,
	"loyalty_stage" text DEFAULT 'suspect' NOT NULL,
	"rfm_r" smallint,
	"rfm_f" smallint,
	"rfm_m" smallint,
	"rfm_segment" text,
	"class_abcd" text,
	"class_size" text,
	"class_value" text,
	"class_frequency" text,
	"p_alive" real,
	"expected_purchases_90" real,
	"expected_purchases_365" real,
	"expected_value_365" bigint,
	"clv_status" text DEFAULT 'not_enough_data' NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD CONSTRAINT "customer_metrics_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD CONSTRAINT "customer_metrics_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD CONSTRAINT "customer_metrics_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_org_job_idx" ON "job_runs" USING btree ("org_id","job","started_at");--> statement-breakpoint
CREATE INDEX "customer_metrics_org_store_idx" ON "customer_metrics" USING btree ("org_id","store_id");--> statement-breakpoint
CREATE INDEX "customer_metrics_org_lapse_idx" ON "customer_metrics" USING btree ("org_id","lapse_status");