CREATE TABLE "retired_calendar_feeds" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_checks" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"catalogue_stamp" text NOT NULL,
	"oslo_day" date NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Each member gets their own calendar address. The shared ones are retired: only their hashes are
-- kept, so the feed route can answer 410 with where to get a personal address.
INSERT INTO "retired_calendar_feeds" ("token_hash", "organisation_id", "created_at") SELECT "token_hash", "organisation_id", "created_at" FROM "calendar_feeds";--> statement-breakpoint
DELETE FROM "calendar_feeds";--> statement-breakpoint
ALTER TABLE "calendar_feeds" DROP CONSTRAINT "calendar_feeds_organisation_id_organisations_id_fk";--> statement-breakpoint
ALTER TABLE "calendar_feeds" DROP CONSTRAINT "calendar_feeds_pkey";--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD COLUMN "user_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id");--> statement-breakpoint
ALTER TABLE "retired_calendar_feeds" ADD CONSTRAINT "retired_calendar_feeds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_checks" ADD CONSTRAINT "notification_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_membership_fk" FOREIGN KEY ("user_id","organisation_id") REFERENCES "public"."memberships"("user_id","organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null and "notifications"."dismissed_at" is null;
