/**
 * A learner's quiz answers, remembered in this browser per lesson and quiz (shared by both languages,
 * whose quizzes have the same questions in the same order). Each entry is the chosen choice's index or null.
 */
import { readStored, writeStored } from '../state/local-store';

export type Answers = (number | null)[];

function answersKey(slug: string, quizId: string): string {
  return `quiz:${slug}:${quizId}`;
}

/** Whatever is stored is checked: a damaged or outdated entry (wrong length, not indices) counts as unanswered. */
export function parseAnswers(raw: string | null, count: number): Answers {
  const empty: Answers = Array(count).fill(null);
  if (!raw) return empty;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value) || value.length !== count) return empty;
    return value.map((v) => (Number.isInteger(v) && v >= 0 && v < 10 ? (v as number) : null));
  } catch {
    return empty;
  }
}

export function loadAnswers(slug: string, quizId: string, count: number): Answers {
  return parseAnswers(readStored(answersKey(slug, quizId)), count);
}

export function saveAnswers(slug: string, quizId: string, answers: Answers) {
  writeStored(answersKey(slug, quizId), answers.every((a) => a === null) ? null : JSON.stringify(answers));
}

export function score(answers: Answers, correct: readonly number[]): { answered: number; right: number } {
  let answered = 0;
  let right = 0;
  answers.forEach((a, i) => {
    if (a === null) return;
    answered++;
    if (a === correct[i]) right++;
  });
  return { answered, right };
}
