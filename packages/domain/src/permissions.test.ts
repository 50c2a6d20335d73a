import { describe, expect, it } from 'vitest';
import { advisedCounties, evaluatePermission, isSchemeOwner, type Principal } from './permissions';

const member = (
  organisationId: string,
  role: 'member' | 'admin' = 'member',
  organisationType: Principal['memberships'][number]['organisationType'] = 'municipality',
  countyCode: string | null = '50',
): Principal => ({
  isPlatformAdmin: false,
  memberships: [{ organisationId, role, organisationType, countyCode }],
});

describe('evaluatePermission', () => {
  it('lets anyone through a public route', () => {
    expect(evaluatePermission({ kind: 'public' }, null, {})).toBe('allowed');
  });

  it('asks anonymous callers to sign in for everything else', () => {
    for (const kind of ['authenticated', 'platformAdmin'] as const) expect(evaluatePermission({ kind }, null, {})).toBe('unauthenticated');
    expect(evaluatePermission({ kind: 'organisationMember', param: 'id' }, null, { id: 'a' })).toBe('unauthenticated');
  });

  it('scopes organisation routes to that organisation', () => {
    const rule = { kind: 'organisationMember', param: 'id' } as const;
    expect(evaluatePermission(rule, member('a'), { id: 'a' })).toBe('allowed');
    expect(evaluatePermission(rule, member('b'), { id: 'a' })).toBe('forbidden');
    expect(evaluatePermission(rule, member('a'), {})).toBe('forbidden');
  });

  it('lets regional advisers with a county and platform admins through adviser routes', () => {
    const rule = { kind: 'regionalAdviser' } as const;
    expect(evaluatePermission(rule, null, {})).toBe('unauthenticated');
    expect(evaluatePermission(rule, member('a'), {})).toBe('forbidden');
    expect(evaluatePermission(rule, member('c', 'member', 'county_authority'), {})).toBe('allowed');
    expect(evaluatePermission(rule, member('s', 'member', 'state_administrator', null), {})).toBe('forbidden');
    expect(evaluatePermission(rule, { isPlatformAdmin: true, memberships: [] }, {})).toBe('allowed');
  });

  it('needs the admin role for admin routes', () => {
    const rule = { kind: 'organisationAdmin', param: 'id' } as const;
    expect(evaluatePermission(rule, member('a', 'member'), { id: 'a' })).toBe('forbidden');
    expect(evaluatePermission(rule, member('a', 'admin'), { id: 'a' })).toBe('allowed');
  });

  it("keeps an organisation's own work to its members, platform admins included", () => {
    const rule = { kind: 'organisationPrivate', param: 'id' } as const;
    expect(evaluatePermission(rule, null, { id: 'a' })).toBe('unauthenticated');
    expect(evaluatePermission(rule, member('a', 'member'), { id: 'a' })).toBe('allowed');
    expect(evaluatePermission(rule, member('b', 'admin'), { id: 'a' })).toBe('forbidden');
    expect(evaluatePermission(rule, { isPlatformAdmin: true, memberships: [] }, { id: 'a' })).toBe('forbidden');
    expect(evaluatePermission(rule, { ...member('a', 'member'), isPlatformAdmin: true }, { id: 'a' })).toBe('allowed');
  });

  it('lets platform admins do everything else and nobody else use platform routes', () => {
    const admin: Principal = { isPlatformAdmin: true, memberships: [] };
    expect(evaluatePermission({ kind: 'platformAdmin' }, admin, {})).toBe('allowed');
    expect(evaluatePermission({ kind: 'organisationAdmin', param: 'id' }, admin, { id: 'x' })).toBe('allowed');
    expect(evaluatePermission({ kind: 'platformAdmin' }, member('a', 'admin'), {})).toBe('forbidden');
  });

  it('opens scheme maintenance to members of scheme owners and platform admins only', () => {
    expect(evaluatePermission({ kind: 'schemeOwner' }, member('s', 'member', 'scheme_owner', null), {})).toBe('allowed');
    expect(evaluatePermission({ kind: 'schemeOwner' }, member('m', 'admin'), {})).toBe('forbidden');
    expect(evaluatePermission({ kind: 'schemeOwner' }, { isPlatformAdmin: true, memberships: [] }, {})).toBe('allowed');
    expect(evaluatePermission({ kind: 'schemeOwner' }, null, {})).toBe('unauthenticated');
  });
});

describe('roles derived from organisations', () => {
  it('makes members of regional bodies advisers for their county', () => {
    expect(advisedCounties(member('c', 'member', 'county_authority', '50'))).toEqual(['50']);
    expect(advisedCounties(member('m', 'admin', 'municipality', '50'))).toEqual([]);
    expect(advisedCounties(null)).toEqual([]);
  });
  it('recognises scheme owners', () => {
    expect(isSchemeOwner(member('s', 'member', 'scheme_owner', null))).toBe(true);
    expect(isSchemeOwner(member('m'))).toBe(false);
  });
});
