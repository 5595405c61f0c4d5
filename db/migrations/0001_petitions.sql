CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "petition_count_shards" (
	"petition_id" text NOT NULL,
	"shard" smallint NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"invalidated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "petition_count_shards_petition_id_shard_pk" PRIMARY KEY("petition_id","shard")
);
--> statement-breakpoint
CREATE TABLE "petition_daily_counts" (
	"petition_id" text NOT NULL,
	"day" date NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "petition_daily_counts_petition_id_day_pk" PRIMARY KEY("petition_id","day")
);
--> statement-breakpoint
CREATE TABLE "petition_region_counts" (
	"petition_id" text NOT NULL,
	"region_code" text NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "petition_region_counts_petition_id_region_code_pk" PRIMARY KEY("petition_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "petition_responses" (
	"petition_id" text PRIMARY KEY NOT NULL,
	"decision" text NOT NULL,
	"reasons" text NOT NULL,
	"measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" text PRIMARY KEY NOT NULL,
	"number" serial NOT NULL,
	"creator_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"region_code" text,
	"title" text NOT NULL,
	"request" text NOT NULL,
	"reasons" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"support_token" text NOT NULL,
	"support_threshold" integer,
	"support_deadline" date,
	"response_threshold" integer,
	"response_working_days" integer,
	"submitted_at" timestamp with time zone,
	"moderation_queued_at" timestamp with time zone,
	"moderation_due_on" date,
	"opened_at" timestamp with time zone,
	"closes_on" date,
	"closed_at" timestamp with time zone,
	"threshold_reached_at" timestamp with time zone,
	"response_due_on" date,
	"responded_at" timestamp with time zone,
	"rejection_reason" text,
	"moderation_note" text,
	"suggested_agency_id" text,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(request, '') || ' ' || coalesce(reasons, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_number_unique" UNIQUE("number"),
	CONSTRAINT "petitions_support_token_unique" UNIQUE("support_token")
);
--> statement-breakpoint
CREATE TABLE "signature_invalidations" (
	"id" serial PRIMARY KEY NOT NULL,
	"petition_id" text NOT NULL,
	"moderator_id" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"reason" text NOT NULL,
	"invalidated_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" text NOT NULL,
	"full_name" text NOT NULL,
	"name_display" text DEFAULT 'initials' NOT NULL,
	"email" text NOT NULL,
	"email_normalized" text NOT NULL,
	"email_domain" text NOT NULL,
	"region_code" text NOT NULL,
	"iin_hash" text,
	"user_id" text,
	"locale" text DEFAULT 'kk' NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"ip_address" text,
	"notify" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"invalidated_at" timestamp with time zone,
	"invalidation_id" integer,
	"anonymized_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "petition_count_shards" ADD CONSTRAINT "petition_count_shards_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_daily_counts" ADD CONSTRAINT "petition_daily_counts_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_region_counts" ADD CONSTRAINT "petition_region_counts_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_suggested_agency_id_agencies_id_fk" FOREIGN KEY ("suggested_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_invalidations" ADD CONSTRAINT "signature_invalidations_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petitions_state_idx" ON "petitions" USING btree ("state","opened_at");--> statement-breakpoint
CREATE INDEX "petitions_agency_idx" ON "petitions" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "petitions_creator_idx" ON "petitions" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "petitions_search_idx" ON "petitions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "petitions_title_trgm_idx" ON "petitions" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_one_per_email_idx" ON "signatures" USING btree ("petition_id","email_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_one_per_iin_idx" ON "signatures" USING btree ("petition_id","iin_hash") WHERE "signatures"."iin_hash" is not null;--> statement-breakpoint
CREATE INDEX "signatures_petition_state_idx" ON "signatures" USING btree ("petition_id","state","id");--> statement-breakpoint
CREATE INDEX "signatures_domain_idx" ON "signatures" USING btree ("petition_id","email_domain");