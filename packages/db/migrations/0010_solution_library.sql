CREATE TABLE "solution_adoptions" (
	"solution_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"state" text NOT NULL,
	"date" date NOT NULL,
	"started_on" date,
	"note" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "solution_adoptions_solution_id_organisation_id_pk" PRIMARY KEY("solution_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "solution_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"title" text,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution_owners" (
	"solution_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	CONSTRAINT "solution_owners_solution_id_organisation_id_pk" PRIMARY KEY("solution_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "solution_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"created_by" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "solution_thread_reads" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "solution_thread_reads_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "solution_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"asking_organisation_id" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"asked_by" uuid,
	"subject" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution_versions" (
	"solution_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"note" text,
	CONSTRAINT "solution_versions_solution_id_version_pk" PRIMARY KEY("solution_id","version")
);
--> statement-breakpoint
CREATE TABLE "solutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer,
	"content" jsonb,
	"language" text,
	"title" text,
	"summary" text,
	"problem" text,
	"what_was_done" text,
	"maturity" text,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"year" integer,
	"draft" jsonb NOT NULL,
	"draft_revision" integer DEFAULT 1 NOT NULL,
	"draft_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"draft_updated_by" uuid,
	"draft_pending" boolean DEFAULT true NOT NULL,
	"contact_user_id" uuid,
	"contact_organisation_id" uuid,
	"contact_role" text,
	"contact_public" boolean DEFAULT false NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"hidden_reason" text,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"dataset_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"first_published_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "solution_adoptions" ADD CONSTRAINT "solution_adoptions_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_adoptions" ADD CONSTRAINT "solution_adoptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_adoptions" ADD CONSTRAINT "solution_adoptions_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_adoptions" ADD CONSTRAINT "solution_adoptions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_documents" ADD CONSTRAINT "solution_documents_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_documents" ADD CONSTRAINT "solution_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_documents" ADD CONSTRAINT "solution_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_messages" ADD CONSTRAINT "solution_messages_thread_id_solution_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."solution_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_messages" ADD CONSTRAINT "solution_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_owners" ADD CONSTRAINT "solution_owners_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_owners" ADD CONSTRAINT "solution_owners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_owners" ADD CONSTRAINT "solution_owners_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_reports" ADD CONSTRAINT "solution_reports_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_reports" ADD CONSTRAINT "solution_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_reports" ADD CONSTRAINT "solution_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_thread_reads" ADD CONSTRAINT "solution_thread_reads_thread_id_solution_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."solution_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_thread_reads" ADD CONSTRAINT "solution_thread_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_threads" ADD CONSTRAINT "solution_threads_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_threads" ADD CONSTRAINT "solution_threads_asking_organisation_id_organisations_id_fk" FOREIGN KEY ("asking_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_threads" ADD CONSTRAINT "solution_threads_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_threads" ADD CONSTRAINT "solution_threads_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_versions" ADD CONSTRAINT "solution_versions_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_versions" ADD CONSTRAINT "solution_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_draft_updated_by_users_id_fk" FOREIGN KEY ("draft_updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_contact_organisation_id_organisations_id_fk" FOREIGN KEY ("contact_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "solution_adoptions_municipality_idx" ON "solution_adoptions" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "solution_documents_solution_idx" ON "solution_documents" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "solution_documents_organisation_idx" ON "solution_documents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "solution_messages_thread_idx" ON "solution_messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "solution_messages_author_idx" ON "solution_messages" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "solution_owners_organisation_idx" ON "solution_owners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "solution_reports_open_idx" ON "solution_reports" USING btree ("resolved_at","created_by");--> statement-breakpoint
CREATE INDEX "solution_reports_solution_idx" ON "solution_reports" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "solution_threads_asking_idx" ON "solution_threads" USING btree ("asking_organisation_id");--> statement-breakpoint
CREATE INDEX "solution_threads_owner_idx" ON "solution_threads" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "solutions_dataset_key" ON "solutions" USING btree ("dataset_key");--> statement-breakpoint
CREATE INDEX "solutions_status_idx" ON "solutions" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "solutions_created_by_idx" ON "solutions" USING btree ("created_by","created_at");