import { describe, expect, it } from 'vitest';
import { checkCatalogueIntegrity, checkSchemeIntegrity } from '@varde/domain/scheme-integrity';
import { knownCountyCodes, realCatalogue } from './catalogue';

describe('the real catalogue and the integrity check of edits', () => {
  it('finds nothing wrong with any scheme in data/schemes', () => {
    const counties = knownCountyCodes();
    for (const scheme of realCatalogue()) expect(checkSchemeIntegrity(scheme, counties, new Date()), scheme.id).toEqual([]);
  });

  it('gives each owner one set of names across the catalogue, and successors that exist', () => {
    expect(checkCatalogueIntegrity(realCatalogue())).toEqual([]);
  });

  it('states a deadline time only with the source that states it', () => {
    const timed = realCatalogue().flatMap((s) =>
      s.calls.filter((c) => c.deadline?.time).map((c) => `${s.id}/${c.id} ${c.deadline!.time} ${c.deadline!.timeSourceId}`),
    );
    // Trøndelag's 2021 call says "1. september 2020 23.59"; Innovasjon Norge's 2020 call "kl. 17.00".
    expect(timed.sort()).toEqual([
      'innovasjon-norge-innovasjonspartnerskap/skisse-2020 17:00 smartcare',
      'prosjektskjonn/trondelag-2021 23:59 sf-trondelag-2021',
    ]);
  });
});
