import './styles.css';

/**
 * The page is complete HTML from the server; JavaScript only makes it interactive. So the browser
 * paints the page with its stylesheet first, and only then fetches and runs the app (hydrate.tsx):
 * on a slow line the scripts do not compete with the stylesheet and the fonts for the first paint.
 * This module runs once the stylesheet has loaded; the timeout set in the next animation frame runs
 * after that frame has been painted.
 *
 * The server lists the page's modules in `<meta name="varde-modules">`: the app first, then its
 * chunks, the matched pages and the language catalogue, so they load in parallel and not one after
 * another. The app is imported by that address, so this module imports nothing and runs at once.
 */
function start() {
  if (import.meta.env.DEV) return void import('./hydrate');
  const [app, ...chunks] = document.querySelector<HTMLMetaElement>('meta[name="varde-modules"]')?.content.split(' ') ?? [];
  for (const href of chunks) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  }
  if (app) void import(/* @vite-ignore */ app);
}

requestAnimationFrame(() => setTimeout(start, 0));
