/**
 * Makes the small Inter file with the letters Sámi names need beyond Latin-1 (Č č Đ đ Ŋ ŋ Š š Ŧ ŧ Ž ž),
 * so pages listing municipalities such as Kárášjohka and Porsáŋgu need not fetch Inter's whole
 * latin-ext subset (86 KB). Keeps the weight axis. Run after upgrading @fontsource-variable/inter:
 *   node scripts/subset-sami-font.mjs
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const source = require.resolve('@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2');
const target = new URL('../apps/web/src/assets/fonts/inter-sami-wght-normal.woff2', import.meta.url);
const letters = 'ČčĐđŊŋŠšŦŧŽž';

const font = await subsetFont(await readFile(source), letters, { targetFormat: 'woff2' });
await writeFile(target, font);
console.log(`${target.pathname}: ${font.length} bytes for ${letters}`);
