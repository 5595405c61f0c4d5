CREATE TABLE "petition_support_digests" (
	"petition_id" text PRIMARY KEY NOT NULL,
	"last_count" integer NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_support_digests" ADD CONSTRAINT "petition_support_digests_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;