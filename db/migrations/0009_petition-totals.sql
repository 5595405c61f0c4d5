CREATE TABLE "petition_totals" (
	"petition_id" text PRIMARY KEY NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_totals" ADD CONSTRAINT "petition_totals_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_totals_confirmed_idx" ON "petition_totals" USING btree ("confirmed" DESC NULLS LAST,"petition_id");--> statement-breakpoint
-- Every petition counted so far starts from the sum of its shards.
INSERT INTO "petition_totals" ("petition_id", "confirmed")
SELECT "petition_id", sum("confirmed") FROM "petition_count_shards" GROUP BY "petition_id";
