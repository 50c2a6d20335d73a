import { describe, expect, it } from 'vitest';
import { disclosureState } from './view-cookie';

const request = (cookie?: string) => new Request('http://x/ordninger', cookie ? { headers: { cookie } } : undefined);

describe('disclosureState on the server', () => {
  it('reads the state the page request carries', () => {
    expect(disclosureState(request('varde_finder_filters=open'), 'varde_finder_filters')).toBe('open');
    expect(disclosureState(request('a=1; varde_finder_filters=closed'), 'varde_finder_filters')).toBe('closed');
  });

  it('is null without the cookie or with a value it does not know', () => {
    expect(disclosureState(request(), 'varde_finder_filters')).toBeNull();
    expect(disclosureState(request('varde_finder_filters=ajar'), 'varde_finder_filters')).toBeNull();
    expect(disclosureState(request('other=open'), 'varde_finder_filters')).toBeNull();
  });
});
