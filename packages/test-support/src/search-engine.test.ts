/** The Norwegian search engine (packages/domain/src/search) with the committed lexicon (data/search). */
import { describe, expect, it } from 'vitest';
import { readSearchLexicon } from '@varde/db/search-lexicon';
import { createSearchEngine, trigramSimilarity } from '@varde/domain/search/engine';
import { foldWord, tokenize } from '@varde/domain/search/normalise';
import { stem } from '@varde/domain/search/stemmer';

const engine = createSearchEngine(readSearchLexicon());

describe('normalise', () => {
  it('folds case and accents but keeps æ, ø and å', () => {
    expect(foldWord('KAFÉ')).toBe('kafe');
    expect(foldWord('Ørsta')).toBe('ørsta');
    expect(foldWord('Å')).toBe('å');
    expect(tokenize('e-helse, 3D-modell').map((t) => t.word)).toEqual(['e', 'helse', '3d', 'modell']);
  });

  it('keeps where each word was', () => {
    const [, second] = tokenize('Ny  løsning');
    expect(second).toEqual({ word: 'løsning', start: 4, end: 11 });
  });
});

describe('stemmer', () => {
  it('stems bokmål and nynorsk inflections to one stem', () => {
    expect(new Set(['kommune', 'kommunen', 'kommunene', 'kommunane', 'kommunar'].map(stem))).toEqual(new Set(['kommun']));
    expect(new Set(['tenesta', 'teneste', 'tenester', 'tenestene'].map(stem))).toEqual(new Set(['tenest']));
    expect(new Set(['innbygger', 'innbyggere', 'innbyggerne'].map(stem)).size).toBe(1);
  });
});

describe('search engine', () => {
  it('maps nynorsk to bokmål: løysing/løsning, tenesta/tjenesten, heim/hjem', () => {
    expect(engine.keyOf('løysinga')).toBe(engine.keyOf('løsningene'));
    expect(engine.keyOf('tenesta')).toBe(engine.keyOf('tjenesten'));
    expect(engine.keyOf('heimetenesta')).toBe(engine.keyOf('hjemmetjenesten'));
    expect(engine.keyOf('kommunane')).toBe(engine.keyOf('kommunene'));
  });

  it('splits compounds into parts', () => {
    expect(engine.partsOf('velferdsteknologi')).toEqual(['velferd', 'teknologi']);
    expect(engine.partsOf('hjemmetjenesten')).toEqual(engine.partsOf('heimetenesta'));
    // A word the lexicon knows is not split into nonsense.
    expect(engine.partsOf('tjenesten')).toBeNull();
  });

  it('matches a nynorsk query against a bokmål text and highlights the words', () => {
    const query = engine.parseQuery('løysing for heimetenesta');
    expect(query.groups.map((g) => g.word)).toEqual(['løysing', 'heimetenesta']);
    const text = 'Ny løsning for velferdsteknologi i hjemmetjenesten';
    expect(engine.matches(query, [text])).toBe(true);
    expect(
      engine
        .highlight(text, query.allKeys)
        .filter((s) => s.hit)
        .map((s) => s.text),
    ).toEqual(['løsning', 'hjemmetjenesten']);
    expect(engine.matches(engine.parseQuery('teknologi'), [text])).toBe(true);
    expect(engine.matches(engine.parseQuery('skole'), [text])).toBe(false);
  });

  it('makes tsqueries of keys only', () => {
    const query = engine.parseQuery("velferdsteknologi ' | & ! (");
    expect(engine.toTsQuery(query.groups)).toBe('(velferdsteknologi | (velferd & teknologi))');
    expect(engine.toTsQuery(engine.parseQuery('digital postkasse').groups, 'or')).toMatch(/ \| /);
    expect(engine.parseQuery('og i for').groups).toEqual([]);
  });

  it('cuts a snippet around the first match', () => {
    const long = `${'Innledning uten treff. '.repeat(20)}Her står velferdsteknologi midt i teksten. ${'Mer tekst. '.repeat(20)}`;
    const snippet = engine.snippet(long, engine.parseQuery('teknologi').allKeys, 12);
    expect(snippet[0]!.text).toBe('… ');
    expect(snippet.some((s) => s.hit && s.text === 'velferdsteknologi')).toBe(true);
  });

  it('cuts the snippet where most of the query words are, not only the first', () => {
    const text = `Hjemmetjenesten ble nevnt først. ${'Fyll uten treff. '.repeat(20)}En ny løsning for hjemmetjenesten kom senere. ${'Mer tekst. '.repeat(20)}`;
    const snippet = engine.snippet(text, engine.parseQuery('løysing for heimetenesta').allKeys, 12);
    expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['løsning', 'hjemmetjenesten']);
  });

  it('bounds the query', () => {
    expect(engine.parseQuery(Array.from({ length: 20 }, (_, i) => `ord${i}x`).join(' ')).groups).toHaveLength(8);
  });

  it('computes trigram similarity like pg_trgm', () => {
    expect(trigramSimilarity('barnehage', 'barnehagen')).toBeCloseTo(0.75, 2);
    expect(trigramSimilarity('velferdsteknolgi', 'velferdsteknologi')).toBeGreaterThan(0.6);
  });

  it('works without the lexicon (stemming only)', () => {
    const plain = createSearchEngine();
    expect(plain.matches(plain.parseQuery('kommunene'), ['Kommunen samarbeider'])).toBe(true);
  });
});
