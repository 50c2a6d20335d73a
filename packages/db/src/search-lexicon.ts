import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The search's committed word lists (data/search/lexicon.json, ADR 014; built by scripts/build-search-lexicon.mjs). */
export const searchLexiconFile = fileURLToPath(new URL('../../../data/search/lexicon.json', import.meta.url));

export interface SearchLexiconFile {
  manual: [string, string][];
  variants: [string, string][];
  parts: string[];
}

export function readSearchLexicon(): SearchLexiconFile {
  return JSON.parse(readFileSync(searchLexiconFile, 'utf8')) as SearchLexiconFile;
}
