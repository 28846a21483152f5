/// <reference types="vitest/config" />
import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { lessonsPlugin } from './src/content/vite-plugin-lessons';
import { rehypePlugins, remarkPlugins } from './src/markdown/pipeline';

const contentDir = fileURLToPath(new URL('./content', import.meta.url));

export default defineConfig({
  plugins: [
    {
      enforce: 'pre',
      ...mdx({
        format: 'md',
        mdExtensions: ['.md'],
        remarkPlugins,
        rehypePlugins: rehypePlugins as never,
      }),
    },
    react(),
    lessonsPlugin(contentDir),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 900 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'node',
  },
});
