/** How compiled lesson elements render: headings get anchor links, <Widget> becomes a live widget. */
import type { ComponentType, HTMLAttributes } from 'react';
import { useStrings } from '../i18n/LangContext';
import { Quiz, QuizChoice, QuizChoices, QuizExplanation, QuizPrompt, QuizQuestion } from '../quiz/Quiz';
import { WidgetSlot } from '../widgets/WidgetSlot';

function anchored(Tag: 'h2' | 'h3') {
  return function Heading({ id, children, ...rest }: HTMLAttributes<HTMLHeadingElement>) {
    const t = useStrings();
    return (
      <Tag id={id} {...rest}>
        {children}
        {id && <a className="anchor" href={`#${id}`} aria-label={t.anchorLabel} />}
      </Tag>
    );
  };
}

export const mdxComponents = {
  h2: anchored('h2'),
  h3: anchored('h3'),
  Widget: WidgetSlot,
  Quiz,
  QuizQuestion,
  QuizPrompt,
  QuizChoices,
  QuizChoice,
  QuizExplanation,
} as unknown as Record<string, ComponentType<never>>;
