import { describe, expect, it } from 'vitest';
import { roundFor, rulesFor } from './rounds';
import { klimasats, prosjektskjonn } from './test-fixtures/schemes';

describe('roundFor', () => {
  it("finds the round of the municipality's county", () => {
    expect(roundFor(prosjektskjonn, '46')).toEqual({ round: prosjektskjonn.rounds.find((r) => r.id === 'vestland'), unknown: false });
    expect(roundFor(prosjektskjonn, '32').round!.id).toBe('oslo-og-viken');
  });

  it('answers unknown for a county without a round, and nothing unknown for a national scheme', () => {
    expect(roundFor(prosjektskjonn, '18')).toEqual({ round: null, unknown: true });
    expect(roundFor(klimasats, '18')).toEqual({ round: null, unknown: false });
  });
});

describe('rulesFor', () => {
  it("takes the round's rules, funding and owner where it has them, else the scheme's", () => {
    const vestland = prosjektskjonn.rounds.find((r) => r.id === 'vestland')!;
    expect(rulesFor(prosjektskjonn, vestland)).toEqual({ applicants: vestland.applicants, funding: vestland.funding, owner: vestland.owner });
    const osloViken = prosjektskjonn.rounds.find((r) => r.id === 'oslo-og-viken')!;
    expect(rulesFor(prosjektskjonn, osloViken)).toEqual({ applicants: prosjektskjonn.applicants, funding: prosjektskjonn.funding, owner: osloViken.owner });
    expect(rulesFor(prosjektskjonn, null)).toEqual({ applicants: prosjektskjonn.applicants, funding: prosjektskjonn.funding, owner: prosjektskjonn.owner });
  });
});
