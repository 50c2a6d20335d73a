import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { getSession, type RootData } from '../features/auth/api/get-session';
import { apiFrom } from './api-client';
import { PageErrorBoundary } from './layout/error-page';
import { Layout, RootErrorBoundary } from './layout/layout';
import { orRouteError } from './route-errors';

async function rootLoader({ request, context }: LoaderFunctionArgs): Promise<RootData> {
  return { session: await orRouteError(request, getSession(apiFrom(context))) };
}

/**
 * Each page is a lazy module (its own chunk) exporting `loader`, `Component` and `handle`.
 * The root loads the session once; signing in or out reloads the whole document.
 */
export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    loader: rootLoader,
    shouldRevalidate: () => false,
    Component: Layout,
    ErrorBoundary: RootErrorBoundary,
    children: [
      {
        id: 'pages',
        ErrorBoundary: PageErrorBoundary,
        children: [
          { id: 'home', index: true, lazy: () => import('./pages/home-page') },
          { id: 'municipalities', path: 'kommuner', lazy: () => import('./pages/municipalities-page') },
          { id: 'municipality', path: 'kommuner/:code', lazy: () => import('./pages/municipality-page') },
          { id: 'login', path: 'logg-inn', lazy: () => import('./pages/login-page') },
          { id: 'my-municipality', path: 'min-kommune', lazy: () => import('./pages/my-municipality-page') },
          { id: 'forgot-password', path: 'glemt-passord', lazy: () => import('./pages/forgot-password-page') },
          { id: 'reset-password', path: 'nytt-passord/:token', lazy: () => import('./pages/reset-password-page') },
          { id: 'unsubscribe', path: 'avmelding/:token', lazy: () => import('./pages/unsubscribe-page') },
          { id: 'setup', path: 'oppsett/:token', lazy: () => import('./pages/setup-page') },
          { id: 'invitation', path: 'invitasjon/:token', lazy: () => import('./pages/invitation-page') },
          { id: 'account', path: 'konto', lazy: () => import('./pages/account-page') },
          { id: 'organisation', path: 'organisasjoner/:id', lazy: () => import('./pages/organisation-page') },
          { id: 'admin', path: 'admin', lazy: () => import('./pages/admin-page') },
          { id: 'outbox', path: 'admin/e-post', lazy: () => import('./pages/outbox-page') },
          { id: 'pipeline', path: 'organisasjoner/:id/pipeline', lazy: () => import('./pages/pipeline-page') },
          { id: 'needs', path: 'organisasjoner/:id/behov', lazy: () => import('./pages/needs-page') },
          { id: 'notifications', path: 'varsler', lazy: () => import('./pages/notifications-page') },
          { id: 'scheme-editor', path: 'ordninger/:schemeId/rediger', lazy: () => import('./pages/scheme-editor-page') },
          { id: 'scheme-history', path: 'ordninger/:schemeId/historikk', lazy: () => import('./pages/scheme-history-page') },
          { id: 'fact-reports', path: 'ordninger/rapporter', lazy: () => import('./pages/fact-reports-page') },
          { id: 'schemes', path: 'ordninger', lazy: () => import('./pages/schemes-page') },
          { id: 'scheme', path: 'ordninger/:schemeId', lazy: () => import('./pages/scheme-page') },
          { id: 'deadlines', path: 'frister', lazy: () => import('./pages/deadlines-page') },
          { id: 'participation', path: 'deltakelse', lazy: () => import('./pages/participation-page') },
          { id: 'participation-new', path: 'deltakelse/ny', lazy: () => import('./pages/participation-form-page') },
          { id: 'participation-imports', path: 'deltakelse/import', lazy: () => import('./pages/participation-imports-page') },
          { id: 'participation-import', path: 'deltakelse/import/:importId', lazy: () => import('./pages/participation-import-page') },
          { id: 'participation-flags', path: 'deltakelse/meldinger', lazy: () => import('./pages/participation-flags-page') },
          { id: 'participation-record', path: 'deltakelse/:recordId', lazy: () => import('./pages/participation-record-page') },
          { id: 'participation-edit', path: 'deltakelse/:recordId/rediger', lazy: () => import('./pages/participation-form-page') },
          { id: 'mapping', path: 'kartlegging', lazy: () => import('./pages/mapping-page') },
          { id: 'open-data', path: 'apne-data', lazy: () => import('./pages/open-data-page') },
          { id: 'region', path: 'region', lazy: () => import('./pages/region-page') },
          { id: 'solutions', path: 'losninger', lazy: () => import('./pages/solutions-page') },
          { id: 'solution-new', path: 'losninger/ny', lazy: () => import('./pages/solution-form-page') },
          { id: 'my-solutions', path: 'losninger/mine', lazy: () => import('./pages/my-solutions-page') },
          { id: 'solution-reports', path: 'losninger/meldinger', lazy: () => import('./pages/solution-reports-page') },
          { id: 'solution-question', path: 'losninger/sporsmal/:threadId', lazy: () => import('./pages/solution-question-page') },
          { id: 'solution', path: 'losninger/:id', lazy: () => import('./pages/solution-page') },
          { id: 'solution-edit', path: 'losninger/:id/rediger', lazy: () => import('./pages/solution-form-page') },
          { id: 'solution-version', path: 'losninger/:id/versjoner/:version', lazy: () => import('./pages/solution-version-page') },
          { id: 'not-found', path: '*', lazy: () => import('./pages/not-found-page') },
        ],
      },
    ],
  },
];

/** Source file of each lazy route, to find its chunks in the Vite manifest for preload tags. */
export const routeFiles: Record<string, string> = {
  home: 'src/app/pages/home-page.tsx',
  municipalities: 'src/app/pages/municipalities-page.tsx',
  municipality: 'src/app/pages/municipality-page.tsx',
  login: 'src/app/pages/login-page.tsx',
  'my-municipality': 'src/app/pages/my-municipality-page.tsx',
  'forgot-password': 'src/app/pages/forgot-password-page.tsx',
  'reset-password': 'src/app/pages/reset-password-page.tsx',
  unsubscribe: 'src/app/pages/unsubscribe-page.tsx',
  setup: 'src/app/pages/setup-page.tsx',
  invitation: 'src/app/pages/invitation-page.tsx',
  account: 'src/app/pages/account-page.tsx',
  organisation: 'src/app/pages/organisation-page.tsx',
  admin: 'src/app/pages/admin-page.tsx',
  outbox: 'src/app/pages/outbox-page.tsx',
  pipeline: 'src/app/pages/pipeline-page.tsx',
  needs: 'src/app/pages/needs-page.tsx',
  notifications: 'src/app/pages/notifications-page.tsx',
  'scheme-editor': 'src/app/pages/scheme-editor-page.tsx',
  'scheme-history': 'src/app/pages/scheme-history-page.tsx',
  'fact-reports': 'src/app/pages/fact-reports-page.tsx',
  schemes: 'src/app/pages/schemes-page.tsx',
  scheme: 'src/app/pages/scheme-page.tsx',
  deadlines: 'src/app/pages/deadlines-page.tsx',
  participation: 'src/app/pages/participation-page.tsx',
  'participation-new': 'src/app/pages/participation-form-page.tsx',
  'participation-imports': 'src/app/pages/participation-imports-page.tsx',
  'participation-import': 'src/app/pages/participation-import-page.tsx',
  'participation-flags': 'src/app/pages/participation-flags-page.tsx',
  'participation-record': 'src/app/pages/participation-record-page.tsx',
  'participation-edit': 'src/app/pages/participation-form-page.tsx',
  mapping: 'src/app/pages/mapping-page.tsx',
  'open-data': 'src/app/pages/open-data-page.tsx',
  region: 'src/app/pages/region-page.tsx',
  solutions: 'src/app/pages/solutions-page.tsx',
  'solution-new': 'src/app/pages/solution-form-page.tsx',
  'my-solutions': 'src/app/pages/my-solutions-page.tsx',
  'solution-reports': 'src/app/pages/solution-reports-page.tsx',
  'solution-question': 'src/app/pages/solution-question-page.tsx',
  solution: 'src/app/pages/solution-page.tsx',
  'solution-edit': 'src/app/pages/solution-form-page.tsx',
  'solution-version': 'src/app/pages/solution-version-page.tsx',
  'not-found': 'src/app/pages/not-found-page.tsx',
};
