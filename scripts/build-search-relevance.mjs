/**
 * Writes `data/search/relevance.json`: the search's relevance set (ADR 014), fixed before tuning.
 *
 * - `examples`: 240 invented example solutions (never shown as real), each labelled with the topic it
 *   is about, written in bokmål or nynorsk with the word forms varied (definite, plural, compounds).
 *   Made from a fixed seed, so running this again gives the same file.
 * - `queries`: the judged queries (bokmål, nynorsk, mixed, compounds, typos). A query's relevant
 *   results are topic labels (every example with the label) and keys of the real seeded solutions
 *   (data/solutions/solutions.json), each with a grade: 2 = what was asked for, 1 = related.
 *
 *   node scripts/build-search-relevance.mjs
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Topic label → theme and phrasings [bokmål[], nynorsk[]] (title phrase, then text phrases). */
const topics = {
  welfare_tech_home: [
    'health_care',
    ['velferdsteknologi i hjemmetjenesten', 'velferdsteknologiske løsninger for hjemmetjenestene', 'teknologi som gir trygghet hjemme'],
    ['velferdsteknologi i heimetenesta', 'velferdsteknologiske løysingar for heimetenestene', 'teknologi som gir tryggleik heime'],
  ],
  night_supervision: [
    'health_care',
    ['digitalt tilsyn om natten', 'digitale nattilsyn med sensorer', 'kameratilsyn i stedet for fysiske nattbesøk'],
    ['digitalt tilsyn om natta', 'digitale nattilsyn med sensorar', 'kameratilsyn i staden for fysiske nattbesøk'],
  ],
  medication_support: [
    'health_care',
    ['elektronisk medisineringsstøtte', 'medisindispensere for hjemmeboende', 'påminnelser om medisiner'],
    ['elektronisk medisineringsstøtte', 'medisindispenserar for heimebuande', 'påminningar om medisinar'],
  ],
  safety_alarm: [
    'health_care',
    ['trygghetsalarm med lokalisering', 'trygghetsalarmer med GPS for personer med demens', 'lokaliseringsteknologi'],
    ['tryggleiksalarm med lokalisering', 'tryggleiksalarmar med GPS for personar med demens', 'lokaliseringsteknologi'],
  ],
  everyday_rehab: [
    'health_care',
    ['hverdagsrehabilitering', 'rehabilitering i hverdagen for eldre', 'opptrening hjemme etter sykehusopphold'],
    ['kvardagsrehabilitering', 'rehabilitering i kvardagen for eldre', 'opptrening heime etter sjukehusopphald'],
  ],
  shared_emergency_room: [
    'health_care',
    ['felles legevakt for flere kommuner', 'interkommunal legevakt', 'legevaktsamarbeid mellom kommunene'],
    ['felles legevakt for fleire kommunar', 'interkommunal legevakt', 'legevaktsamarbeid mellom kommunane'],
  ],
  teacher_digital: [
    'education_childhood',
    ['digital kompetanse for lærere', 'kursing av lærerne i digitale verktøy', 'kompetanseheving i skolen'],
    ['digital kompetanse for lærarar', 'kursing av lærarane i digitale verktøy', 'kompetanseheving i skulen'],
  ],
  early_kindergarten: [
    'education_childhood',
    ['tidlig innsats i barnehagen', 'tidlig innsats for barn i barnehagene', 'språkstimulering for de minste barna'],
    ['tidleg innsats i barnehagen', 'tidleg innsats for born i barnehagane', 'språkstimulering for dei minste borna'],
  ],
  homework_online: [
    'education_childhood',
    ['leksehjelp på nett', 'digital leksehjelp for elevene', 'leksehjelpen på nettet'],
    ['leksehjelp på nett', 'digital leksehjelp for elevane', 'leksehjelpa på nettet'],
  ],
  climate_budget: [
    'climate_environment',
    ['klimabudsjett som styringsverktøy', 'klimabudsjettet i økonomiplanen', 'budsjett for klimagassutslipp'],
    ['klimabudsjett som styringsverktøy', 'klimabudsjettet i økonomiplanen', 'budsjett for klimagassutslepp'],
  ],
  charging_cars: [
    'climate_environment',
    ['ladepunkter for kommunens biler', 'lading av elbiler i kommunen', 'ladestasjoner ved rådhuset'],
    ['ladepunkt for bilane til kommunen', 'lading av elbilar i kommunen', 'ladestasjonar ved rådhuset'],
  ],
  climate_procurement: [
    'climate_environment',
    ['klimakrav i anskaffelser', 'klimakrav i offentlige anskaffelser', 'miljøkrav når kommunen kjøper inn'],
    ['klimakrav i innkjøp', 'klimakrav i offentlege innkjøp', 'miljøkrav når kommunen kjøper inn'],
  ],
  food_waste: [
    'climate_environment',
    ['kartlegging av matsvinn', 'mindre matsvinn i sykehjemmene', 'matsvinnet i kommunale kjøkken'],
    ['kartlegging av matsvinn', 'mindre matsvinn på sjukeheimane', 'matsvinnet i kommunale kjøkken'],
  ],
  digital_mailbox: [
    'digitalisation',
    ['digital postkasse for innbyggerne', 'digital post til innbyggere', 'brev digitalt i stedet for papir'],
    ['digital postkasse for innbyggjarane', 'digital post til innbyggjarar', 'brev digitalt i staden for papir'],
  ],
  self_service_building: [
    'digitalisation',
    ['selvbetjening for byggesøknader', 'selvbetjeningsløsning for byggesaker', 'digitale byggesøknader'],
    ['sjølvbetening for byggjesøknader', 'sjølvbeteningsløysing for byggjesaker', 'digitale byggjesøknader'],
  ],
  chatbot: [
    'digitalisation',
    ['chatbot for kommunens tjenester', 'chatbot som svarer innbyggerne', 'kunstig intelligens i kundesenteret'],
    ['chatbot for tenestene til kommunen', 'chatbot som svarar innbyggjarane', 'kunstig intelligens i kundesenteret'],
  ],
  it_operations: [
    'digitalisation',
    ['felles driftssenter for IKT', 'IKT-drift i samarbeid', 'felles IKT-tjenester for regionen'],
    ['felles driftssenter for IKT', 'IKT-drift i samarbeid', 'felles IKT-tenester for regionen'],
  ],
  business_garden: [
    'community_business',
    ['næringshage i sentrum', 'næringshagen som samler gründere', 'kontorfellesskap for nye bedrifter'],
    ['næringshage i sentrum', 'næringshagen som samlar gründerar', 'kontorfellesskap for nye bedrifter'],
  ],
  place_development: [
    'community_business',
    ['stedsutvikling med innbyggerne', 'medvirkning i stedsutviklingen', 'utvikling av sentrum sammen med innbyggerne'],
    ['stadsutvikling med innbyggjarane', 'medverknad i stadsutviklinga', 'utvikling av sentrum saman med innbyggjarane'],
  ],
  commuter_office: [
    'community_business',
    ['delingskontor for pendlere', 'kontorplasser for pendlere og fjernarbeidere', 'delekontor i bygda'],
    ['delingskontor for pendlarar', 'kontorplassar for pendlarar og fjernarbeidarar', 'delekontor i bygda'],
  ],
  flood_warning: [
    'civil_protection',
    ['varsling av flom og skred', 'flomvarsling med sensorer i elvene', 'skredvarsling for innbyggerne'],
    ['varsling av flaum og skred', 'flaumvarsling med sensorar i elvane', 'skredvarsling for innbyggjarane'],
  ],
  trial_housing: [
    'housing',
    ['prøvebolig for tilflyttere', 'prøveboliger for nye innbyggere', 'bo på prøve i kommunen'],
    ['prøvebustad for tilflyttarar', 'prøvebustader for nye innbyggjarar', 'bu på prøve i kommunen'],
  ],
  open_library: [
    'culture',
    ['meråpent bibliotek', 'meråpne bibliotek med selvbetjening', 'biblioteket åpent uten betjening'],
    ['meirope bibliotek', 'meirope bibliotek med sjølvbetening', 'biblioteket ope utan betening'],
  ],
  culture_card: [
    'culture',
    ['kulturkort for ungdom', 'kulturkortet for unge', 'rabatt på kulturtilbud for ungdommen'],
    ['kulturkort for ungdom', 'kulturkortet for unge', 'rabatt på kulturtilbod for ungdommen'],
  ],
};

const starts = {
  nb: ['Ny løsning for', 'Bedre', 'Erfaringer med', 'Pilot med', 'Felles satsing på'],
  nn: ['Ny løysing for', 'Betre', 'Røynsler med', 'Pilot med', 'Felles satsing på'],
};

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(17);
const pick = (list) => list[Math.floor(next() * list.length)];
const examples = [];
const labels = Object.keys(topics);
for (let i = 0; i < 240; i++) {
  const label = labels[i % labels.length];
  const [theme, nb, nn] = topics[label];
  const language = next() < 0.4 ? 'nn' : 'nb';
  const p = language === 'nn' ? nn : nb;
  const title = `${pick(starts[language])} ${p[0]}`;
  const summary =
    language === 'nn'
      ? `Eksempeldata laga av Varde – ikkje ekte. Kommunen arbeider med ${p[1]}.`
      : `Eksempeldata laget av Varde – ikke ekte. Kommunen arbeider med ${p[1]}.`;
  const problem = language === 'nn' ? `Kommunen trong ${p[2]}.` : `Kommunen trengte ${p[2]}.`;
  const whatWasDone =
    language === 'nn'
      ? `Kommunen tok i bruk ${p[0]} saman med tilsette og innbyggjarar, og deler røynslene med andre kommunar.`
      : `Kommunen tok i bruk ${p[0]} sammen med ansatte og innbyggere, og deler erfaringene med andre kommuner.`;
  examples.push({ key: `example-${String(i + 1).padStart(3, '0')}`, label, theme, language, title, summary, problem, whatWasDone });
}

const q = (query, kind, relevant) => ({ q: query, kind, relevant });
const queries = [
  // Bokmål
  q('velferdsteknologi', 'nb', { welfare_tech_home: 2 }),
  q('hjemmetjenesten', 'nb', { welfare_tech_home: 2 }),
  q('digitalt tilsyn om natten', 'nb', { night_supervision: 2 }),
  q('medisineringsstøtte', 'nb', { medication_support: 2 }),
  q('trygghetsalarmer', 'nb', { safety_alarm: 2 }),
  q('legevakt for flere kommuner', 'nb', { shared_emergency_room: 2 }),
  q('lærerne digital kompetanse', 'nb', { teacher_digital: 2 }),
  q('leksehjelp', 'nb', { homework_online: 2 }),
  q('klimabudsjett', 'nb', { climate_budget: 2, 'veileder-for-klimabudsjett-som-styringsverktoy-2019': 2 }),
  q('ladestasjoner', 'nb', { charging_cars: 2, 'ladestasjoner-2017': 2 }),
  q('matsvinn', 'nb', { food_waste: 2 }),
  q('digital postkasse', 'nb', { digital_mailbox: 2 }),
  q('byggesøknader', 'nb', { self_service_building: 2 }),
  q('næringshage', 'nb', { business_garden: 2 }),
  q('flom og skred', 'nb', { flood_warning: 2 }),
  q('prøvebolig', 'nb', { trial_housing: 2, 'proveboprosjekt-2023': 1 }),
  q('pasientens legemiddelliste', 'nb', { 'innforing-av-pasientens-legemiddelliste-pll-2025': 2 }),
  q('brøyting av snø', 'nb', { 'nye-og-mer-effektive-losninger-for-sno-og-broytevirksomhet-2019': 2 }),
  q('vannkvaliteten', 'nb', { 'automatisk-overvaking-av-vannkvaliteten-2019': 2 }),
  q('biogass', 'nb', { 'fyllestasjon-for-biogass-2016': 2 }),
  // Nynorsk
  q('løysing for heimetenesta', 'nn', { welfare_tech_home: 2 }),
  q('tryggleiksalarm', 'nn', { safety_alarm: 2 }),
  q('kvardagsrehabilitering', 'nn', { everyday_rehab: 2 }),
  q('legevakt for fleire kommunar', 'nn', { shared_emergency_room: 2 }),
  q('tidleg innsats i barnehagane', 'nn', { early_kindergarten: 2 }),
  q('klimakrav i innkjøp', 'nn', { climate_procurement: 2, 'kompetansehevande-tiltak-for-miljovennlige-innkjop-2019': 1 }),
  q('sjølvbetening byggjesøknader', 'nn', { self_service_building: 2 }),
  q('stadsutvikling med innbyggjarane', 'nn', { place_development: 2 }),
  q('delingskontor for pendlarar', 'nn', { commuter_office: 2 }),
  q('varsling av flaum', 'nn', { flood_warning: 2 }),
  q('prøvebustad', 'nn', { trial_housing: 2 }),
  q('meirope bibliotek', 'nn', { open_library: 2 }),
  q('skule i massivtre', 'nn', { 'ny-barnehage-og-skule-i-massivtre-2019': 2 }),
  // Mixed: bokmål words finding nynorsk texts and the other way
  q('tenestene til kommunen chatbot', 'mixed', { chatbot: 2 }),
  q('chatbot for kommunens tjenester', 'mixed', { chatbot: 2 }),
  q('hverdagsrehabilitering', 'mixed', { everyday_rehab: 2 }),
  q('skole massivtre', 'mixed', { 'ny-barnehage-og-skule-i-massivtre-2019': 2 }),
  q('tilflyttere', 'mixed', { trial_housing: 2 }),
  q('digital post til innbyggjarar', 'mixed', { digital_mailbox: 2 }),
  // Compounds: a part finds the whole, an inflected whole finds its forms
  q('teknologi', 'compound', { welfare_tech_home: 2, safety_alarm: 1 }),
  q('hjemmetjeneste', 'compound', { welfare_tech_home: 2 }),
  q('alarm', 'compound', { safety_alarm: 2 }),
  q('rehabilitering', 'compound', { everyday_rehab: 2 }),
  q('budsjett', 'compound', { climate_budget: 2, 'veileder-for-klimabudsjett-som-styringsverktoy-2019': 2 }),
  q('kontor pendlere', 'compound', { commuter_office: 2 }),
  q('bibliotek', 'compound', { open_library: 2 }),
  q('vaktrom', 'compound', { 'digitalt-vaktrom-i-sky-2025': 2 }),
  q('byggematerialer gjenbruk', 'compound', { 'regionalt-marked-for-gjenbruk-av-byggematerialer-2020': 2 }),
  // Typos
  q('velferdsteknolgi', 'typo', { welfare_tech_home: 2 }),
  q('hverdagsrehabilitring', 'typo', { everyday_rehab: 2 }),
  q('næringshagge', 'typo', { business_garden: 2 }),
  q('kulturkrot', 'typo', { culture_card: 2 }),
  q('legevagt', 'typo', { shared_emergency_room: 2 }),
  q('biogas', 'typo', { 'fyllestasjon-for-biogass-2016': 2 }),
];

const relevance = {
  description:
    'Relevance set of the Norwegian search (ADR 014), committed before tuning. Examples are invented (flagged, never shown as real); the real solutions are those of data/solutions/solutions.json, judged by key. Grades: 2 asked for, 1 related. Built by scripts/build-search-relevance.mjs.',
  metrics: 'recall@10 = relevant in the first 10 / min(10, relevant); nDCG@10 with gain 2^grade − 1; both averaged over the queries',
  examples,
  queries,
};
writeFileSync(join(root, 'data/search/relevance.json'), `${JSON.stringify(relevance, null, 1)}\n`);
console.log(`examples ${examples.length}, queries ${queries.length}`);
