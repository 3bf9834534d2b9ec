-- Tier changes: the customer is checked by the two writers (the upgrade and the yearly review select her
-- from the organisation's customers in the same statement), not by a per-row foreign key: a first
-- recompute of a million customers writes 600,000 changes, and their key checks were 10 s of it
-- (docs/decisions/0013). What the key also did is kept by a trigger that costs nothing on insert: a
-- customer who has tier changes cannot be deleted (customers are never deleted: merge and erasure keep
-- the row, and the merge moves her changes to the surviving file).
ALTER TABLE "customer_tier_changes" DROP CONSTRAINT "customer_tier_changes_customer_id_customers_id_fk";
--> statement-breakpoint
CREATE FUNCTION customers_keep_tier_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM customer_tier_changes t WHERE t.customer_id = OLD.id) THEN
    RAISE EXCEPTION 'customer % has tier changes and cannot be deleted', OLD.id USING ERRCODE = '23503';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_keep_tier_history BEFORE DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION customers_keep_tier_history();
