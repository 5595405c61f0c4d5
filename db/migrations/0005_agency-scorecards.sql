CREATE TABLE "agency_scorecards" (
	"agency_id" text PRIMARY KEY NOT NULL,
	"items_due" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"answered_on_time" integer DEFAULT 0 NOT NULL,
	"median_working_days_to_answer" numeric(7, 1),
	"open_now" integer DEFAULT 0 NOT NULL,
	"overdue_now" integer DEFAULT 0 NOT NULL,
	"recommendations_total" integer DEFAULT 0 NOT NULL,
	"recommendations_accepted" integer DEFAULT 0 NOT NULL,
	"recommendations_implemented" integer DEFAULT 0 NOT NULL,
	"recommendations_not_implemented" integer DEFAULT 0 NOT NULL,
	"petitions_answered" integer DEFAULT 0 NOT NULL,
	"information_requests_answered" integer DEFAULT 0 NOT NULL,
	"information_requests_refused" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_watermark" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_refresh_state" (
	"name" text PRIMARY KEY NOT NULL,
	"event_watermark" bigint DEFAULT 0 NOT NULL,
	"full_refresh_on" date,
	"refreshed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agency_scorecards" ADD CONSTRAINT "agency_scorecards_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;