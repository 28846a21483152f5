/**
 * Compiles lesson Markdown to a React component module at build time, through @mdx-js/mdx directly.
 * (@mdx-js/rollup would do the same, but it pulls in rollup, whose platform packages this project's npm
 * registry mirror lacks, which makes `npm ci` refuse the lockfile.)
 */
import { compile } from '@mdx-js/mdx';
import type { Plugin } from 'vite';
import { rehypePlugins, remarkPlugins } from './pipeline.ts';

export function lessonMarkdownPlugin(): Plugin {
  return {
    name: 'course-lesson-markdown',
    enforce: 'pre',
    async transform(source, id) {
      const path = id.split('?')[0];
      if (!path.endsWith('.md')) return undefined;
      const file = await compile(
        { value: source, path },
        { format: 'md', remarkPlugins, rehypePlugins: rehypePlugins as never, development: false },
      );
      return { code: String(file.value), map: null };
    },
  };
}
