import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentFirst, inlineScriptHashes, withoutNonce } from './web-host';

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

describe('inline scripts by hash', () => {
  it('hashes each inline script once and leaves scripts with src out', () => {
    const html = [
      '<script type="module" crossorigin src="/assets/index-a.js"></script>',
      '<script>window.__staticRouterHydrationData = JSON.parse("{\\u003c}");</script>',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
      '<script>window.__staticRouterHydrationData = JSON.parse("{\\u003c}");</script>',
    ].join('');
    const expected = createHash('sha256').update('window.__staticRouterHydrationData = JSON.parse("{\\u003c}");').digest('base64');
    expect(inlineScriptHashes(html)).toEqual([expected]);
  });

  it('takes the nonce placeholder out of the built page', () => {
    const built =
      '<!--app-head-->\n    <meta property="csp-nonce" nonce="__CSP_NONCE__">\n    <script type="module" crossorigin src="/a.js" nonce="__CSP_NONCE__"></script>';
    expect(withoutNonce(built)).toBe('<!--app-head-->\n    <script type="module" crossorigin src="/a.js"></script>');
  });
});
