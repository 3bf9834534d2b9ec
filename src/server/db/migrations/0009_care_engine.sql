DROP INDEX "care_tasks_assignee_due_idx";--> statement-breakpoint
DROP INDEX "care_tasks_store_due_idx";--> statement-breakpoint
CREATE INDEX "care_tasks_assignee_page_idx" ON "care_tasks" USING btree ("org_id","assignee_id","status","due_on","id");--> statement-breakpoint
CREATE INDEX "care_tasks_store_page_idx" ON "care_tasks" USING btree ("org_id","store_id","status","due_on","id");--> statement-breakpoint
CREATE INDEX "care_tasks_escalated_idx" ON "care_tasks" USING btree ("org_id","escalated_to","status","due_on","id") WHERE "care_tasks"."escalated_to" is not null;