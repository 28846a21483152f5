/** The Markdown → MDX plugin chain, shared by the Vite build and the content tests. */
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdxFrontmatter from 'remark-mdx-frontmatter';
import { rehypeStrictMath } from './rehype-strict-math.ts';
import { remarkQuiz } from './remark-quiz.ts';
import { remarkWidgets } from './remark-widgets.ts';

export const KATEX_OPTIONS = { throwOnError: true, strict: 'ignore' as const };

export const remarkPlugins = [remarkFrontmatter, remarkMdxFrontmatter, remarkGfm, remarkMath, remarkDirective, remarkQuiz, remarkWidgets];

export const rehypePlugins = [rehypeSlug, [rehypeKatex, KATEX_OPTIONS], rehypeStrictMath] as const;
