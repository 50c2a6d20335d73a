CREATE TABLE "pipeline_sharing" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"share_pipeline_with_advisers" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "region_scopes" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"counties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"municipalities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "participation_records" ADD COLUMN "project_key" text GENERATED ALWAYS AS (btrim(regexp_replace(lower(translate(normalize(coalesce(project_title, ''), NFC), '‐‑‒–—―−', '-------')), '[[:space:]]+', ' ', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "pipeline_sharing" ADD CONSTRAINT "pipeline_sharing_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_sharing" ADD CONSTRAINT "pipeline_sharing_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_scopes" ADD CONSTRAINT "region_scopes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_scopes" ADD CONSTRAINT "region_scopes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;