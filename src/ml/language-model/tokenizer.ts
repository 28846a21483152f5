/**
 * A character tokenizer: one token per character (Unicode code point, so a Han character outside the BMP is
 * one token, not two UTF-16 units) seen at least `minCount` times in the training text, in code-point order,
 * then one token for every other character. tfjs-free.
 */
import type { CorpusId } from './corpus.ts';

/** What the unknown token decodes to. */
export const UNKNOWN = '\uFFFD';

/**
 * Characters kept per corpus. The quatrains drop characters seen once in training (a model cannot learn a
 * character from one example, and they are a quarter of the distinct ones); Shakespeare keeps all 65.
 */
export const MIN_COUNT: Record<CorpusId, number> = { quatrains: 2, shakespeare: 1 };

export class CharTokenizer {
  /** The characters by id; the unknown token is the last id, `characters.length`. */
  readonly characters: readonly string[];
  readonly unknownId: number;
  private readonly ids: Map<string, number>;

  constructor(characters: readonly string[]) {
    this.characters = characters;
    this.unknownId = characters.length;
    this.ids = new Map(characters.map((character, id) => [character, id]));
  }

  /** The characters of `text` seen at least `minCount` times, sorted by code point. */
  static fromText(text: string, minCount: number): CharTokenizer {
    const counts = new Map<string, number>();
    for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
    const kept = [...counts].filter(([, count]) => count >= minCount).map(([character]) => character);
    return new CharTokenizer(kept.sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
  }

  /** Characters plus the unknown token. */
  get size(): number {
    return this.characters.length + 1;
  }

  idOf(character: string): number {
    return this.ids.get(character) ?? this.unknownId;
  }

  encode(text: string): Int32Array {
    const ids: number[] = [];
    for (const character of text) ids.push(this.idOf(character));
    return Int32Array.from(ids);
  }

  decode(ids: ArrayLike<number>): string {
    let text = '';
    for (let i = 0; i < ids.length; i++) text += this.characters[ids[i]] ?? UNKNOWN;
    return text;
  }

  /** Share of the characters of `text` that are not in the vocabulary (0 for an empty text). */
  unknownRate(text: string): number {
    let total = 0;
    let unknown = 0;
    for (const character of text) {
      total++;
      if (!this.ids.has(character)) unknown++;
    }
    return total ? unknown / total : 0;
  }
}
