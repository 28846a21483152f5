/**
 * The numbers lesson 13 quotes from the tiny-gpt widget, recomputed from the shipped corpora (built by the
 * corpora plugin's own functions) and from the widget's trainer at its defaults with seed 1, on the wasm
 * backend the browser uses (the same steps give the same numbers there). Steps, not seconds: how fast a step
 * is depends on the machine (docs/performance.md has this one's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusTexts, readCorporaSources } from '../../../src/app/vite-plugin-corpora';
import type { CorpusId, CorpusTexts } from '../../../src/ml/language-model/corpus';
import { characterCount } from '../../../src/ml/language-model/corpus';
import { TINY_GPT_PARAMS, type SampleReply, type TinyGptInfo, type TinyGptParams } from '../../../src/ml/language-model/contract';
import { packCorpus } from '../../../src/ml/language-model/packing';
import { createTinyGpt } from '../../../src/ml/language-model/trainer';
import { CharTokenizer, MIN_COUNT } from '../../../src/ml/language-model/tokenizer';
import { transformerParameters } from '../../../src/ml/tiny-transformer/transformer-shape';
import type { TrainableModel } from '../../../src/ml/tfjs/trainable';
import { defaults } from '../../../src/state/params';
import { useBackend } from '../../bench/backends';

const DEFAULTS = defaults(TINY_GPT_PARAMS) as TinyGptParams;
let texts: Record<CorpusId, CorpusTexts>;

beforeAll(async () => {
  texts = await corpusTexts(readCorporaSources());
  await useBackend('wasm')();
}, 60_000);
afterAll(useBackend('cpu'));

const vocabulary = (corpus: CorpusId) => CharTokenizer.fromText(texts[corpus].train, MIN_COUNT[corpus]).size;
const defaultParameters = (corpus: CorpusId) =>
  transformerParameters({
    vocabulary: vocabulary(corpus),
    positions: DEFAULTS.context,
    width: DEFAULTS.width,
    heads: DEFAULTS.heads,
    layers: DEFAULTS.layers,
    position: 'learned',
  });

describe('the corpora and the default model', () => {
  it('3,710 quatrains; Shakespeare 1,115,394 characters', () => {
    const poems = (t: string) => t.split('\n').filter(Boolean).length;
    expect(poems(texts.quatrains.train) + poems(texts.quatrains.heldOut)).toBe(3710);
    expect(characterCount(texts.shakespeare.train) + characterCount(texts.shakespeare.heldOut)).toBe(1_115_394);
  });

  it('2,699 characters and punctuation marks, plus the unknown token: log₂ 2,700 ≈ 11.4 bits', () => {
    expect(vocabulary('quatrains')).toBe(2700);
    expect(Math.log2(2700).toFixed(1)).toBe('11.4');
    expect(vocabulary('shakespeare')).toBe(66);
  });

  it('1,093,772 parameters at the defaults on the quatrains, 416,834 on Shakespeare; GPT-3 is about 5 orders of magnitude larger', () => {
    expect(defaultParameters('quatrains')).toBe(1_093_772);
    expect(defaultParameters('shakespeare')).toBe(416_834);
    expect(Math.round(Math.log10(175e9 / defaultParameters('quatrains')))).toBe(5);
  });
});

/** Trains at the defaults with seed 1; returns the model, and the first steps the held-out loss was below each baseline. */
function train(corpus: CorpusId, steps: number) {
  const model = createTinyGpt({ ...DEFAULTS, corpus }, 1, packCorpus({ corpus, ...texts[corpus] })) as TrainableModel<TinyGptParams>;
  const info = model.info as TinyGptInfo;
  const passed = { unigram: 0, bigram: 0 };
  for (let step = 1; step <= steps; step++) {
    const record = model.step();
    const validation = record.dataSync()[1];
    record.dispose();
    if (!passed.unigram && validation < info.unigram) passed.unigram = step;
    if (!passed.bigram && validation < info.bigram) passed.bigram = step;
  }
  return { model, info, passed };
}

const sample = async (model: TrainableModel<TinyGptParams>, request: object) =>
  (await model.request!('sample', request)).value as SampleReply;

describe('the widget at its defaults, seed 1', () => {
  it('quatrains: baselines 8.83 and 7.91 bits; below the unigram at the first measurement (step 10), below the bigram at step 60; 18 of 20 poems well-formed at step 120', async () => {
    const { model, info, passed } = train('quatrains', 120);
    expect(info.unigram.toFixed(2)).toBe('8.83');
    expect(info.bigram.toFixed(2)).toBe('7.91');
    expect(passed).toEqual({ unigram: 10, bigram: 60 });
    let wellFormed = 0;
    for (let seed = 1; seed <= 5; seed++)
      wellFormed += (await sample(model, { length: 160, temperature: 0.8, seed, restartAtNewline: true, stopAfterLines: 4 })).wellFormed!
        .ok;
    expect(wellFormed).toBe(18);
    model.dispose();
  }, 240_000);

  it('Shakespeare: baselines 4.83 and 3.59 bits; below the bigram at step 90; at step 200 about half the words written at T = 0.8 are Shakespeare’s, and greedy decoding loops on “the” from the fifth character', async () => {
    const { model, info, passed } = train('shakespeare', 200);
    expect(info.unigram.toFixed(2)).toBe('4.83');
    expect(info.bigram.toFixed(2)).toBe('3.59');
    expect(passed.bigram).toBe(90);
    let share = 0;
    for (let seed = 1; seed <= 5; seed++) share += (await sample(model, { length: 240, temperature: 0.8, seed })).wordShare! / 5;
    expect(share.toFixed(2)).toBe('0.48');
    const greedy = (await sample(model, { length: 200, greedy: true, seed: 1 })).text;
    expect(greedy.slice(0, 4)).toBe('And ');
    expect(greedy.slice(4)).toBe('the '.repeat(49));
    model.dispose();
  }, 240_000);
});
