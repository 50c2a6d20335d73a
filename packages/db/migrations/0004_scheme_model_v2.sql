CREATE TABLE "condition_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scheme_id" text,
	"condition_id" text NOT NULL,
	"call_id" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "condition_confirmations" ADD CONSTRAINT "condition_confirmations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_confirmations" ADD CONSTRAINT "condition_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "condition_confirmations_org_scheme_condition_key" ON "condition_confirmations" USING btree ("organisation_id",coalesce("scheme_id", ''),"condition_id");--> statement-breakpoint
CREATE INDEX "condition_confirmations_org_idx" ON "condition_confirmations" USING btree ("organisation_id");--> statement-breakpoint
-- Stored scheme documents, their versions and saved searches' owner filters move to the second scheme
-- model in code (packages/db/src/data-upgrades.ts), which runs after the migrations and deletes this row.
INSERT INTO "reference_data_state" ("name", "checksum") VALUES ('upgrade:0004_scheme_model_v2', 'pending') ON CONFLICT ("name") DO UPDATE SET "checksum" = 'pending';
