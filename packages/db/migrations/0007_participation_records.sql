CREATE TABLE "participation_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"created_by" uuid,
	"organisation_id" uuid,
	"reason" text NOT NULL,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	"resolution_note" text
);
--> statement-breakpoint
CREATE TABLE "participation_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"delimiter" text,
	"file_bytes" integer NOT NULL,
	"headers" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"mapping" jsonb NOT NULL,
	"fixes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"record_count" integer,
	"committed_at" timestamp with time zone,
	"committed_by" uuid,
	"undone_at" timestamp with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
CREATE TABLE "participation_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" text,
	"scheme_key" text NOT NULL,
	"scheme_name" text NOT NULL,
	"round" text,
	"year" integer NOT NULL,
	"decided_on" date,
	"municipality_code" text NOT NULL,
	"code_at_time" text,
	"name_at_time" text,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"amount_nok" bigint,
	"project_title" text,
	"other_participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_url" text,
	"source_document" text,
	"evidence" text,
	"note" text,
	"provenance" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"import_id" uuid,
	"dataset_key" text,
	"pipeline_item_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"dedupe_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participation_flags" ADD CONSTRAINT "participation_flags_record_id_participation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."participation_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_flags" ADD CONSTRAINT "participation_flags_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_flags" ADD CONSTRAINT "participation_flags_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_flags" ADD CONSTRAINT "participation_flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_imports" ADD CONSTRAINT "participation_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_imports" ADD CONSTRAINT "participation_imports_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_imports" ADD CONSTRAINT "participation_imports_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_records" ADD CONSTRAINT "participation_records_import_id_participation_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."participation_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participation_flags_record_idx" ON "participation_flags" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "participation_flags_open_idx" ON "participation_flags" USING btree ("resolved_at","created_by");--> statement-breakpoint
CREATE INDEX "participation_imports_created_by_idx" ON "participation_imports" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_records_dedupe_key" ON "participation_records" USING btree ("dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_records_dataset_key" ON "participation_records" USING btree ("dataset_key");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_records_pipeline_item_key" ON "participation_records" USING btree ("pipeline_item_id");--> statement-breakpoint
CREATE INDEX "participation_records_municipality_idx" ON "participation_records" USING btree ("municipality_code","year");--> statement-breakpoint
CREATE INDEX "participation_records_scheme_idx" ON "participation_records" USING btree ("scheme_key","year");--> statement-breakpoint
CREATE INDEX "participation_records_import_idx" ON "participation_records" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "participation_records_created_by_idx" ON "participation_records" USING btree ("created_by","created_at");