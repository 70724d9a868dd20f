import { describe, expect, it } from 'vitest';
import { matchesPattern, parseMatchPattern, patternCovers } from '../../../core/sites/matchPattern';

describe('match patterns', () => {
  it('parses valid patterns and rejects invalid ones', () => {
    expect(parseMatchPattern('https://*.example.com/*')).toEqual({
      scheme: 'https',
      host: '*.example.com',
      path: '/*',
    });
    expect(parseMatchPattern('<all_urls>')).not.toBeNull();
    for (const bad of [
      'https://example.com',
      'https://ex*ample.com/*',
      'chrome://x/*',
      'https://*foo.com/*',
      'https:///*',
    ]) {
      expect(parseMatchPattern(bad), bad).toBeNull();
    }
  });

  it.each([
    ['https://web.whatsapp.com/*', 'https://web.whatsapp.com/', true],
    ['https://web.whatsapp.com/*', 'http://web.whatsapp.com/', false],
    ['*://example.com/*', 'http://example.com/a', true],
    ['*://example.com/*', 'ftp://example.com/a', false],
    ['https://*.example.com/*', 'https://example.com/', true],
    ['https://*.example.com/*', 'https://a.b.example.com/x', true],
    ['https://*.example.com/*', 'https://badexample.com/', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:8787/chat', true],
    ['http://127.0.0.1:8787/*', 'http://127.0.0.1:9999/chat', false],
    ['https://www.etsy.com/your/orders/sold*', 'https://www.etsy.com/your/orders/sold?page=2', true],
    ['https://www.etsy.com/your/orders/sold*', 'https://www.etsy.com/your/listings', false],
    ['https://example.com/a/*', 'https://example.com/a/b#frag', true],
    ['https://EXAMPLE.com/*', 'https://example.COM/', true],
    ['<all_urls>', 'https://anything.test/x', true],
  ])('%s ~ %s → %s', (pattern, url, want) => {
    expect(matchesPattern(pattern, url)).toBe(want);
  });

  it('decides coverage between patterns', () => {
    expect(patternCovers('https://www.etsy.com/your/*', 'https://www.etsy.com/your/orders/sold*')).toBe(true);
    expect(patternCovers('https://www.etsy.com/your/*', 'https://www.etsy.com/messages/*')).toBe(false);
    expect(patternCovers('https://*.taobao.com/*', 'https://trade.taobao.com/trade/*')).toBe(true);
    expect(patternCovers('https://trade.taobao.com/*', 'https://*.taobao.com/*')).toBe(false);
    expect(patternCovers('*://*/*', 'https://x.test/*')).toBe(true);
    expect(patternCovers('https://a.test/x*', 'https://a.test/*')).toBe(false);
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1/*')).toBe(true);
  });
});
