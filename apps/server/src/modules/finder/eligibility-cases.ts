/**
 * Real eligibility cases (issue 10): a municipality × a scheme (and the round of its county) × the
 * role it takes × the partners it plans × the conditions its members have confirmed → the verdict and
 * the key reason (the first reason the API gives). Each case cites the source that decides it: one of
 * the scheme's own sources in data/schemes (the test checks that the scheme lists it).
 *
 * The municipalities' register facts (county, centrality class, population) are those in
 * data/reference. Confirmations are stored through the confirmations API by a member of the
 * municipality before the question is asked, as that member; a case without confirmations is also
 * asked anonymously and must get the same answer (public answers rest on the registers alone).
 *
 * eligibility-cases.test.ts runs the table through the HTTP API on PGlite, and on PostgreSQL with
 * `scripts/with-postgres.sh npx vitest run --project data apps/server/src/modules/finder/eligibility-cases.test.ts`.
 */
import type { ApplicantType } from '@varde/contracts/schemes';
import type { EligibilityRole, Verdict } from '@varde/contracts/vocabulary';

export interface EligibilityCase {
  /** What the case shows, in a few words. */
  title: string;
  /** Municipality number, with its name for the reader: Tydal (5033, Trøndelag, centrality 6) … */
  municipality: string;
  scheme: string;
  /** The round whose rules apply (its county's); null for a national scheme or a county with no known round. */
  round: string | null;
  /** A county-run scheme with no known round for the municipality's county. */
  roundUnknown?: boolean;
  role: EligibilityRole;
  partners: ApplicantType[];
  /** Condition ids confirmed for the scheme (or `membership:<key>`, stored without a scheme). */
  confirmations: string[];
  verdict: Verdict;
  /** The code of the first (key) reason. */
  keyReason: string;
  /** The source that decides the case: listed in the scheme's `sources`. */
  source: string;
}

/**
 * Municipalities used (data/reference, 2026): Tydal 5033 (Trøndelag 50, class 6, 773) · Røros 5025
 * (50, class 5) · Trondheim 5001 (50, class 2) · Utsira 1151 (Rogaland 11, class 6, 219) · Træna 1835
 * (Nordland 18, class 6) · Bodø 1804 (18, class 3) · Hasvik 5616 (Finnmark 56, class 6) · Modalen
 * 4629 (Vestland 46, class 6) · Voss 4621 (46, class 4) · Tolga 3426 (Innlandet 34, class 5) ·
 * Lillehammer 3405 (34, class 3) · Oslo 0301 (Oslo 03, class 1).
 */
export const eligibilityCases: EligibilityCase[] = [
  // Prosjektskjønn: each State Administrator runs its own round; only municipalities may apply.
  {
    title: "Tydal applies in Trøndelag's round: only municipalities may apply, nothing else to meet",
    municipality: '5033',
    scheme: 'prosjektskjonn',
    round: 'trondelag',
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.statsforvalteren.no/nb/Trondelag/Tilskudd/2020/09/prosjektskjonn---fornying-og-innovasjon-2021/',
  },
  {
    title: 'Trondheim joins a Trøndelag project as a partner municipality',
    municipality: '5001',
    scheme: 'prosjektskjonn',
    round: 'trondelag',
    role: 'partner',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_be_partner',
    source: 'https://www.statsforvalteren.no/nb/Trondelag/Tilskudd/2020/09/prosjektskjonn---fornying-og-innovasjon-2021/',
  },
  {
    title: 'Tolga in Innlandet: several municipalities or a plan to share the results, not yet confirmed',
    municipality: '3426',
    scheme: 'prosjektskjonn',
    round: 'innlandet',
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'scheme_condition',
    source: 'https://www.fylkesmannen.no/innlandet/kommunal-styring/kommunal-fornying/25-mill.-kroner-til-kommunale-fornyings--og-innovasjonsprosjekter/',
  },
  {
    title: 'Tolga in Innlandet, with the transfer plan confirmed',
    municipality: '3426',
    scheme: 'prosjektskjonn',
    round: 'innlandet',
    role: 'lead',
    partners: [],
    confirmations: ['several-municipalities-or-transfer-plan'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.fylkesmannen.no/innlandet/kommunal-styring/kommunal-fornying/25-mill.-kroner-til-kommunale-fornyings--og-innovasjonsprosjekter/',
  },
  {
    title: "Modalen in Vestland's round",
    municipality: '4629',
    scheme: 'prosjektskjonn',
    round: 'vestland',
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.statsforvalteren.no/nn/vestland/kommunal-styring/kommunal-fornying/skjonnsmidlar-til-fornying-og-innovasjonsprosjekt-for-2022/',
  },
  {
    title: 'Oslo in the round of Oslo og Viken',
    municipality: '0301',
    scheme: 'prosjektskjonn',
    round: 'oslo-og-viken',
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.statsforvalteren.no/nb/oslo-og-viken/tilskudd/2023/03/utlysning-av-prosjektskjonnsmidler-for-2023/',
  },
  {
    title: 'Træna: no known round for Nordland is an unknown, not a no; the general rules apply',
    municipality: '1835',
    scheme: 'prosjektskjonn',
    round: null,
    roundUnknown: true,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.statsforvalteren.no/nb/Trondelag/Tilskudd/2020/09/prosjektskjonn---fornying-og-innovasjon-2021/',
  },

  // Forskningsrådet, innovation project in the public sector: an approved R&D organisation must take part.
  {
    title: 'Tydal leads an IPO without an R&D partner',
    municipality: '5033',
    scheme: 'forskningsradet-ipo',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'needs_partner_type',
    source: 'https://www.forskningsradet.no/utlysninger/2019/innovasjonsprosjekt-i-offentlig-sektor/?tab=1',
  },
  {
    title: 'Tydal plans an R&D partner: the need for the project is still to confirm',
    municipality: '5033',
    scheme: 'forskningsradet-ipo',
    round: null,
    role: 'lead',
    partners: ['rd_organisation'],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'scheme_condition',
    source: 'https://www.forskningsradet.no/utlysninger/2019/innovasjonsprosjekt-i-offentlig-sektor/?tab=1',
  },
  {
    title: 'Tydal with an R&D partner planned and the need confirmed',
    municipality: '5033',
    scheme: 'forskningsradet-ipo',
    round: null,
    role: 'lead',
    partners: ['rd_organisation'],
    confirmations: ['recognised-need'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.forskningsradet.no/utlysninger/2019/innovasjonsprosjekt-i-offentlig-sektor/?tab=1',
  },
  {
    title: 'Trondheim has confirmed its R&D partner and the need',
    municipality: '5001',
    scheme: 'forskningsradet-ipo',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: ['partner:rd_organisation', 'recognised-need'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.forskningsradet.no/utlysninger/2019/innovasjonsprosjekt-i-offentlig-sektor/?tab=1',
  },

  // IPO's successor (Forskningsrådet, from 2025): every project needs a public body and a research organisation.
  {
    title: "Træna leads a project in IPO's successor without an R&D partner",
    municipality: '1835',
    scheme: 'forskningsradet-forskning-innovasjon-offentlig-sektor',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'needs_partner_type',
    source: 'https://www.forskningsradet.no/en/call-for-proposals/2025/research-innovation-major-challenges-public-sector',
  },
  {
    title: "Træna has confirmed its R&D partner: eligible for IPO's successor",
    municipality: '1835',
    scheme: 'forskningsradet-forskning-innovasjon-offentlig-sektor',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: ['partner:rd_organisation'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.forskningsradet.no/en/call-for-proposals/2025/research-innovation-major-challenges-public-sector',
  },

  // Digdir's co-funding: state agencies apply; municipalities only as partners.
  {
    title: 'Utsira cannot lead a co-funded project',
    municipality: '1151',
    scheme: 'digdir-medfinansiering',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'partner_only',
    source: 'https://www.digdir.no/finansiering/kva-er-medfinansiering/1962',
  },
  {
    title: 'Utsira can be a partner of a state agency',
    municipality: '1151',
    scheme: 'digdir-medfinansiering',
    round: null,
    role: 'partner',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_be_partner',
    source: 'https://www.digdir.no/finansiering/kva-er-medfinansiering/1962',
  },

  // DigiFin: only municipalities that are members of the scheme may apply.
  {
    title: 'Hasvik without a confirmed DigiFin membership',
    municipality: '5616',
    scheme: 'digifin',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'membership_required',
    source: 'https://www.ks.no/fagomrader/digitalisering/styring-og-organisering/finansieringsordning-for-digitaliseringsprosjekter/hvordan-soke-stotte/',
  },
  {
    title: 'Hasvik has confirmed its DigiFin membership (once, for every scheme asking for it)',
    municipality: '5616',
    scheme: 'digifin',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: ['membership:digifin'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.ks.no/fagomrader/digitalisering/styring-og-organisering/finansieringsordning-for-digitaliseringsprosjekter/hvordan-soke-stotte/',
  },

  // Klimasats: political anchoring, a decisive grant and the municipality's own effort.
  {
    title: 'Voss before anything is confirmed: political anchoring comes first',
    municipality: '4621',
    scheme: 'klimasats',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'political_anchoring_required',
    source: 'https://www.miljodirektoratet.no/ansvarsomrader/klima/for-myndigheter/kutte-utslipp-av-klimagasser/klimasats/soke-stotte-til-lokale-tiltak/',
  },
  {
    title: "Voss with the anchoring confirmed: the grant's triggering effect is still to confirm",
    municipality: '4621',
    scheme: 'klimasats',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: ['political_anchoring'],
    verdict: 'eligible_with_conditions',
    keyReason: 'scheme_condition',
    source: 'https://www.miljodirektoratet.no/ansvarsomrader/klima/for-myndigheter/kutte-utslipp-av-klimagasser/klimasats/soke-stotte-til-lokale-tiltak/',
  },
  {
    title: 'Voss with every Klimasats condition confirmed',
    municipality: '4621',
    scheme: 'klimasats',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: ['political_anchoring', 'triggering-effect', 'own-effort'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.miljodirektoratet.no/ansvarsomrader/klima/for-myndigheter/kutte-utslipp-av-klimagasser/klimasats/soke-stotte-til-lokale-tiltak/',
  },

  // Bygdevekstavtaler: municipalities in centrality classes 5 and 6.
  {
    title: 'Utsira (class 6) may apply for a bygdevekstavtale',
    municipality: '1151',
    scheme: 'bygdevekstavtaler',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.regionalforvaltning.no/Startside/Velkommen.aspx?Ordning_Id=3983&Cookie=0',
  },
  {
    title: 'Trondheim (class 2) may not lead a bygdevekstavtale',
    municipality: '5001',
    scheme: 'bygdevekstavtaler',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'centrality_excluded',
    source: 'https://www.regionalforvaltning.no/Startside/Velkommen.aspx?Ordning_Id=3983&Cookie=0',
  },

  // Husbanken: the district part is for centrality classes 5 and 6; the social-housing part for all.
  {
    title: "Modalen (class 6) may apply for Husbanken's district grant",
    municipality: '4629',
    scheme: 'husbanken-boligtiltak-distrikt',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.husbanken.no/kommune/lan-og-tilskudd/boligtiltak/veileder/tilskudd-til-boligtiltak-i-distriktene/',
  },
  {
    title: "Bodø (class 3) may not apply for Husbanken's district grant",
    municipality: '1804',
    scheme: 'husbanken-boligtiltak-distrikt',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'centrality_excluded',
    source: 'https://www.husbanken.no/kommune/lan-og-tilskudd/boligtiltak/veileder/tilskudd-til-boligtiltak-i-distriktene/',
  },
  {
    title: "Trondheim may apply for Husbanken's social-housing grant, open to all municipalities",
    municipality: '5001',
    scheme: 'husbanken-boligtiltak',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.husbanken.no/kommune/lan-og-tilskudd/boligtiltak/veileder/',
  },

  // Innlandet county council: district municipalities (classes 4–6) in Innlandet; projects anchored in political decisions.
  {
    title: 'Tolga (Innlandet, class 5) may apply once the project is anchored in political decisions',
    municipality: '3426',
    scheme: 'innlandet-lokal-samfunnsutvikling',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'political_anchoring_required',
    source: 'https://innlandetfylke.no/tjenester/sok-tilskudd/lokal-samfunnsutvikling-i-distriktskommunane.52200.aspx',
  },
  {
    title: 'Tolga with the political anchoring confirmed',
    municipality: '3426',
    scheme: 'innlandet-lokal-samfunnsutvikling',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: ['political_anchoring'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://innlandetfylke.no/tjenester/sok-tilskudd/lokal-samfunnsutvikling-i-distriktskommunane.52200.aspx',
  },
  {
    title: 'Lillehammer (Innlandet, class 3) is too central',
    municipality: '3405',
    scheme: 'innlandet-lokal-samfunnsutvikling',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'centrality_excluded',
    source: 'https://regionalforvaltning.no/Startside/Velkommen.aspx?Ordning_Id=4559&Cookie=0',
  },
  {
    title: 'Tydal is outside Innlandet',
    municipality: '5033',
    scheme: 'innlandet-lokal-samfunnsutvikling',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'county_excluded',
    source: 'https://regionalforvaltning.no/Startside/Velkommen.aspx?Ordning_Id=4559&Cookie=0',
  },

  // Interreg Aurora: Nordland, Troms and Finnmark; projects are cross-border collaborations.
  {
    title: 'Hasvik alone: collaboration is required',
    municipality: '5616',
    scheme: 'interreg-aurora',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'collaboration_required',
    source: 'https://www.regionalforvaltning.no/Startside/Velkommen.aspx?Ordning_Id=3033&Cookie=0',
  },
  {
    title: 'Hasvik with a partner municipality and the matched funding confirmed',
    municipality: '5616',
    scheme: 'interreg-aurora',
    round: null,
    role: 'lead',
    partners: ['municipality'],
    confirmations: ['matched-funding'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.regionalforvaltning.no/Startside/Velkommen.aspx?Ordning_Id=3033&Cookie=0',
  },
  {
    title: 'Modalen (Vestland) is outside the Aurora area',
    municipality: '4629',
    scheme: 'interreg-aurora',
    round: null,
    role: 'lead',
    partners: ['municipality'],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'county_excluded',
    source: 'https://www.regionalforvaltning.no/Startside/Velkommen.aspx?Ordning_Id=3033&Cookie=0',
  },

  // Interreg Sverige–Norge: Trøndelag, Innlandet and parts of the former Viken.
  {
    title: 'Røros with the collaboration and the cross-border benefit confirmed',
    municipality: '5025',
    scheme: 'interreg-sverige-norge',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: ['collaboration', 'cross-border-criterion'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://nettsteder.regjeringen.no/interreg/om-interreg/interreg-a/sverige-norge/',
  },
  {
    title: 'Utsira (Rogaland) is outside the Sverige–Norge area',
    municipality: '1151',
    scheme: 'interreg-sverige-norge',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'county_excluded',
    source: 'https://nettsteder.regjeringen.no/interreg/om-interreg/interreg-a/sverige-norge/',
  },

  // Kommunalt kompetanse- og innovasjonstilskudd: the only known round is Vestland's.
  {
    title: "Modalen in Vestland's round",
    municipality: '4629',
    scheme: 'kompetanse-og-innovasjonstilskudd',
    round: 'vestland',
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.statsforvalteren.no/nb/vestland/tilskot/2020/03/kommunalt-kompetans--og-innovasjonstilskot-2020/',
  },
  {
    title: 'Tydal: no known round for Trøndelag, the general rules let municipalities apply',
    municipality: '5033',
    scheme: 'kompetanse-og-innovasjonstilskudd',
    round: null,
    roundUnknown: true,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.helsedirektoratet.no/tema/kompetanseloft-2025/kompetanse-og-innovasjon',
  },

  // Kompetansepiloter (ended): county councils led, municipalities took part.
  {
    title: 'Tydal could not lead a kompetansepilot',
    municipality: '5033',
    scheme: 'kompetansepiloter',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'partner_only',
    source: 'https://www.kompetansenorge.no/soke-om-tilskudd/tilskudd-til-kompetansepiloter/',
  },

  // Regionale forskningsfond Nordland (ended): public sector in Nordland only.
  {
    title: 'Tydal is outside Nordland',
    municipality: '5033',
    scheme: 'regionale-forskningsfond-nordland',
    round: null,
    role: 'lead',
    partners: ['rd_organisation'],
    confirmations: [],
    verdict: 'not_eligible',
    keyReason: 'county_excluded',
    source: 'https://www.regionaleforskningsfond.no/rff-nordland/rffnordland/2020/regionale-hovedprosjekt-offentlig-sektor/?tab=1',
  },

  // StimuLab: an open problem and own money (required from 2024).
  {
    title: 'Utsira with an open problem and its own money confirmed',
    municipality: '1151',
    scheme: 'stimulab',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: ['open-problem', 'own-money'],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://www.digdir.no/stimulab/fire-nye-stimulab-prosjekter-med-nasjonal-spredningseffekt/5902',
  },

  // Helseteknologiordningen: every municipality may apply.
  {
    title: 'Modalen may apply to the health technology scheme',
    municipality: '4629',
    scheme: 'helseteknologiordningen',
    round: null,
    role: 'lead',
    partners: ['health_trust'],
    confirmations: [],
    verdict: 'eligible',
    keyReason: 'can_apply',
    source: 'https://vny.no/medieklipp/digital-omsorg/',
  },

  // Innovasjonsprisen (paused): the winner shares its experience.
  {
    title: 'Træna for the innovation prize: sharing the experience is to confirm',
    municipality: '1835',
    scheme: 'innovasjonsprisen',
    round: null,
    role: 'lead',
    partners: [],
    confirmations: [],
    verdict: 'eligible_with_conditions',
    keyReason: 'scheme_condition',
    source: 'https://www.regjeringen.no/no/dokument/dep/kdd/nyhetsbrev_kdd/kommunalnytt/2017/kommunalnytt-nr.-1-2017/innovasjonsprisen-2017/id2537094/',
  },
];
