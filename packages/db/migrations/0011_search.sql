CREATE TABLE "search_documents" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"language" text NOT NULL,
	"entity_uuid" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"terms" "tsvector" NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"maturity" text,
	"owner_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_counties" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_centralities" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"source_updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "search_documents_kind_id_language_pk" PRIMARY KEY("kind","id","language")
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_terms_idx" ON "search_documents" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "search_documents_entity_idx" ON "search_documents" USING btree ("entity_uuid");--> statement-breakpoint
CREATE INDEX "search_documents_published_idx" ON "search_documents" USING btree ("kind","published_at");--> statement-breakpoint
-- Typo fallback (ADR 014): pg_trgm where the database has it (PostgreSQL's contrib, a trusted extension
-- since PostgreSQL 13; PGlite loads it in createDb). Where it cannot be created the search module
-- compares words by trigrams in application code instead, so this migration never fails for it.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm not available: search falls back to trigram similarity in application code';
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS search_terms_trgm_idx ON search_terms USING gin (term gin_trgm_ops);
  END IF;
END
$$;
