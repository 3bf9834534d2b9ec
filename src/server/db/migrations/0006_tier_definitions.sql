CREATE TABLE "tier_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"rank" smallint NOT NULL,
	"labels" jsonb NOT NULL,
	"qualification" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"benefits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tier_definitions" ADD CONSTRAINT "tier_definitions_org_id_organizations_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tier_definitions_key_uq" ON "tier_definitions" USING btree ("org_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "tier_definitions_rank_uq" ON "tier_definitions" USING btree ("org_id","rank");