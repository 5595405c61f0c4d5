ALTER TABLE "petition_daily_counts" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_region_counts" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_daily_counts" DROP CONSTRAINT "petition_daily_counts_petition_id_day_pk";--> statement-breakpoint
ALTER TABLE "petition_region_counts" DROP CONSTRAINT "petition_region_counts_petition_id_region_code_pk";--> statement-breakpoint
ALTER TABLE "petition_daily_counts" ADD CONSTRAINT "petition_daily_counts_petition_id_day_shard_pk" PRIMARY KEY("petition_id","day","shard");--> statement-breakpoint
ALTER TABLE "petition_region_counts" ADD CONSTRAINT "petition_region_counts_petition_id_region_code_shard_pk" PRIMARY KEY("petition_id","region_code","shard");
