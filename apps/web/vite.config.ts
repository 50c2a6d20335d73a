import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type BuildEnvironmentOptions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) beside each script and stylesheet of the client build;
 * the server sends them as they are (`preCompressed` in plugins/ssr.ts) instead of compressing every
 * response again: smaller than on-the-fly compression (framework 102 → 88 KB, stylesheet 18.7 →
 * 14.5 KB with brotli) and no compression work per request.
 */
function precompress(): Plugin {
  return {
    name: 'varde:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(file)) continue;
        const path = join(options.dir!, file);
        const data = readFileSync(path);
        if (data.length < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * Designsystemet React does not declare "sideEffects": false, so without this every page would carry
 * the whole component library (recipe pitfall 2). Its web components (designsystemet-web, 28 KB gzip)
 * are left out as well: our field wrappers write labels, descriptions and error links into the HTML
 * themselves (components/field-shell.tsx), and we use none of the components that need them (Search,
 * Suggestion, Tabs, Popover, Dialog).
 */
const designsystemetSideEffects = (id: string) => (/[\\/]@digdir[\\/]designsystemet-(react|web)[\\/]/.test(id) ? false : undefined);

const ssrBuild: BuildEnvironmentOptions = {
  outDir: 'dist/server',
  emptyOutDir: true,
  rollupOptions: {
    input: { 'entry-server': 'src/entry-server.tsx' },
    treeshake: { moduleSideEffects: designsystemetSideEffects },
  },
};

const clientBuild: BuildEnvironmentOptions = {
  outDir: 'dist/client',
  emptyOutDir: true,
  manifest: true,
  // The entry (entry-client.tsx) loads the app after the first paint, by the addresses the server
  // lists in the page; it needs no preload helper (which would tie it to the app's chunks).
  modulePreload: false,
  rollupOptions: {
    input: { index: 'index.html', hydrate: 'src/hydrate.tsx' },
    output: {
      // Few, larger chunks: React, React Router and Designsystemet in one, the app code that two
      // or more pages share in another. The many small chunks of the default split cost a
      // round trip each on a slow line, which the first paint waited for.
      codeSplitting: {
        groups: [
          {
            name: 'framework',
            test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser|@digdir|@radix-ui|clsx)[\\/]/,
          },
          { name: 'shared', test: /[\\/]apps[\\/]web[\\/]src[\\/]/, minShareCount: 2 },
        ],
      },
    },
    treeshake: { moduleSideEffects: designsystemetSideEffects },
  },
};

/**
 * One config for both builds: the client build (hashed assets + manifest) and the SSR build
 * (`vite build --ssr`, entry-server only). The SSR build bundles Designsystemet and the small packages
 * it imports, with the same tree-shaking as the client: imported from node_modules, the library's
 * index loaded all its components and the 964 files of @navikt/aksel-icons, which took 0.55 s and
 * more of every server start (ADR 008). React, React DOM and React Router stay in node_modules.
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: import.meta.dirname,
  plugins: isSsrBuild ? [react()] : [react(), precompress()],
  ssr: {
    noExternal: [
      '@digdir/designsystemet-react',
      '@digdir/designsystemet-web',
      '@digdir/designsystemet-types',
      '@navikt/aksel-icons',
      /^@radix-ui\//,
      /^@floating-ui\//,
      /^@tanstack\//,
      /^@u-elements\//,
      'tabbable',
      'clsx',
    ],
  },
  // Vite writes this placeholder on every tag it generates; the server takes it out (web-host.ts: pages allow scripts by hash).
  html: { cspNonce: '__CSP_NONCE__' },
  build: isSsrBuild ? ssrBuild : clientBuild,
}));
