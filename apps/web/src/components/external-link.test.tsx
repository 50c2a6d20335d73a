import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExternalLink, webHref } from './external-link';

describe('webHref', () => {
  it('keeps http and https addresses', () => {
    expect(webHref('https://www.regjeringen.no/no/id1/')).toBe('https://www.regjeringen.no/no/id1/');
    expect(webHref('http://docplayer.me/1.html')).toBe('http://docplayer.me/1.html');
    expect(webHref('HTTPS://EXAMPLE.ORG')).toBe('HTTPS://EXAMPLE.ORG');
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/path',
    '/ordninger',
    'not a url',
    '',
    null,
    undefined,
  ])('refuses %j', (url) => {
    expect(webHref(url)).toBeNull();
  });
});

describe('ExternalLink', () => {
  it('links an http(s) address and shows only the text otherwise', () => {
    expect(renderToStaticMarkup(<ExternalLink href="https://example.org/a">Kilde</ExternalLink>)).toMatch(
      /^<a [^>]*href="https:\/\/example.org\/a"[^>]*>Kilde<\/a>$/,
    );
    const unsafe = renderToStaticMarkup(<ExternalLink href="javascript:alert(1)">Kilde</ExternalLink>);
    expect(unsafe).toBe('Kilde');
  });
});
