ALTER TABLE "mail_messages" ALTER COLUMN "subject" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_messages" ALTER COLUMN "text_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "params" jsonb;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_rendered_or_renderable" CHECK ("mail_messages"."text_body" is not null or ("mail_messages"."locale" is not null and "mail_messages"."params" is not null));