/**
 * A rehype plugin for the search index: walks a lesson's HTML tree right after rehype-slug (so heading ids
 * are the page's own) and before KaTeX, and splits its text into sections at each `##`/`###` heading.
 */
import { texToText } from './tex-text.ts';
import type { SearchSection } from './types.ts';

interface HastNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Elements that flow inside a line; every other element ends with a space so blocks do not run together. */
const INLINE = new Set(['a', 'em', 'strong', 'code', 'span', 'sup', 'sub', 'del', 'b', 'i', 'kbd', 'mark', 'abbr']);
/** Quiz explanations give the answer away; widgets carry no text. */
const SKIPPED_JSX = new Set(['QuizExplanation', 'Widget']);

function classes(node: HastNode): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function textOf(node: HastNode, out: string[]) {
  if (node.type === 'text') {
    out.push(node.value ?? '');
    return;
  }
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    if (node.name && SKIPPED_JSX.has(node.name)) return;
  } else if (node.type !== 'element' && node.type !== 'root') return;
  const math = classes(node);
  if (math.includes('math-display')) return;
  if (math.includes('math-inline')) {
    out.push(texToText((node.children ?? []).map((c) => c.value ?? '').join('')));
    return;
  }
  for (const child of node.children ?? []) textOf(child, out);
  if (node.type !== 'element' || !INLINE.has(node.tagName ?? '')) out.push(' ');
}

const tidy = (parts: string[]) => parts.join('').replace(/\s+/g, ' ').trim();

export function sectionsOf(tree: HastNode): SearchSection[] {
  const sections: SearchSection[] = [];
  let current = { id: null as string | null, heading: null as string | null, parts: [] as string[] };
  const close = () => sections.push({ id: current.id, heading: current.heading, text: tidy(current.parts) });
  for (const node of tree.children ?? []) {
    const id = node.properties?.id;
    if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3') && typeof id === 'string') {
      close();
      const heading: string[] = [];
      textOf(node, heading);
      current = { id, heading: tidy(heading), parts: [] };
    } else textOf(node, current.parts);
  }
  close();
  // The text before the first heading may be empty (most lessons open with one).
  return sections.filter((s) => s.heading !== null || s.text !== '');
}

/** The plugin: leaves the sections on the file's data for the caller. */
export function rehypeCollectSections() {
  return (tree: HastNode, file: { data: Record<string, unknown> }) => {
    file.data.sections = sectionsOf(tree);
  };
}
