-- Care tasks and reasons: references checked by their writers, set-based, instead of by per-row
-- foreign keys (docs/decisions/0010). A whole-audience holiday writes a million tasks and reasons, and
-- the checks were more than half of the write. What the keys also did is kept by two triggers that cost
-- nothing on insert: deleting a task deletes its reasons (was ON DELETE CASCADE), and a customer who has
-- care tasks cannot be deleted (customers are never deleted: merge and erasure keep the row).
ALTER TABLE "care_task_reasons" DROP CONSTRAINT "care_task_reasons_task_fk";
--> statement-breakpoint
ALTER TABLE "care_tasks" DROP CONSTRAINT "care_tasks_id_org_customer_uq";--> statement-breakpoint
ALTER TABLE "care_tasks" DROP CONSTRAINT "care_tasks_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "care_tasks" DROP CONSTRAINT "care_tasks_assignee_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "care_tasks" DROP CONSTRAINT "care_tasks_run_id_care_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "care_tasks" DROP CONSTRAINT "care_tasks_store_fk";
--> statement-breakpoint
CREATE FUNCTION care_task_reasons_follow_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM care_task_reasons r WHERE r.task_id IN (SELECT id FROM gone);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER care_tasks_delete_reasons AFTER DELETE ON care_tasks
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION care_task_reasons_follow_task();
--> statement-breakpoint
CREATE FUNCTION customers_keep_care_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM care_tasks t WHERE t.customer_id = OLD.id) THEN
    RAISE EXCEPTION 'customer % has care tasks and cannot be deleted', OLD.id USING ERRCODE = '23503';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_keep_care_history BEFORE DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION customers_keep_care_history();
