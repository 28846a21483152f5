/**
 * The check-your-understanding block (see src/markdown/remark-quiz.ts for the Markdown). The learner picks
 * a choice, sees at once whether it is right and why; answers are remembered in this browser.
 */
import { Children, createContext, isValidElement, useCallback, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { useStrings } from '../i18n/LangContext';
import { loadAnswers, saveAnswers, score, type Answers } from './quiz-answers';

const LETTERS = 'ABCDE';

interface QuizState {
  answers: Answers;
  choose: (question: number, choice: number) => void;
}
interface QuestionState {
  index: number;
  answer: number;
  chosen: number | null;
  promptId: string;
  choose: (choice: number) => void;
}

const QuizContext = createContext<QuizState | null>(null);
const QuestionContext = createContext<QuestionState | null>(null);

/** The compiled Markdown puts line breaks between elements; a list may hold only its items. */
function elementsOnly(children: ReactNode) {
  return Children.toArray(children).filter(isValidElement);
}

/** Lessons live at /:lang/:slug; the slug names the lesson in the stored answers of both languages. */
function lessonSlug(): string {
  if (typeof window === 'undefined') return 'page';
  return window.location.pathname.split('/').filter(Boolean).pop() ?? 'page';
}

/** `answers` lists each question's right choice ("1,0,2"), so the quiz can keep the score. */
export function Quiz({ id, answers: key, children }: { id: string; answers: string; children: ReactNode }) {
  const t = useStrings();
  const correct = useMemo(() => key.split(',').map(Number), [key]);
  const total = correct.length;
  const [slug] = useState(lessonSlug);
  const [answers, setAnswers] = useState<Answers>(() => loadAnswers(slug, id, total));

  const choose = useCallback(
    (question: number, choice: number) => {
      setAnswers((current) => {
        const next = current.map((a, i) => (i === question ? choice : a));
        saveAnswers(slug, id, next);
        return next;
      });
    },
    [slug, id],
  );
  const clear = () => {
    const empty = answers.map(() => null);
    saveAnswers(slug, id, empty);
    setAnswers(empty);
  };
  const context = useMemo(() => ({ answers, choose }), [answers, choose]);
  const { answered, right } = score(answers, correct);

  return (
    <section className="quiz" id={id} aria-label={t.quiz.label} data-quiz={id}>
      <QuizContext.Provider value={context}>
        <ol className="quiz-questions">{elementsOnly(children)}</ol>
      </QuizContext.Provider>
      <div className="quiz-footer">
        <p role="status" data-quiz-score={`${answered}/${total}/${right}`}>
          {t.quiz.progress(answered, total, right)}
        </p>
        {answered > 0 && (
          <button type="button" className="button" data-action="clear-quiz" onClick={clear}>
            {t.quiz.clear}
          </button>
        )}
        <p className="quiz-note">{t.quiz.remembered}</p>
      </div>
    </section>
  );
}

export function QuizQuestion({ index, answer, children }: { index: string; answer: string; children: ReactNode }) {
  const quiz = useContext(QuizContext)!;
  const i = Number(index);
  const right = Number(answer);
  const promptId = useId();
  const chosen = quiz.answers[i] ?? null;
  const state = useMemo(
    () => ({ index: i, answer: right, chosen, promptId, choose: (choice: number) => quiz.choose(i, choice) }),
    [i, right, chosen, promptId, quiz],
  );
  const verdict = chosen === null ? 'open' : chosen === right ? 'right' : 'wrong';
  return (
    <li className="quiz-question" data-question={i} data-verdict={verdict}>
      <div role="group" aria-labelledby={promptId}>
        <QuestionContext.Provider value={state}>{children}</QuestionContext.Provider>
      </div>
    </li>
  );
}

export function QuizPrompt({ children }: { children: ReactNode }) {
  const question = useContext(QuestionContext)!;
  return (
    <div className="quiz-prompt" id={question.promptId}>
      {children}
    </div>
  );
}

export function QuizChoices({ children }: { children: ReactNode }) {
  return <ul className="quiz-choices">{elementsOnly(children)}</ul>;
}

export function QuizChoice({ index, children }: { index: string; children: ReactNode }) {
  const question = useContext(QuestionContext)!;
  const i = Number(index);
  const answered = question.chosen !== null;
  const mark = !answered ? undefined : i === question.answer ? 'right' : i === question.chosen ? 'wrong' : undefined;
  return (
    <li>
      <button
        type="button"
        className="quiz-choice"
        aria-pressed={question.chosen === i}
        data-choice={i}
        data-mark={mark}
        onClick={() => question.choose(i)}
      >
        {/* The letter is part of the button's name: a choice that is only a formula still has one. */}
        <span className="quiz-letter">{LETTERS[i]}</span>
        <span className="quiz-choice-text">{children}</span>
        {mark && (
          <span className="quiz-mark" aria-hidden="true">
            {mark === 'right' ? '✓' : '✗'}
          </span>
        )}
      </button>
    </li>
  );
}

export function QuizExplanation({ children }: { children: ReactNode }) {
  const t = useStrings();
  const question = useContext(QuestionContext)!;
  const answered = question.chosen !== null;
  const right = question.chosen === question.answer;
  return (
    <div aria-live="polite">
      {answered && (
        <div className={`quiz-explanation ${right ? 'is-right' : 'is-wrong'}`}>
          <p className="quiz-verdict">{right ? t.quiz.right : t.quiz.wrong(LETTERS[question.answer])}</p>
          {children}
        </div>
      )}
    </div>
  );
}
