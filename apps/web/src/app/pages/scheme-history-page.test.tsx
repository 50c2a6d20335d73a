import { renderToStaticMarkup } from 'react-dom/server';
import type { LoaderFunctionArgs } from 'react-router';
import { describe, expect, it } from 'vitest';
import { nb } from '@varde/contracts/i18n/nb';
import type { SchemeVersion } from '@varde/contracts/catalogue-api';
import { VersionTable } from '../../features/scheme-editor/components/version-table';
import { I18nContext } from '../../i18n/i18n';
import { createApi, type ApiRequest } from '../api-client';
import { loader } from './scheme-history-page';

const name = { nb: 'Klimasats', nn: 'Klimasats', en: 'Klimasats' };
const callTitle = { nb: 'Hovedfrist 2026', nn: 'Hovudfrist 2026', en: 'Main deadline 2026' };
const versions: SchemeVersion[] = [
  {
    version: 3,
    changedAt: '2026-03-02T10:00:00.000Z',
    changedBy: { name: 'Olav Eier' },
    comment: 'Ny frist',
    changedFields: ['calls', 'funding'],
    changes: [
      {
        code: 'call_deadline',
        subject: callTitle,
        from: { date: '2026-03-01', time: null, timeSourceId: null },
        to: { date: '2026-03-15', time: '13:00', timeSourceId: 'main' },
      },
      { code: 'max_grant', from: 500_000, to: null },
    ],
  },
  {
    version: 2,
    changedAt: '2026-03-01T10:00:00.000Z',
    changedBy: { name: null },
    comment: null,
    changedFields: ['summary'],
    changes: [
      { code: 'summary', from: { nb: 'Gammel tekst.', nn: 'Gammal tekst.', en: 'Old text.' }, to: { nb: 'Ny tekst.', nn: 'Ny tekst.', en: 'New text.' } },
    ],
  },
  { version: 1, changedAt: '2026-01-01T10:00:00.000Z', changedBy: null, comment: null, changedFields: [], changes: [] },
];

/** The API as an anonymous visitor sees it. */
function anonymousApi(requests: ApiRequest[]) {
  return createApi(async (request) => {
    requests.push(request);
    switch (request.path) {
      case '/api/auth/session':
        return { status: 200, body: { user: null, csrfToken: null } };
      case '/api/schemes/klimasats':
        return { status: 200, body: { scheme: { id: 'klimasats', name }, ownerOrganisation: null } };
      case '/api/schemes/klimasats/versions':
        return { status: 200, body: { items: versions } };
      default:
        return { status: 404, body: { error: { code: 'not_found', message: 'Not found' } } };
    }
  });
}

describe('the change history page', () => {
  it('loads for a visitor who is not signed in (no redirect to sign-in)', async () => {
    const requests: ApiRequest[] = [];
    const args = {
      request: new Request('http://localhost/ordninger/klimasats/historikk'),
      params: { schemeId: 'klimasats' },
      context: { api: anonymousApi(requests) },
    } as unknown as LoaderFunctionArgs;
    const data = await loader(args);
    expect(data).toEqual({ scheme: { id: 'klimasats', name }, ownerOrganisation: null, versions });
    expect(requests.map((r) => r.path)).toEqual(['/api/schemes/klimasats', '/api/schemes/klimasats/versions']);
  });

  it('shows the editor when the API gives the name, "saved in Varde" when it leaves it out, and the catalogue', () => {
    const html = renderToStaticMarkup(
      <I18nContext value={{ lang: 'nb', messages: nb }}>
        <VersionTable versions={versions} caption="Versjoner" />
      </I18nContext>,
    );
    const whoCells = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].slice(1).map((row) => [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)][1]![1]);
    expect(whoCells).toEqual(['Olav Eier', nb['history.savedInVarde'], nb['history.fromCatalogue']]);
  });

  it('says what changed, field by field, with the labels and dates, and long texts behind a disclosure', () => {
    const html = renderToStaticMarkup(
      <I18nContext value={{ lang: 'nb', messages: nb }}>
        <VersionTable versions={versions} caption="Versjoner" />
      </I18nContext>,
    );
    const items = [...html.matchAll(/<li>(.*?)(?:<details|<\/li>)/g)].map((m) => m[1]!.replace(/\u00a0/g, ' '));
    expect(items).toEqual([
      'Frist for «Hovedfrist 2026» flyttet fra 1. mars 2026 til 15. mars 2026 kl. 13:00',
      'Største tilskudd: fra 500 000 kr til ikke oppgitt',
      'Sammendrag er endret',
    ]);
    expect(html).toContain(nb['history.showTexts']);
    expect(html).toContain('Gammel tekst.');
    expect(html).toContain('Ny tekst.');
    expect(html).toContain(nb['history.firstVersion']);
  });
});
