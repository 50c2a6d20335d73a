/**
 * A Norwegian stemmer: the Snowball "norwegian" algorithm (the one PostgreSQL's `norwegian`
 * configuration uses, https://snowballstem.org/algorithms/norwegian/stemmer.html), written out here so
 * that indexing and searching stem the same way in application code on both databases. Its suffix list
 * already covers the nynorsk endings -a, -ar, -ane (kommunane → kommun, tenesta → tenest).
 *
 * Two additions: the plural endings -ere/-erne and nynorsk -arar/-arane are removed too (innbyggere,
 * innbyggerne, lærarar → one stem each), and a doubled consonant left at the end is made single
 * (hjemme → hjemm → hjem), so the first part of a compound (hjemme-, heime-) meets its word.
 */

const VOWELS = new Set('aeiouyæåø');
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.has(ch);

const step1Suffixes = [
  'arane',
  'arar',
  'erne',
  'ere',
  'hetenes',
  'hetene',
  'hetens',
  'heten',
  'heter',
  'endes',
  'ande',
  'ende',
  'edes',
  'enes',
  'ede',
  'ane',
  'ene',
  'ens',
  'ers',
  'ets',
  'het',
  'ast',
  'en',
  'ar',
  'er',
  'as',
  'es',
  'et',
  'a',
  'e',
].sort((a, b) => b.length - a.length);
const step3Suffixes = ['hetslov', 'eleg', 'elig', 'elov', 'slov', 'leg', 'eig', 'lig', 'els', 'lov', 'ig'];
const sEnding = new Set('bcdfghjlmnoprtvyz');

/** Start of R1: after the first non-vowel that follows a vowel, and at least 3 letters in. */
function r1(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return Math.max(3, i + 1);
  }
  return word.length;
}

export function stem(word: string): string {
  if (word.length < 3) return word;
  let w = word;
  const p1 = r1(w);
  // Step 1
  let done = false;
  for (const suffix of ['erte', 'ert']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= p1) {
      w = `${w.slice(0, -suffix.length)}er`;
      done = true;
      break;
    }
  }
  if (!done) {
    const suffix = step1Suffixes.find((s) => w.endsWith(s) && w.length - s.length >= p1);
    if (suffix) w = w.slice(0, -suffix.length);
    else if (w.endsWith('s') && w.length - 1 >= p1) {
      const before = w[w.length - 2];
      if (before && (sEnding.has(before) || (before === 'k' && !isVowel(w[w.length - 3])))) w = w.slice(0, -1);
    }
  }
  // Step 2
  if ((w.endsWith('dt') || w.endsWith('vt')) && w.length - 2 >= p1) w = w.slice(0, -1);
  // Step 3
  const s3 = step3Suffixes.find((s) => w.endsWith(s) && w.length - s.length >= p1);
  if (s3) w = w.slice(0, -s3.length);
  // Addition: a final doubled consonant made single.
  const last = w[w.length - 1];
  if (w.length > 3 && last && !isVowel(last) && w[w.length - 2] === last) w = w.slice(0, -1);
  return w;
}
