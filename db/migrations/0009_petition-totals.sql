CREATE TABLE "petition_totals" (
	"petition_id" text PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_totals" ADD CONSTRAINT "petition_totals_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_totals_most_signed_idx" ON "petition_totals" USING btree ("confirmed" DESC NULLS LAST,"number" DESC NULLS LAST);--> statement-breakpoint
-- Every petition has its total row from its creation, whatever inserts it.
CREATE FUNCTION "petition_totals_for_new_petition"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "petition_totals" ("petition_id", "number") VALUES (NEW."id", NEW."number");
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "petitions_have_a_total" AFTER INSERT ON "petitions" FOR EACH ROW EXECUTE FUNCTION "petition_totals_for_new_petition"();
--> statement-breakpoint
-- The petitions there are now start from the sum of their shards.
INSERT INTO "petition_totals" ("petition_id", "number", "confirmed")
SELECT p."id", p."number", coalesce((SELECT sum(s."confirmed") FROM "petition_count_shards" s WHERE s."petition_id" = p."id"), 0)
FROM "petitions" p;
