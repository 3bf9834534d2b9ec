-- Fewer foreign-key checks per generated row, with the same or stronger integrity (docs/decisions/0007):
-- a task's (store, organisation) is one key of stores; a reason's (task, organisation, customer) is one
-- key of care_tasks, so a reason cannot name another customer or organisation than its task's. The
-- unique keys they reference come first.
ALTER TABLE "stores" ADD CONSTRAINT "stores_id_org_uq" UNIQUE("id","org_id");--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_id_org_customer_uq" UNIQUE("id","org_id","customer_id");--> statement-breakpoint
ALTER TABLE "care_task_reasons" DROP CONSTRAINT "care_task_reasons_org_id_organizations_org_id_fk";
--> statement-breakpoint
ALTER TABLE "care_task_reasons" DROP CONSTRAINT "care_task_reasons_task_id_care_tasks_id_fk";
--> statement-breakpoint
ALTER TABLE "care_task_reasons" DROP CONSTRAINT "care_task_reasons_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "care_tasks" DROP CONSTRAINT "care_tasks_org_id_organizations_org_id_fk";
--> statement-breakpoint
ALTER TABLE "care_tasks" DROP CONSTRAINT "care_tasks_store_id_stores_id_fk";
--> statement-breakpoint
ALTER TABLE "care_task_reasons" ADD CONSTRAINT "care_task_reasons_task_fk" FOREIGN KEY ("task_id","org_id","customer_id") REFERENCES "public"."care_tasks"("id","org_id","customer_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_store_fk" FOREIGN KEY ("store_id","org_id") REFERENCES "public"."stores"("id","org_id") ON DELETE no action ON UPDATE no action;
