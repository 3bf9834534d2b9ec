CREATE TABLE "classification_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_thresholds" (
	"org_id" uuid NOT NULL,
	"partition_key" text NOT NULL,
	"currency" text NOT NULL,
	"store_id" uuid,
	"method" text NOT NULL,
	"recency_cuts" double precision[] NOT NULL,
	"frequency_cuts" double precision[] NOT NULL,
	"monetary_cuts" double precision[] NOT NULL,
	"abcd_cuts" double precision[] NOT NULL,
	"customers" integer NOT NULL,
	"revenue" bigint NOT NULL,
	"as_of" date NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classification_thresholds_org_id_partition_key_pk" PRIMARY KEY("org_id","partition_key")
);
--> statement-breakpoint
CREATE TABLE "clv_models" (
	"org_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"params" jsonb,
	"spend_cap" double precision,
	"customers" integer NOT NULL,
	"repeat_customers" integer NOT NULL,
	"min_customers" integer NOT NULL,
	"min_repeat_customers" integer NOT NULL,
	"as_of" date NOT NULL,
	"fitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clv_models_org_id_currency_pk" PRIMARY KEY("org_id","currency")
);
--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD COLUMN "clv_reason" text;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD COLUMN "last_visit_day" date;--> statement-breakpoint
ALTER TABLE "customer_metrics" ADD COLUMN "engaged" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "classification_settings" ADD CONSTRAINT "classification_settings_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_thresholds" ADD CONSTRAINT "classification_thresholds_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clv_models" ADD CONSTRAINT "clv_models_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_metrics_org_value_idx" ON "customer_metrics" USING btree ("org_id","expected_value_365","customer_id");