/**
 * Build-time: the security headers of public/_headers (Netlify / Cloudflare Pages format), read for the
 * preview server and for the <meta> Content-Security-Policy of the built pages.
 */

export type Headers = [name: string, value: string][];

/** The headers a `_headers` file gives every path (its `/*` block); other blocks are not used by this site. */
export function headersForAllPaths(file: string): Headers {
  const headers: Headers = [];
  let inBlock = false;
  for (const line of file.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inBlock = line.trim() === '/*';
      continue;
    }
    if (!inBlock) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`_headers: "${line.trim()}" is not "Name: value"`);
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console error). */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

/** The policy as a <meta http-equiv> may state it. */
export function metaPolicy(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !HEADER_ONLY.includes(d.split(/\s+/)[0]))
    .join('; ');
}

export function contentSecurityPolicy(headers: Headers): string {
  const csp = headers.find(([name]) => name.toLowerCase() === 'content-security-policy');
  if (!csp) throw new Error('_headers: no Content-Security-Policy for /*');
  return csp[1];
}
