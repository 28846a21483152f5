/// <reference types="vitest/config" />
// Modules this config loads (and what they import) name their .ts extension: Vite's native config loader
// needs it, and the bundling loader warns on every start without it.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { lessonsPlugin } from './src/content/vite-plugin-lessons.ts';
import { corporaPlugin } from './src/app/vite-plugin-corpora.ts';
import { mnistPlugin } from './src/app/vite-plugin-mnist.ts';
import { securityHeadersPlugin } from './src/app/vite-plugin-security-headers.ts';
import { spaFallbackPlugin } from './src/app/vite-plugin-spa-fallback.ts';
import { lessonMarkdownPlugin } from './src/markdown/vite-plugin-markdown.ts';
import { offlinePlugin } from './src/offline/vite-plugin-offline.ts';
import { searchIndexPlugin } from './src/search/vite-plugin-search.ts';

const contentDir = fileURLToPath(new URL('./content', import.meta.url));

export default defineConfig({
  plugins: [
    lessonMarkdownPlugin(),
    react(),
    lessonsPlugin(contentDir),
    searchIndexPlugin(contentDir),
    mnistPlugin(),
    corporaPlugin(),
    spaFallbackPlugin(),
    securityHeadersPlugin(fileURLToPath(new URL('./public/_headers', import.meta.url))),
    offlinePlugin(fileURLToPath(new URL('./src/offline/service-worker.js', import.meta.url))),
  ],
  worker: { format: 'es' },
  // No asset inlined as a data: URL (Vite inlines files under 4 kB, a few of KaTeX's fonts among them): the
  // Content-Security-Policy allows fonts and images from the site itself only (public/_headers).
  build: { target: 'es2022', chunkSizeWarningLimit: 900, assetsInlineLimit: 0 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'node',
  },
});
