/**
 * Turns the directives a lesson may use into page elements, and fails the build (with file and line) on
 * anything else:
 *   ::name{attr=value}          a live widget from the registry, attributes checked against its table
 *   :::note[label] … :::        a side note
 *   :::mistake[label] … :::     a "common mistake" callout
 *   :::answer[question] … :::   a question whose answer opens on click
 * (::::quiz blocks are turned into elements before this runs: remark-quiz.ts.)
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { parseParams, type Params } from '../state/params.ts';
import { isWidgetId, WIDGET_IDS, WIDGET_SPECS, type WidgetId } from '../widgets/catalog.ts';

export const CALLOUTS = ['note', 'mistake', 'answer'] as const;

interface DirectiveNode {
  type: 'leafDirective' | 'containerDirective' | 'textDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
  children: Array<{ type: string; data?: Record<string, unknown>; children?: unknown[] }>;
  data?: Record<string, unknown>;
  position?: unknown;
}

/** The JSX element that stands for a widget: <Widget name="…" id="…" params="{…json…}" />. */
function widgetElement(name: string, id: string, params: Params) {
  const attribute = (key: string, value: string) => ({ type: 'mdxJsxAttribute', name: key, value });
  return {
    type: 'mdxJsxFlowElement',
    name: 'Widget',
    attributes: [attribute('name', name), attribute('id', id), attribute('params', JSON.stringify(params))],
    children: [],
  };
}

export function remarkWidgets() {
  return (tree: Root, file: VFile) => {
    const seen: Record<string, number> = {};
    visit(tree, (node, index, parent) => {
      const directive = node as unknown as DirectiveNode;
      if (directive.type === 'textDirective') {
        // "ratio 3:4" or "a:b" in prose is not meant as a directive: put the text back.
        const label = directive.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
        if (parent && index !== undefined) {
          parent.children.splice(index, 1, { type: 'text', value: `:${directive.name}${label ? `[${label}]` : ''}` } as never);
        }
        return;
      }
      if (directive.type === 'leafDirective') {
        const name = directive.name;
        if (!isWidgetId(name)) file.fail(`Unknown widget "::${name}". Known: ${WIDGET_IDS.join(', ')}`, node as never);
        const specs = WIDGET_SPECS[name as WidgetId];
        const attributes = Object.fromEntries(Object.entries(directive.attributes ?? {}).map(([key, value]) => [key, value ?? '']));
        const { values, notices } = parseParams(specs, attributes, {});
        if (notices.length > 0) {
          const detail = notices.map((n) => `${n.key}="${n.raw}" (${n.reason})`).join(', ');
          file.fail(`Invalid attribute on ::${directive.name}: ${detail}`, node as never);
        }
        seen[directive.name] = (seen[directive.name] ?? 0) + 1;
        const id = seen[directive.name] === 1 ? directive.name : `${directive.name}-${seen[directive.name]}`;
        if (parent && index !== undefined) parent.children.splice(index, 1, widgetElement(directive.name, id, values) as never);
        return;
      }
      if (directive.type === 'containerDirective') {
        if (!(CALLOUTS as readonly string[]).includes(directive.name)) {
          file.fail(`Unknown block ":::${directive.name}". Known: ${CALLOUTS.join(', ')}, quiz`, node as never);
        }
        const isAnswer = directive.name === 'answer';
        directive.data = {
          hName: isAnswer ? 'details' : 'aside',
          hProperties: { className: ['callout', `callout-${directive.name}`] },
        };
        const first = directive.children[0];
        if (first?.data?.directiveLabel) {
          first.data.hName = isAnswer ? 'summary' : 'p';
          first.data.hProperties = { className: ['callout-title'] };
        } else if (isAnswer) {
          file.fail(':::answer needs its question as a label: :::answer[the question]', node as never);
        }
      }
    });
  };
}
