/**
 * The check-your-understanding block. In Markdown:
 *
 *   ::::quiz
 *   :::question[The question?]
 *   - [ ] a wrong choice
 *   - [x] the right choice
 *
 *   Why it is right (one or more paragraphs).
 *   :::
 *   ::::
 *
 * becomes <Quiz id answers="1,0,…"><QuizQuestion index answer><QuizPrompt/><QuizChoice index/>…<QuizExplanation/></QuizQuestion></Quiz>,
 * and anything malformed (no question, no single right choice, no explanation) fails the build.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export const QUIZ_QUESTIONS = { min: 2, max: 4 } as const;
export const QUIZ_CHOICES = { min: 2, max: 5 } as const;

interface Node {
  type: string;
  name?: string;
  checked?: boolean | null;
  children?: Node[];
  data?: Record<string, unknown>;
}

function element(name: string, attributes: Record<string, string>, children: Node[]): Node {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
    children,
  } as Node;
}

/** A list item's content: a lone paragraph is unwrapped so the choice's text can sit inside a button. */
function choiceContent(item: Node): Node[] {
  const children = item.children ?? [];
  return children.length === 1 && children[0].type === 'paragraph' ? (children[0].children ?? []) : children;
}

function question(node: Node, index: number, file: VFile): Node {
  const fail = (why: string): never => file.fail(`Quiz question ${index + 1}: ${why}`, node as never);
  const [label, ...rest] = node.children ?? [];
  if (!label?.data?.directiveLabel) fail('needs the question as a label: :::question[The question?]');
  const lists = rest.filter((child) => child.type === 'list');
  if (lists.length !== 1) fail('needs exactly one list of choices (- [ ] wrong, - [x] right)');
  const items = lists[0].children ?? [];
  if (items.length < QUIZ_CHOICES.min || items.length > QUIZ_CHOICES.max)
    fail(`needs ${QUIZ_CHOICES.min}–${QUIZ_CHOICES.max} choices, has ${items.length}`);
  if (items.some((item) => typeof item.checked !== 'boolean')) fail('every choice must start with [ ] or [x]');
  const right = items.flatMap((item, i) => (item.checked ? [i] : []));
  if (right.length !== 1) fail(`needs exactly one right choice [x], has ${right.length}`);
  const explanation = rest.slice(rest.indexOf(lists[0]) + 1);
  if (explanation.length === 0) fail('needs an explanation after the choices');
  if (rest.indexOf(lists[0]) !== 0) fail('the choices must follow the question directly');

  return element('QuizQuestion', { index: String(index), answer: String(right[0]) }, [
    element('QuizPrompt', {}, [{ type: 'paragraph', children: label.children ?? [] }]),
    element(
      'QuizChoices',
      {},
      items.map((item, i) => element('QuizChoice', { index: String(i) }, choiceContent(item))),
    ),
    element('QuizExplanation', {}, explanation),
  ]);
}

export function remarkQuiz() {
  return (tree: Root, file: VFile) => {
    let quizzes = 0;
    visit(tree, (node, index, parent) => {
      const directive = node as unknown as Node;
      if (directive.type !== 'containerDirective') return;
      if (directive.name === 'question') file.fail(':::question belongs inside a ::::quiz block', node as never);
      if (directive.name !== 'quiz') return;
      const children = directive.children ?? [];
      if (children.some((child) => child.type !== 'containerDirective' || child.name !== 'question')) {
        file.fail('A ::::quiz block holds only :::question blocks', node as never);
      }
      if (children.length < QUIZ_QUESTIONS.min || children.length > QUIZ_QUESTIONS.max) {
        file.fail(`A quiz needs ${QUIZ_QUESTIONS.min}–${QUIZ_QUESTIONS.max} questions, this one has ${children.length}`, node as never);
      }
      quizzes++;
      const id = quizzes === 1 ? 'quiz' : `quiz-${quizzes}`;
      const questions = children.map((child, i) => question(child, i, file));
      const answers = questions.map((q) => (q as unknown as { attributes: { name: string; value: string }[] }).attributes[1].value);
      const quiz = element('Quiz', { id, answers: answers.join(',') }, questions);
      if (parent && index !== undefined) parent.children.splice(index, 1, quiz as never);
      return 'skip';
    });
  };
}
