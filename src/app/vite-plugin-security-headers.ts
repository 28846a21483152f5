/**
 * public/_headers is the one source of the site's security headers: static hosts that read it (Netlify,
 * Cloudflare Pages) send them, this plugin makes `vite preview` (npm start, the e2e tests) send them too,
 * and writes the Content-Security-Policy into the built pages as a <meta> for hosts that send no headers.
 * Not in the dev server: Vite's own inline scripts and its reload socket need what the policy forbids.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { contentSecurityPolicy, headersForAllPaths, metaPolicy } from './security-headers.ts';

const CHARSET = /<meta charset="UTF-8" \/>/i;

export function securityHeadersPlugin(headersFile: string): Plugin {
  const read = () => headersForAllPaths(readFileSync(headersFile, 'utf8'));
  return {
    name: 'course-security-headers',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.server) return html;
        if (!CHARSET.test(html)) throw new Error('index.html: <meta charset="UTF-8" /> not found (the policy goes after it)');
        const policy = metaPolicy(contentSecurityPolicy(read())).replaceAll('"', '&quot;');
        // First after the charset: a <meta> policy governs only what comes after it.
        return html.replace(CHARSET, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      },
    },
    configurePreviewServer(server) {
      const headers = read();
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of headers) response.setHeader(name, value);
        next();
      });
    },
  };
}
