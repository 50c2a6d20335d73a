CREATE TABLE "fact_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" text NOT NULL,
	"fact_group" text NOT NULL,
	"call_id" text,
	"text" text NOT NULL,
	"source_url" text,
	"status" text DEFAULT 'open' NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scheme_version" integer NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_comment" text,
	CONSTRAINT "fact_reports_status_check" CHECK ("fact_reports"."status" in ('open', 'resolved', 'rejected')),
	CONSTRAINT "fact_reports_closed_check" CHECK (("fact_reports"."status" = 'open') = ("fact_reports"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "source_checks" (
	"scheme_id" text NOT NULL,
	"fact_group" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_by" uuid,
	"scheme_version" integer NOT NULL,
	CONSTRAINT "source_checks_scheme_id_fact_group_pk" PRIMARY KEY("scheme_id","fact_group")
);
--> statement-breakpoint
ALTER TABLE "fact_reports" ADD CONSTRAINT "fact_reports_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_reports" ADD CONSTRAINT "fact_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_reports" ADD CONSTRAINT "fact_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_checks" ADD CONSTRAINT "source_checks_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_checks" ADD CONSTRAINT "source_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fact_reports_open_scheme_idx" ON "fact_reports" USING btree ("scheme_id") WHERE "fact_reports"."status" = 'open';--> statement-breakpoint
CREATE INDEX "fact_reports_open_reporter_idx" ON "fact_reports" USING btree ("reported_by") WHERE "fact_reports"."status" = 'open';--> statement-breakpoint
CREATE INDEX "fact_reports_scheme_idx" ON "fact_reports" USING btree ("scheme_id","reported_at");--> statement-breakpoint
CREATE INDEX "notifications_fact_report_idx" ON "notifications" USING btree ("dedupe_key") WHERE "notifications"."kind" = 'fact_report';