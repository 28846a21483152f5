import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCorporaFiles,
  CORPORA_FILES,
  corporaFiles,
  corpusTexts,
  extractQuatrains,
  readCorporaSources,
  SHAKESPEARE_SOURCE,
  splitQuatrains,
  type CorporaSources,
  type SourcePoem,
} from '../../src/app/vite-plugin-corpora';
import {
  bitsPerToken,
  chooseLambda,
  heldOutBaselines,
  interpolatedBigramModel,
  unigramModel,
  unigramProbabilities,
} from '../../src/ml/language-model/baselines';
import {
  CORPUS_IDS,
  corpusFileName,
  splitAtLine,
  type CorpusId,
  type CorpusManifest,
  type CorpusTexts,
} from '../../src/ml/language-model/corpus';
import { isCouplet, isWellFormedQuatrain, knownWordShare, words, wordSet } from '../../src/ml/language-model/sample-checks';
import { CharTokenizer, MIN_COUNT, UNKNOWN } from '../../src/ml/language-model/tokenizer';

const ids = (...values: number[]) => Int32Array.from(values);

describe('CharTokenizer', () => {
  it('keeps the characters seen minCount times, sorted by code point, plus one unknown token', () => {
    const all = CharTokenizer.fromText('banana\n', 1);
    expect(all.characters).toEqual(['\n', 'a', 'b', 'n']);
    expect([all.size, all.unknownId]).toEqual([5, 4]);
    expect(Array.from(all.encode('banana\n'))).toEqual([2, 1, 3, 1, 3, 1, 0]);
    expect(all.decode(all.encode('banana\n'))).toBe('banana\n');

    // b is seen once, a three times, n twice.
    const twice = CharTokenizer.fromText('banana', 2);
    expect(twice.characters).toEqual(['a', 'n']);
    expect(Array.from(twice.encode('bandana'))).toEqual([2, 0, 1, 2, 0, 1, 0]);
    expect(twice.decode(twice.encode('bandana'))).toBe(`${UNKNOWN}an${UNKNOWN}ana`);
    expect(twice.unknownRate('bandana')).toBeCloseTo(2 / 7, 12);
    expect(twice.unknownRate('')).toBe(0);
  });

  it('counts code points, not UTF-16 units: a character outside the BMP is one token, sorted by its code point', () => {
    // U+20000 is two UTF-16 units (D840 DC00), which sort before the full-width comma U+FF0C; its code point does not.
    const tokenizer = CharTokenizer.fromText('𠀀，𠀀', 1);
    expect(tokenizer.characters).toEqual(['，', '𠀀']);
    expect(Array.from(tokenizer.encode('𠀀，'))).toEqual([1, 0]);
    expect(tokenizer.decode(ids(1, 0, 2))).toBe(`𠀀，${UNKNOWN}`);
  });
});

describe('baselines', () => {
  // Vocabulary a = 0, b = 1, unknown = 2 (V = 3). Training text "aab": N = 3, c(a) = 2, c(b) = 1.
  // Add-one unigram: P(a) = (2 + 1)/(3 + 3) = 1/2, P(b) = (1 + 1)/6 = 1/3, P(unknown) = (0 + 1)/6 = 1/6.
  const train = ids(0, 0, 1);

  it('unigram with add-one smoothing, against hand counts', () => {
    expect(Array.from(unigramProbabilities(train, 3))).toEqual([1 / 2, 1 / 3, 1 / 6]);
    // Held-out "ba?": −(log2 1/3 + log2 1/2 + log2 1/6)/3 = (1.5849625 + 1 + 2.5849625)/3 = 1.7233083 bits.
    expect(bitsPerToken(ids(1, 0, 2), unigramModel(train, 3))).toBeCloseTo(1.7233083, 6);
    expect(bitsPerToken(ids(), unigramModel(train, 3))).toBe(0);
  });

  it('interpolated bigram, against hand counts', () => {
    // Pairs of "aab": (a, a) and (a, b), so c(a as context) = 2 and b is never a context.
    // Held-out "aba" with λ = 1/2:
    //   a, the first token: P_unigram(a) = 1/2
    //   b after a: ½·c(a, b)/c(a) + ½·P_unigram(b) = ½·½ + ½·⅓ = 5/12
    //   a after b: b was never a context, so P_unigram(a) = 1/2
    //   bits = (1 + log2(12/5) + 1)/3 = (2 + 1.2630344)/3 = 1.0876781
    expect(bitsPerToken(ids(0, 1, 0), interpolatedBigramModel(train, 3, 0.5))).toBeCloseTo(1.0876781, 6);
    // λ = 0 is the unigram.
    expect(bitsPerToken(ids(0, 1, 0), interpolatedBigramModel(train, 3, 0))).toBeCloseTo(
      bitsPerToken(ids(0, 1, 0), unigramModel(train, 3)),
      12,
    );
  });

  it('chooses λ on the last tenth of the training tokens, with counts from the first nine tenths', () => {
    // 30 tokens: "ab" × 13 and "a" (the first 27, the counts), then "baa" (the last 3, the tuning part).
    // Counts: c(a) = 14, c(b) = 13 of N = 27, so P_unigram(a) = (14 + 1)/(27 + 3) = 1/2 and P_unigram(b) =
    // (13 + 1)/30 = 7/15; a is a context 13 times, always followed by b; b 13 times, always followed by a.
    // The pairs that end in the tuning part, with (bigram estimate, unigram):
    //   b after a (the counts' last token): (13/13 = 1, 7/15);  a after b: (1, 1/2);  a after a: (0/13 = 0, 1/2)
    // log-likelihood(λ) = log(λ + (1 − λ)·7/15) + log(λ + (1 − λ)/2) + log((1 − λ)/2); its derivative
    //   8/(8λ + 7) + 1/(1 + λ) − 1/(1 − λ) = 0  ⇔  12λ² + 7λ − 4 = 0  ⇔  λ = (√241 − 7)/24 = 0.3551738
    const tokens = ids(...Array.from({ length: 13 }, () => [0, 1]).flat(), 0, 1, 0, 0);
    expect(tokens.length).toBe(30);
    expect(chooseLambda(tokens, 3)).toBeCloseTo((Math.sqrt(241) - 7) / 24, 5);
    // Only a pair the bigram predicts: λ → 1; only one it never saw: λ → 0.
    expect(chooseLambda(ids(0, 1, 0, 1, 0, 1, 0, 1, 0, 1), 3)).toBeGreaterThan(0.9999);
    expect(chooseLambda(ids(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 3)).toBeLessThan(0.0001);
  });
});

describe('sample checks', () => {
  it('a well-formed quatrain is four lines of five Han characters with ，。，。 on one line', () => {
    expect(isWellFormedQuatrain('床前明月光，疑是地上霜。举头望明月，低头思故乡。')).toBe(true);
    for (const bad of [
      '床前明月光，疑是地上霜。举头望明月，低头思故乡。\n', // the newline is not part of it
      '床前明月光，疑是地上霜。举头望明月，低头思故乡', // last 。 missing
      '床前明月光。疑是地上霜，举头望明月，低头思故乡。', // ，。 swapped
      '床前明月光，疑是地上霜。举头望明月，低头思故乡。床前明月光，疑是地上霜。', // six lines
      '床前明月光亮，疑是地上霜。举头望明月，低头思故乡。', // six characters
      '床前明月光,疑是地上霜。举头望明月，低头思故乡。', // ASCII comma
      `床前明月${UNKNOWN}，疑是地上霜。举头望明月，低头思故乡。`, // the unknown token
      'abcde，疑是地上霜。举头望明月，低头思故乡。',
      '',
    ])
      expect(isWellFormedQuatrain(bad), bad).toBe(false);
    expect(isCouplet('床前明月光，疑是地上霜。')).toBe(true);
    expect(isCouplet('床前明月光，疑是地上霜')).toBe(false);
  });

  it('words are runs of letters and apostrophes, case-folded; the share counts repeats', () => {
    expect(words("O'er the King's -- 'tis 42 x")).toEqual(["o'er", 'the', "king's", "'tis", 'x']);
    const known = wordSet("To be, or not to be: that is the question.\n'Tis nobler");
    expect(known.has('to') && known.has("'tis") && !known.has('To')).toBe(true);
    // to ✓, bee ✗, or ✓, not ✓, to ✓, be' ✗ (the apostrophe is part of the run): 4 of 6.
    expect(knownWordShare("To bee or NOT to be'", known)).toBeCloseTo(4 / 6, 12);
    expect(knownWordShare('— 123 …', known)).toBe(0);
  });
});

describe('corpus splits', () => {
  it('splits after the first line break past the share, into whole lines', () => {
    expect(splitAtLine('ab\ncd\nef\n', 0.5)).toEqual(['ab\ncd\n', 'ef\n']);
    expect(splitAtLine('ab\ncd\nef\n', 0.9)).toEqual(['ab\ncd\nef\n', '']);
    expect(splitAtLine('abc', 0.5)).toEqual(['abc', '']);
  });

  it('keeps couplet-shaped poems of exactly two paragraphs, converts them and drops duplicates after converting', () => {
    const poems: SourcePoem[] = [
      { paragraphs: ['床前明月光，疑是地上霜。', '舉頭望明月，低頭思故鄉。'] },
      { paragraphs: ['床前明月光，疑是地上霜。', '舉頭望明月，低頭思故鄉。'] },
      { paragraphs: ['床前明月光，疑是地上霜。', '舉頭望明月，低頭思故郷。'] }, // a variant that converts the same
      { paragraphs: ['床前明月光，疑是地上霜。'] },
      { paragraphs: ['床前明月光，疑是地上霜。', '舉頭望明月，低頭思故鄉。', '舉頭望明月，低頭思故鄉。'] },
      { paragraphs: ['床前明月光亮，疑是地上霜。', '舉頭望明月，低頭思故鄉。'] },
    ];
    const convert = (text: string) =>
      text
        .replace(/舉/g, '举')
        .replace(/頭/g, '头')
        .replace(/[鄉郷]/g, '乡');
    expect(extractQuatrains(poems, convert)).toEqual(['床前明月光，疑是地上霜。举头望明月，低头思故乡。']);
    expect(() => extractQuatrains(poems, (text) => text.slice(1))).toThrow(/not a quatrain/);
  });

  it('holds out a tenth of the poems by a seeded shuffle, the same every time', () => {
    const poems = Array.from({ length: 25 }, (_, i) => `poem ${i}`);
    const split = splitQuatrains(poems);
    const lines = (text: string) => text.split('\n').slice(0, -1);
    expect(lines(split.heldOut)).toHaveLength(3); // round(2.5)
    expect([...lines(split.train), ...lines(split.heldOut)].sort()).toEqual([...poems].sort());
    expect(splitQuatrains(poems)).toEqual(split);
    expect(splitQuatrains(poems, 14)).not.toEqual(split);
  });
});

// Building both corpora takes 1–2 s of CPU, more on a busy machine.
describe('the real corpora (chinese-poetry, corpora/tinyshakespeare.txt)', { timeout: 30_000 }, () => {
  let sources: CorporaSources;
  let texts: Record<CorpusId, CorpusTexts>;
  beforeAll(async () => {
    sources = readCorporaSources();
    texts = await corpusTexts(sources);
  }, 30_000);
  const poemsOf = (text: string) => text.split('\n').slice(0, -1);

  it('Tang quatrains: 3,710 distinct poems after conversion (3,725 before), 371 held out, none in both parts', () => {
    const tang = sources.tangFiles.flatMap((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as SourcePoem[]);
    expect(tang).toHaveLength(57_607);
    expect(extractQuatrains(tang, (text) => text)).toHaveLength(3_725);
    const train = poemsOf(texts.quatrains.train);
    const heldOut = poemsOf(texts.quatrains.heldOut);
    expect([train.length, heldOut.length]).toEqual([3_339, 371]);
    expect(texts.quatrains.train.endsWith('\n') && texts.quatrains.heldOut.endsWith('\n')).toBe(true);
    expect([...train, ...heldOut].every(isWellFormedQuatrain)).toBe(true);
    expect(new Set([...train, ...heldOut]).size).toBe(3_710);
    const inTraining = new Set(train);
    expect(heldOut.filter((poem) => inTraining.has(poem))).toEqual([]);
  });

  it('the quatrains are in simplified characters', () => {
    const all = texts.quatrains.train + texts.quatrains.heldOut;
    for (const traditional of '門風鳥龍國語學東書頭鄉聞見簷') expect(all, traditional).not.toContain(traditional);
    for (const poem of [
      '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。', // 王之涣《登鹳雀楼》: 盡 層 樓
      '空山不见人，但闻人语响。返景入深林，复照青苔上。', // 王维《鹿柴》: 見 聞 語 響 復
      '千山鸟飞绝，万径人踪灭。孤舟蓑笠翁，独钓寒江雪。', // 柳宗元《江雪》: 鳥 飛 絕 萬 徑 蹤 滅 獨 釣
      '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。', // 孟浩然《春晓》: 風 聲 來 處
      '近戍离金落，孤岑望火门。唯将知命意，潇洒向乾坤。', // 門 → 门, but 乾坤 keeps 乾
      '息燕归檐静，飞花落院闲。不愁愁自著，谁道忆乡关。', // 簷 → 檐; the classical 著 is kept
    ])
      expect(all, poem).toContain(`${poem}\n`);
  });

  it('Shakespeare: the first 90 % cut after a line break, and the rest; nothing lost', () => {
    const source = readFileSync(SHAKESPEARE_SOURCE, 'utf8');
    expect(createHash('sha256').update(source).digest('hex')).toBe('86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed');
    const { train, heldOut } = texts.shakespeare;
    expect(train + heldOut).toBe(source);
    expect([train.length, heldOut.length]).toEqual([1_003_856, 111_538]);
    expect([poemsOf(train).length, poemsOf(heldOut).length]).toEqual([35_526, 4_474]);
    expect(train.endsWith('But who comes here?\n') && heldOut.startsWith('\nGREMIO:\n')).toBe(true);
  });

  it('vocabularies, unknown rates and round trips', () => {
    const quatrains = CharTokenizer.fromText(texts.quatrains.train, MIN_COUNT.quatrains);
    expect(quatrains.size).toBe(2_700); // 2,699 characters seen at least twice, with ，。 and the newline, + unknown
    expect(quatrains.unknownRate(texts.quatrains.heldOut)).toBeCloseTo(0.022, 3);
    expect(quatrains.unknownRate(texts.quatrains.train)).toBeCloseTo(0.01, 3); // the characters seen once
    const shakespeare = CharTokenizer.fromText(texts.shakespeare.train, MIN_COUNT.shakespeare);
    expect(shakespeare.size).toBe(66);
    expect(shakespeare.unknownRate(texts.shakespeare.heldOut)).toBe(0);

    // Exact where every character is in the vocabulary; elsewhere the unknown token stands for the character.
    expect(shakespeare.decode(shakespeare.encode(texts.shakespeare.train))).toBe(texts.shakespeare.train);
    expect(shakespeare.decode(shakespeare.encode(texts.shakespeare.heldOut))).toBe(texts.shakespeare.heldOut);
    for (const text of [texts.quatrains.train, texts.quatrains.heldOut]) {
      const kept = Array.from(text, (character) => (quatrains.unknownRate(character) ? UNKNOWN : character)).join('');
      expect(quatrains.decode(quatrains.encode(text))).toBe(kept);
    }
  });

  it('baselines in bits per character on the held-out texts', () => {
    const measured = (id: CorpusId) => {
      const tokenizer = CharTokenizer.fromText(texts[id].train, MIN_COUNT[id]);
      return heldOutBaselines(tokenizer.encode(texts[id].train), tokenizer.encode(texts[id].heldOut), tokenizer.size);
    };
    const quatrains = measured('quatrains');
    expect(quatrains.unigram).toBeCloseTo(8.83, 2);
    expect(quatrains.bigram).toBeCloseTo(7.91, 2);
    expect(quatrains.lambda).toBeCloseTo(0.447, 3);
    const shakespeare = measured('shakespeare');
    expect(shakespeare.unigram).toBeCloseTo(4.83, 2);
    expect(shakespeare.bigram).toBeCloseTo(3.59, 2);
    expect(shakespeare.lambda).toBeCloseTo(0.995, 3);
    // Real held-out Shakespeare, for comparison with generated text: 94 % of its words occur in training.
    expect(knownWordShare(texts.shakespeare.heldOut, wordSet(texts.shakespeare.train))).toBeCloseTo(0.943, 3);
  });

  it('publishes the four texts gzipped, a manifest that describes them and the licences', async () => {
    const files = await corporaFiles(texts, sources, 1);
    expect([...files.keys()].sort()).toEqual([...CORPORA_FILES].sort());
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as CorpusManifest;
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    for (const id of CORPUS_IDS)
      for (const part of ['train', 'heldOut'] as const) {
        const entry = manifest.corpora[id][part];
        const gz = files.get(entry.file)!;
        const raw = new Uint8Array(gunzipSync(gz));
        expect(entry.file).toBe(corpusFileName(id, part));
        expect([entry.bytes, entry.sha256, entry.rawBytes, entry.rawSha256]).toEqual([gz.length, sha256(gz), raw.length, sha256(raw)]);
        expect(new TextDecoder().decode(raw)).toBe(texts[id][part]);
        expect([entry.characters, entry.lines]).toEqual([[...texts[id][part]].length, poemsOf(texts[id][part]).length]);
      }
    expect(manifest.corpora.quatrains.train.characters).toBe(3_339 * 25);
    const licence = new TextDecoder().decode(files.get('LICENSE.txt'));
    for (const credit of [/chinese-poetry/, /Copyright \(c\) 2016 JackeyGao/, /nk2028/, /OpenCC/, /Apache License/, /karpathy\/char-rnn/])
      expect(licence).toMatch(credit);
    expect(licence.match(/public\s+domain/g)).toHaveLength(2);
  });

  it('keeps the files in its cache under a hash of the inputs and returns the same bytes from it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'corpora-cache-'));
    const first = await buildCorporaFiles(sources, { level: 1, cacheDir });
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(1);
    expect(readdirSync(join(cacheDir, entries[0])).sort()).toEqual([...CORPORA_FILES].sort());
    const second = await buildCorporaFiles(sources, { level: 1, cacheDir });
    expect(second).toEqual(first);
    await buildCorporaFiles({ ...sources, shakespeare: sources.shakespeare.subarray(0, 1000) }, { level: 1, cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(readdirSync(cacheDir)[0]).not.toBe(entries[0]);
  });
});
