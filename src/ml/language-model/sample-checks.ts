/**
 * Measures of a generated sample that need no model: is a quatrain well-formed, and how many of an English
 * sample's words exist in the training text. The build uses the same couplet test to pick the quatrains.
 * tfjs-free.
 */

const COUPLET = /^\p{Script=Han}{5}，\p{Script=Han}{5}。$/u;
const QUATRAIN = /^(?:\p{Script=Han}{5}，\p{Script=Han}{5}。){2}$/u;

/** Two lines of five Han characters: `XXXXX，XXXXX。`. */
export function isCouplet(text: string): boolean {
  return COUPLET.test(text);
}

/** A five-character quatrain on one line, without its newline: `XXXXX，XXXXX。XXXXX，XXXXX。`. */
export function isWellFormedQuatrain(text: string): boolean {
  return QUATRAIN.test(text);
}

/** Runs of letters and apostrophes holding at least one letter, lower-cased ("'tis", "o'er", "king's"). */
export function words(text: string): string[] {
  return (text.match(/[\p{L}']*\p{L}[\p{L}']*/gu) ?? []).map((word) => word.toLowerCase());
}

/** The distinct words of a text, to look samples up in. */
export function wordSet(text: string): Set<string> {
  return new Set(words(text));
}

/** Share of the sample's words (counted with repeats) found in `known`; 0 for a sample with no words. */
export function knownWordShare(sample: string, known: ReadonlySet<string>): number {
  const found = words(sample);
  return found.length ? found.filter((word) => known.has(word)).length / found.length : 0;
}
