CREATE TABLE "agency_alerts_sent" (
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"alert_kind" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_on" date NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_alerts_sent_item_kind_item_id_alert_kind_due_on_pk" PRIMARY KEY("item_kind","item_id","alert_kind","due_on")
);
--> statement-breakpoint
CREATE TABLE "agency_answer_drafts" (
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"submitted_for_approval_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_answer_drafts_item_kind_item_id_pk" PRIMARY KEY("item_kind","item_id")
);
--> statement-breakpoint
CREATE TABLE "agency_item_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_item_states" (
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"assignee_id" text,
	"assigned_by" text,
	"assigned_at" timestamp with time zone,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_item_states_item_kind_item_id_pk" PRIMARY KEY("item_kind","item_id")
);
--> statement-breakpoint
CREATE TABLE "agency_response_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_answer_drafts" ADD CONSTRAINT "agency_answer_drafts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_answer_drafts" ADD CONSTRAINT "agency_answer_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_answer_drafts" ADD CONSTRAINT "agency_answer_drafts_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_answer_drafts" ADD CONSTRAINT "agency_answer_drafts_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_item_notes" ADD CONSTRAINT "agency_item_notes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_item_notes" ADD CONSTRAINT "agency_item_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_item_states" ADD CONSTRAINT "agency_item_states_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_item_states" ADD CONSTRAINT "agency_item_states_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_item_states" ADD CONSTRAINT "agency_item_states_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_response_templates" ADD CONSTRAINT "agency_response_templates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_response_templates" ADD CONSTRAINT "agency_response_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_item_notes_item_idx" ON "agency_item_notes" USING btree ("item_kind","item_id","created_at");--> statement-breakpoint
CREATE INDEX "agency_item_states_assignee_idx" ON "agency_item_states" USING btree ("agency_id","assignee_id");--> statement-breakpoint
CREATE INDEX "agency_item_states_status_idx" ON "agency_item_states" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "agency_response_templates_agency_idx" ON "agency_response_templates" USING btree ("agency_id","kind","title");