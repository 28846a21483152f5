import { compile, evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LangContext } from '../../src/i18n/LangContext';
import { mdxComponents } from '../../src/markdown/components';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline';
import { parseAnswers, score } from '../../src/quiz/quiz-answers';

const fm = '---\ntitle: t\nsummary: s\norder: 99\n---\n\n';
const options = { format: 'md' as const, remarkPlugins, rehypePlugins: rehypePlugins as never };

function quiz(...questions: string[]) {
  return `${fm}::::quiz\n${questions.join('\n')}::::\n`;
}
const good = (right = 1) =>
  `:::question[Is $x^2$ convex?]\n- [${right === 0 ? 'x' : ' '}] No\n- [${right === 1 ? 'x' : ' '}] Yes\n\nIts second derivative is $2 > 0$.\n:::\n\n`;

describe('the quiz block', () => {
  it('renders each question with its choices as buttons, explanations hidden until answered', async () => {
    const { default: Content } = await evaluate(quiz(good(1), good(0)), { ...runtime, ...options });
    const html = renderToStaticMarkup(
      createElement(LangContext.Provider, { value: 'en' }, createElement(Content, { components: mdxComponents } as never)),
    );
    expect(html.match(/<button type="button" class="quiz-choice"/g)).toHaveLength(4);
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('second derivative');
    expect(html).toContain('data-quiz-score="0/2/0"');
  });

  it('refuses malformed quizzes with a message that says what is wrong', async () => {
    await expect(compile(quiz(good()), options)).rejects.toThrow(/2–4 questions/);
    await expect(compile(quiz(good(), ':::question[Q]\n- [x] a\n- [x] b\n\nWhy.\n:::\n'), options)).rejects.toThrow(
      /exactly one right choice/,
    );
    await expect(compile(quiz(good(), ':::question[Q]\n- [ ] a\n- [x] b\n:::\n'), options)).rejects.toThrow(/explanation/);
    await expect(compile(quiz(good(), ':::question\n- [ ] a\n- [x] b\n\nWhy.\n:::\n'), options)).rejects.toThrow(/label/);
    await expect(compile(quiz(good(), ':::question[Q]\n- a\n- [x] b\n\nWhy.\n:::\n'), options)).rejects.toThrow(/\[ \] or \[x\]/);
    await expect(compile(`${fm}:::question[Q]\n- [ ] a\n- [x] b\n\nWhy.\n:::\n`, options)).rejects.toThrow(/inside a ::::quiz/);
  });
});

describe('remembered answers', () => {
  it('reads back what was stored and treats damaged entries as unanswered', () => {
    expect(parseAnswers('[1,null,0]', 3)).toEqual([1, null, 0]);
    expect(parseAnswers(null, 2)).toEqual([null, null]);
    expect(parseAnswers('not json', 2)).toEqual([null, null]);
    expect(parseAnswers('[1,0]', 3)).toEqual([null, null, null]);
    expect(parseAnswers('[1.5,"a",-1]', 3)).toEqual([null, null, null]);
  });
  it('scores answered and right questions', () => {
    expect(score([1, null, 0], [1, 2, 2])).toEqual({ answered: 2, right: 1 });
    expect(score([null, null], [0, 0])).toEqual({ answered: 0, right: 0 });
  });
});
