/**
 * Builds `data/search/lexicon.json`, the word lists the Norwegian search uses (ADR 014), from Debian's
 * `hunspell-no` dictionaries (nb_NO and nn_NO, from the spell-norwegian project, GPL-2). Run at
 * development time only: the result is committed and nothing at run time or in CI needs the
 * dictionaries.
 *
 *   apt-get install -y hunspell-no
 *   node scripts/build-search-lexicon.mjs [dictionary folder, default /usr/share/hunspell]
 *
 * What it writes:
 * - `variants`: nynorsk (or alternative bokmål) lemma → bokmål lemma, found by spelling rules
 *   (øy→ø, heim→hjem, teneste→tjeneste, -ing→-ning …) and kept only where the rule's result is a
 *   bokmål lemma of the dictionary; plus the hand-made pairs of `data/search/variants-manual.json`
 *   (irregular words the rules cannot find: ikkje→ikke, røynsle→erfaring …), kept apart as `manual`,
 *   which win.
 * - `parts`: the lemmas a compound word is split into (velferd|s|teknologi): every word the
 *   dictionaries allow in compounds (flag z), and every lemma that starts or ends at least three
 *   listed compounds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dictDir = process.argv[2] ?? '/usr/share/hunspell';

function readDic(name) {
  const text = new TextDecoder('latin1').decode(readFileSync(join(dictDir, `${name}.dic`)));
  const entries = new Map();
  for (const line of text.split('\n').slice(1)) {
    const [word, flags = ''] = line.trim().split('/');
    // Lower-case letters only: names, abbreviations and hyphenated entries are left out.
    if (!word || !/^[a-zæøåéèêóòôü]+$/.test(word)) continue;
    entries.set(word, (entries.get(word) ?? '') + flags);
  }
  return entries;
}

const nb = readDic('nb_NO');
const nn = readDic('nn_NO');
const nbWords = new Set(nb.keys());

// --- Variants ---

/** Rules that mark a form as nynorsk (or a radical bokmål form) wherever they apply. */
const strongRules = [
  ['heime', 'hjemme'],
  ['heim', 'hjem'],
  ['øy', 'ø'],
  ['teneste', 'tjeneste'],
  ['kv', 'hv'],
  ['ggj', 'gg'],
  ['kkj', 'kk'],
  ['sjølv', 'selv'],
  ['tryggleik', 'trygghet'],
  ['leik', 'lek'],
  ['sjuk', 'syk'],
];
/** Rules that only apply to a word bokmål does not have (they would otherwise rewrite bokmål words). */
const weakRules = [
  ['ing', 'ning'],
  ['ei', 'e'],
  ['au', 'ø'],
  ['leg', 'lig'],
  ['eg', 'ig'],
  ['ande', 'ende'],
  ['ar', 'er'],
  ['gj', 'g'],
  ['kj', 'k'],
  ['stad', 'sted'],
  ['u', 'o'],
  ['e', 'a'],
];

function candidates(word) {
  const rules = nbWords.has(word) ? strongRules : [...strongRules, ...weakRules];
  const applicable = rules.filter(([from]) => word.includes(from));
  const out = [];
  // Every combination of up to three applicable rules, fewest rules first.
  const combos = [[]];
  for (const rule of applicable) for (const c of combos.slice()) if (c.length < 3) combos.push([...c, rule]);
  combos.sort((a, b) => a.length - b.length);
  for (const combo of combos) {
    if (combo.length === 0) continue;
    let w = word;
    for (const [from, to] of combo) w = w.split(from).join(to);
    if (w !== word) out.push(w);
  }
  return out;
}

const variants = new Map();
for (const word of new Set([...nn.keys(), ...nb.keys()])) {
  if (word.length < 3) continue;
  const target = candidates(word).find((c) => nbWords.has(c));
  if (target) variants.set(word, target);
}
const manual = JSON.parse(readFileSync(join(root, 'data/search/variants-manual.json'), 'utf8'));
for (const [from] of manual.pairs) variants.delete(from);

// --- Compound parts ---

const allWords = new Set([...nb.keys(), ...nn.keys()]);
const parts = new Set();
for (const [word, flags] of [...nb, ...nn]) if (flags.includes('z') && word.length >= 3) parts.add(word);
const starts = new Map();
const ends = new Map();
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
for (const word of allWords) {
  if (word.length < 8) continue;
  for (let i = 4; i <= word.length - 4; i++) {
    const head = word.slice(0, i);
    if (!allWords.has(head)) continue;
    for (const link of ['', 's', 'e']) {
      if (link && word[i] !== link) continue;
      const tail = word.slice(i + link.length);
      if (tail.length >= 4 && allWords.has(tail)) {
        count(starts, head);
        count(ends, tail);
      }
    }
  }
}
for (const [word, n] of starts) if (n >= 3) parts.add(word);
for (const [word, n] of ends) if (n >= 3) parts.add(word);

const sorted = (it) => [...it].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const lexicon = {
  source:
    'Built by scripts/build-search-lexicon.mjs from Debian hunspell-no (nb_NO, nn_NO; spell-norwegian project, GPL-2) and data/search/variants-manual.json',
  licence: 'GPL-2.0 (derived from the spell-norwegian word lists); the manual pairs are the project’s own',
  manual: manual.pairs,
  variants: sorted(variants.keys()).map((k) => [k, variants.get(k)]),
  parts: sorted(parts),
};
writeFileSync(join(root, 'data/search/lexicon.json'), `${JSON.stringify(lexicon)}\n`);
console.log(`variants ${lexicon.variants.length}, parts ${lexicon.parts.length}`);
