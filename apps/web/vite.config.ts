import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * One config for both builds: the client build (hashed assets + manifest for preload tags) and the
 * SSR build (`vite build --ssr`, entry-server only; dependencies stay external in node_modules).
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: import.meta.dirname,
  plugins: [react()],
  // Vite writes this placeholder on every tag it generates; the server swaps in the per-request nonce.
  html: { cspNonce: '__CSP_NONCE__' },
  build: isSsrBuild
    ? {
        outDir: 'dist/server',
        emptyOutDir: true,
        rollupOptions: { input: { 'entry-server': 'src/entry-server.tsx' } },
      }
    : {
        outDir: 'dist/client',
        emptyOutDir: true,
        manifest: true,
        rollupOptions: {
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
          treeshake: {
            // Designsystemet React does not declare "sideEffects": false, so without this every page
            // would carry the whole component library (recipe pitfall 2). Its web components
            // (designsystemet-web, 28 KB gzip) are left out as well: our field wrappers write labels,
            // descriptions and error links into the HTML themselves (components/field-shell.tsx), and
            // we use none of the components that need them (Search, Suggestion, Tabs, Popover, Dialog).
            moduleSideEffects: (id: string) => (/[\\/]@digdir[\\/]designsystemet-(react|web)[\\/]/.test(id) ? false : undefined),
          },
        },
      },
}));
