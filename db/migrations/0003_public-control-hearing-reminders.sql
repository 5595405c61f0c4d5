ALTER TABLE "activities" ADD COLUMN "consideration_hearing_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "consideration_hearing_place" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "final_document_reminded_on" date;