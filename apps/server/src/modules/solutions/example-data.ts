/**
 * Example solutions, for demonstrations, search relevance and benchmarks only: made from a seed (the
 * same seed gives the same set), each flagged `isExample`, its summary saying it is invented, shown
 * only when the server runs with EXAMPLE_DATA=on and then with a notice, exactly like the example
 * participation records. Never real data.
 */
import type { AdoptionState, SolutionMaturity } from '@varde/contracts/solutions-vocabulary';
import type { Language, SchemeTheme } from '@varde/contracts/vocabulary';
import type { SolutionContentData } from './solution.repository';
import { emptyContent } from './solution-view';

export const EXAMPLE_NOTE = { nb: 'Eksempeldata laget av Varde – ikke ekte.', nn: 'Eksempeldata laga av Varde – ikkje ekte.' } as const;

/** mulberry32: a small, fast pseudo-random generator with a 32-bit seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Topics per theme, in bokmål and nynorsk (the same thing in both, so search can be judged on them). */
const topics: Record<SchemeTheme, [string, string][]> = {
  health_care: [
    ['velferdsteknologi i hjemmetjenesten', 'velferdsteknologi i heimetenesta'],
    ['digitalt tilsyn om natten', 'digitalt tilsyn om natta'],
    ['elektronisk medisineringsstøtte', 'elektronisk medisineringsstøtte'],
    ['trygghetsalarm med lokalisering', 'tryggleiksalarm med lokalisering'],
    ['hverdagsrehabilitering', 'kvardagsrehabilitering'],
    ['felles legevakt for flere kommuner', 'felles legevakt for fleire kommunar'],
  ],
  education_childhood: [
    ['digital kompetanse for lærere', 'digital kompetanse for lærarar'],
    ['tidlig innsats i barnehagen', 'tidleg innsats i barnehagen'],
    ['leksehjelp på nett', 'leksehjelp på nett'],
  ],
  climate_environment: [
    ['klimabudsjett som styringsverktøy', 'klimabudsjett som styringsverktøy'],
    ['ladepunkter for kommunens biler', 'ladepunkt for bilane til kommunen'],
    ['klimakrav i anskaffelser', 'klimakrav i innkjøp'],
    ['kartlegging av matsvinn', 'kartlegging av matsvinn'],
  ],
  digitalisation: [
    ['digital postkasse for innbyggerne', 'digital postkasse for innbyggjarane'],
    ['selvbetjening for byggesøknader', 'sjølvbetening for byggjesøknader'],
    ['chatbot for kommunens tjenester', 'chatbot for tenestene til kommunen'],
    ['felles driftssenter for IKT', 'felles driftssenter for IKT'],
  ],
  community_business: [
    ['næringshage i sentrum', 'næringshage i sentrum'],
    ['stedsutvikling med innbyggerne', 'stadsutvikling med innbyggjarane'],
    ['delingskontor for pendlere', 'delingskontor for pendlarar'],
  ],
  planning: [
    ['digital planprosess', 'digital planprosess'],
    ['3D-modell av sentrum', '3D-modell av sentrum'],
  ],
  civil_protection: [
    ['varsling av flom og skred', 'varsling av flaum og skred'],
    ['felles beredskapsplan', 'felles beredskapsplan'],
  ],
  housing: [
    ['prøvebolig for tilflyttere', 'prøvebustad for tilflyttarar'],
    ['boligveiledning for unge', 'bustadrettleiing for unge'],
  ],
  culture: [
    ['meråpent bibliotek', 'meirope bibliotek'],
    ['kulturkort for ungdom', 'kulturkort for ungdom'],
  ],
  other: [['felles innkjøpskontor', 'felles innkjøpskontor']],
};

const starts: Record<'nb' | 'nn', string[]> = {
  nb: ['Ny løsning for', 'Bedre', 'Felles', 'Pilot med', 'Erfaringer med'],
  nn: ['Ny løysing for', 'Betre', 'Felles', 'Pilot med', 'Røynsler med'],
};

const maturities: SolutionMaturity[] = ['idea', 'pilot', 'in_operation', 'spread'];
const states: [AdoptionState, number][] = [
  ['uses', 60],
  ['testing', 30],
  ['stopped', 10],
];

export interface ExampleSolution {
  content: SolutionContentData;
  ownerCodes: string[];
  adoptions: { code: string; state: AdoptionState; date: string; startedOn: string | null }[];
  publishedAt: Date;
}

export function exampleSolutions(options: { seed: number; count: number; municipalities: readonly string[]; thisYear: number }): ExampleSolution[] {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const themes = Object.keys(topics) as SchemeTheme[];
  const out: ExampleSolution[] = [];
  for (let i = 0; i < options.count; i++) {
    const lang: Language = next() < 0.3 ? 'nn' : 'nb';
    const form = lang === 'nn' ? 1 : 0;
    const theme = pick(themes);
    const topic = pick(topics[theme])[form];
    const title = `${pick(starts[lang as 'nb' | 'nn'])} ${topic}`;
    const year = options.thisYear - Math.floor(next() * 10);
    const owners = new Set<string>();
    const ownerCount = 1 + Math.floor(next() * next() * 4);
    while (owners.size < ownerCount) owners.add(pick(options.municipalities));
    const adoptions: ExampleSolution['adoptions'] = [];
    const adopterCount = Math.floor(next() * next() * 25);
    const taken = new Set(owners);
    for (let a = 0; a < adopterCount; a++) {
      const code = pick(options.municipalities);
      if (taken.has(code)) continue;
      taken.add(code);
      let roll = next() * 100;
      const state = states.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'uses';
      const startYear = Math.min(options.thisYear, year + Math.floor(next() * 5));
      const started = `${startYear}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-01`;
      const stoppedYear = Math.min(options.thisYear, startYear + 1 + Math.floor(next() * 2));
      adoptions.push({ code, state, startedOn: started, date: state === 'stopped' ? `${stoppedYear}-06-01` : started });
    }
    const note = EXAMPLE_NOTE[lang as 'nb' | 'nn'];
    out.push({
      content: {
        ...emptyContent(lang, title),
        summary: `${note} ${title}.`,
        problem: lang === 'nn' ? `Kommunen trong ${topic}.` : `Kommunen trengte ${topic}.`,
        whatWasDone:
          lang === 'nn' ? `Kommunen tok i bruk ${topic} saman med tilsette og innbyggjarar.` : `Kommunen tok i bruk ${topic} sammen med ansatte og innbyggere.`,
        maturity: pick(maturities),
        themes: [theme],
        year,
        costOneOffNok: next() < 0.5 ? Math.round(next() * 50) * 10_000 : null,
      },
      ownerCodes: [...owners],
      adoptions,
      publishedAt: new Date(Date.UTC(year, Math.floor(next() * 12), 1 + Math.floor(next() * 27))),
    });
  }
  return out;
}
