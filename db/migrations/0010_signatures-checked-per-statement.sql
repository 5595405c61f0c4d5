ALTER TABLE "signatures" DROP CONSTRAINT "signatures_petition_id_petitions_id_fk";
--> statement-breakpoint
-- A signature belongs to a petition. A row-by-row foreign key checked this by locking the
-- petition's row FOR KEY SHARE once per signature; with concurrent signing batches on one
-- viral petition that made a multixact of its row and cost about a fifth of the signing
-- statement. Instead, every statement that adds signatures is checked once, as a whole (an
-- anti-join of its new rows against petitions) ...
CREATE FUNCTION "signatures_belong_to_petitions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "new_signatures" n WHERE NOT EXISTS (SELECT 1 FROM "petitions" p WHERE p."id" = n."petition_id")) THEN
    RAISE EXCEPTION 'a signature must belong to a petition' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "signatures_added_belong_to_petitions" AFTER INSERT ON "signatures"
  REFERENCING NEW TABLE AS "new_signatures" FOR EACH STATEMENT EXECUTE FUNCTION "signatures_belong_to_petitions"();
--> statement-breakpoint
-- A signature never moves to another petition (an UPDATE that does not name the column costs nothing).
CREATE FUNCTION "signatures_stay_with_their_petition"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a signature never moves to another petition' USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER "signatures_never_move" BEFORE UPDATE OF "petition_id" ON "signatures" FOR EACH ROW
  WHEN (OLD."petition_id" IS DISTINCT FROM NEW."petition_id") EXECUTE FUNCTION "signatures_stay_with_their_petition"();
--> statement-breakpoint
-- ... and since a petition is a public record, it is never deleted, emptied or renumbered:
-- so no petition can vanish from under a signature between that check and the commit.
CREATE FUNCTION "petitions_are_permanent"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a petition is a public record: it is never deleted and its id never changes' USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER "petitions_are_never_deleted" BEFORE DELETE ON "petitions" FOR EACH ROW EXECUTE FUNCTION "petitions_are_permanent"();
--> statement-breakpoint
CREATE TRIGGER "petitions_are_never_emptied" BEFORE TRUNCATE ON "petitions" FOR EACH STATEMENT EXECUTE FUNCTION "petitions_are_permanent"();
--> statement-breakpoint
CREATE TRIGGER "petition_ids_never_change" BEFORE UPDATE OF "id" ON "petitions" FOR EACH ROW
  WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "petitions_are_permanent"();
