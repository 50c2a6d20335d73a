import { describe, expect, it } from 'vitest';
import { contentFirst } from './ssr';

describe('contentFirst', () => {
  it('moves the stylesheet ahead of the scripts, before the page head', () => {
    const built = [
      '<head>',
      '<!--app-head-->',
      '<script type="module" crossorigin src="/assets/index-a.js"></script>',
      '<link rel="modulepreload" crossorigin href="/assets/react-b.js">',
      '<link rel="stylesheet" crossorigin href="/assets/index-c.css">',
      '</head>',
    ].join('\n');
    const html = contentFirst(built);
    expect(html.match(/rel="stylesheet"/g)).toHaveLength(1);
    expect(html.indexOf('index-c.css')).toBeLessThan(html.indexOf('<!--app-head-->'));
    expect(html.indexOf('<!--app-head-->')).toBeLessThan(html.indexOf('index-a.js'));
  });
});
