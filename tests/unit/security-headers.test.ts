import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersForAllPaths, metaPolicy } from '../../src/app/security-headers';

const FILE = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');
const headers = headersForAllPaths(FILE);
const policy = contentSecurityPolicy(headers);
const directives = new Map(
  policy.split(';').map((d) => {
    const [name, ...sources] = d.trim().split(/\s+/);
    return [name, sources.join(' ')] as const;
  }),
);

describe('public/_headers', () => {
  it('sends the policy and the three other security headers to every path', () => {
    expect(headers.map(([name]) => name)).toEqual([
      'Content-Security-Policy',
      'Referrer-Policy',
      'X-Content-Type-Options',
      'Permissions-Policy',
    ]);
    expect(Object.fromEntries(headers)['X-Content-Type-Options']).toBe('nosniff');
  });

  it('allows only this origin, no inline script, no eval beyond WebAssembly, no plugins, no framing', () => {
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('worker-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'self'");
    expect(directives.get('form-action')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    // Images of the page's own making: a chart's PNG export draws its SVG from a blob: URL.
    expect(directives.get('img-src')).toBe("'self' blob:");
    // No other origin, scheme or keyword anywhere: every source is 'self', 'none' or 'wasm-unsafe-eval', but for img-src's blob:.
    for (const [name, sources] of directives) {
      for (const source of sources.split(' ')) {
        if (name === 'img-src' && source === 'blob:') continue;
        expect(["'self'", "'none'", "'wasm-unsafe-eval'"], `${name} ${source}`).toContain(source);
      }
    }
  });

  it('states the policy in a <meta> without the directives only a header can carry', () => {
    const meta = metaPolicy(policy);
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(metaPolicy("default-src 'self'; frame-ancestors 'none'; report-uri /x")).toBe("default-src 'self'");
  });

  it('reads only the block for every path, and refuses a malformed line', () => {
    expect(headersForAllPaths('# c\n/one\n  A: 1\n/*\n  B: 2: two\n')).toEqual([['B', '2: two']]);
    expect(() => headersForAllPaths('/*\n  nonsense\n')).toThrow(/Name: value/);
  });
});
