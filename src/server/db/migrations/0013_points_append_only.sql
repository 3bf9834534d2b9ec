-- The points ledger is append-only, like the audit log: corrections are new entries (adjust, reverse),
-- never edits, so her balance is always the sum of what was written. The one update allowed moves
-- entries, unchanged, to the surviving customer when two customer files are merged.
CREATE OR REPLACE FUNCTION keqing_points_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'customer_id') = (to_jsonb(OLD) - 'customer_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'points_ledger is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER points_ledger_no_update BEFORE UPDATE OR DELETE ON points_ledger
  FOR EACH ROW EXECUTE FUNCTION keqing_points_append_only();
--> statement-breakpoint
CREATE TRIGGER points_ledger_no_truncate BEFORE TRUNCATE ON points_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION keqing_points_append_only();
