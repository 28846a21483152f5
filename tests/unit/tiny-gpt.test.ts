/**
 * The tiny GPT's trainer: windows and where they start, the corpus travelling with its id, the held-out
 * loss against the baselines, samples (seeded, never the unknown token, poems started afresh, stopping after
 * the lines asked for, scored), and every tensor freed.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_GPT_PARAMS, type SampleReply, type TinyGptParams } from '../../src/ml/language-model/contract';
import { packCorpus, unpackCorpus } from '../../src/ml/language-model/packing';
import { artifactsFromFiles, loadTinyGpt } from '../../src/ml/language-model/export';
import { CharTokenizer } from '../../src/ml/language-model/tokenizer';
import {
  createTinyGpt,
  parseSampleRequest,
  readCorpus,
  spreadStarts,
  windows,
  windowStarts,
  writeSample,
} from '../../src/ml/language-model/trainer';
import type { SavedModel } from '../../src/ml/shared/saved-model';
import { defaults } from '../../src/state/params';
import { useBackend } from '../bench/backends';

const POEMS = [
  '床前明月光，疑是地上霜。举头望明月，低头思故乡。',
  '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。',
  '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。',
  '千山鸟飞绝，万径人踪灭。孤舟蓑笠翁，独钓寒江雪。',
];
const TRAIN = POEMS.map((p) => `${p}\n`)
  .join('')
  .repeat(6);
const HELD_OUT = `${POEMS[0]}\n${POEMS[2]}\n`;
const DATA = packCorpus({ corpus: 'quatrains', train: TRAIN, heldOut: HELD_OUT });
const PARAMS = (overrides: Partial<TinyGptParams> = {}): TinyGptParams => ({
  ...(defaults(TINY_GPT_PARAMS) as TinyGptParams),
  width: 32,
  heads: 2,
  layers: 1,
  context: 25,
  batch: 8,
  lr: 0.01,
  ...overrides,
});

describe('windows', () => {
  it('cuts inputs and next-token labels, shifted by one', () => {
    const ids = Int32Array.from([10, 11, 12, 13, 14, 15]);
    const { inputs, labels } = windows(ids, [0, 2], 4);
    expect(Array.from(inputs)).toEqual([10, 11, 12, 12, 13, 14]);
    expect(Array.from(labels)).toEqual([11, 12, 13, 13, 14, 15]);
  });

  it('start anywhere, or only at a new line (quatrains), always leaving room for a whole window', () => {
    const ids = Int32Array.from([0, 5, 5, 0, 5, 5, 0, 5]);
    expect(Array.from(windowStarts(ids, 0, 3, false))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(windowStarts(ids, 0, 3, true))).toEqual([0, 3]);
  });

  it('spreads validation windows evenly from the first start to the last', () => {
    expect(spreadStarts(10, 4, 1)).toEqual([0, 3, 6, 9]);
    expect(spreadStarts(3, 8, 1)).toEqual([0, 1, 2]);
    expect(spreadStarts(2, 4, 3)).toEqual([]);
  });
});

describe('the corpus as the worker gets it', () => {
  it('travels with its id and comes back whole', () => {
    expect(unpackCorpus(DATA)).toEqual({ corpus: 'quatrains', train: TRAIN, heldOut: HELD_OUT });
    expect(() => unpackCorpus(new TextEncoder().encode('poems\0a\0b'))).toThrow(/not an id/);
    expect(() => packCorpus({ corpus: 'shakespeare', train: 'a\0b', heldOut: '' })).toThrow(/NUL/);
  });

  it('reads quatrains as poem-aligned windows, each starting at a new line', () => {
    const corpus = readCorpus(DATA, 25);
    const newline = corpus.tokenizer.idOf('\n');
    expect(corpus.aligned).toBe(true);
    expect(corpus.trainStarts.length).toBe(POEMS.length * 6);
    for (const start of corpus.trainStarts) expect(corpus.train[start]).toBe(newline);
    // Two held-out poems: two windows of 25 inputs.
    expect(corpus.validation.count).toBe(2);
    expect(corpus.tokenizer.decode(corpus.validation.labels.subarray(0, 25))).toBe(`${POEMS[0]}\n`);
    expect(corpus.tokenizer.decode(corpus.validation.labels.subarray(25, 50))).toBe(`${POEMS[2]}\n`);
  });
});

describe('the trainer', () => {
  beforeAll(useBackend('wasm'));
  afterAll(useBackend('cpu'));

  it('learns the poems: held-out loss from about log₂ V to below both baselines', async () => {
    const before = tf.memory().numTensors;
    const model = createTinyGpt(PARAMS(), 3, DATA);
    const info = model.info as { vocabulary: number; unigram: number; bigram: number };
    expect(model.initialTrace[0]).toBeGreaterThan(Math.log2(info.vocabulary) - 1.5);
    let validation = Infinity;
    for (let i = 0; i < 120; i++) {
      const record = model.step();
      validation = record.dataSync()[1];
      record.dispose();
    }
    expect(validation).toBeLessThan(info.bigram);
    expect(info.bigram).toBeLessThan(info.unigram);

    const ask = async (request: object) => (await model.request!('sample', request)).value as SampleReply;
    const poems = await ask({ prompt: '', length: 200, temperature: 0.5, seed: 4, restartAtNewline: true, stopAfterLines: 3 });
    expect(poems.text.split('\n').length).toBe(4);
    expect(poems.text.endsWith('\n')).toBe(true);
    expect(poems.wellFormed?.total).toBe(3);
    expect(poems.wellFormed!.ok).toBeGreaterThanOrEqual(2);
    expect(poems.text).not.toContain('\uFFFD');
    // A poem started afresh: the last context is the start of a poem, not the poems before it.
    expect(poems.context[0]).toBe('\n');
    expect(poems.context.filter((c) => c === '\n').length).toBe(1);
    expect(poems.attention.length).toBe(1 * 2 * poems.context.length);
    // The same seed writes the same text; the prompt is read first.
    expect((await ask({ prompt: '', length: 200, temperature: 0.5, seed: 4, restartAtNewline: true, stopAfterLines: 3 })).text).toBe(
      poems.text,
    );
    const greedy = await ask({ prompt: '白日', length: 10, greedy: true, seed: 1 });
    expect(greedy.prompt).toBe('白日');
    expect(greedy.text.startsWith('依山尽')).toBe(true);
    // Saved and loaded, the model writes exactly what it wrote before (same weights, same vocabulary).
    const saved = (await model.request!('save')).value as SavedModel;
    expect(saved.stored).toBe(false);
    const loaded = loadTinyGpt(artifactsFromFiles(saved.modelJson, saved.weights));
    expect(loaded.topology).toMatchObject({ corpus: 'quatrains', step: 120, shape: { width: 32, heads: 2, layers: 1, positions: 25 } });
    const again = writeSample(
      loaded.model,
      new CharTokenizer(loaded.topology.characters),
      parseSampleRequest({ prompt: '白日', length: 10, greedy: true }),
      120,
    );
    expect(again.text).toBe(greedy.text);
    expect(Array.from(again.attention)).toEqual(Array.from(greedy.attention));
    loaded.model.dispose();
    expect(() => loadTinyGpt({ modelTopology: { format: 'keras' } })).toThrow(/not a saved tiny GPT/);
    await expect(model.request!('fly')).rejects.toThrow(/no request/);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('scores an English sample by the share of its words found in the training text', async () => {
    const text = 'to be or not to be that is the question\n'.repeat(30);
    const model = createTinyGpt(
      PARAMS({ corpus: 'shakespeare' }),
      1,
      packCorpus({ corpus: 'shakespeare', train: text, heldOut: text.slice(0, 80) }),
    );
    const reply = (await model.request!('sample', { prompt: 'to', length: 60, temperature: 1, seed: 2 })).value as SampleReply;
    expect(reply.wellFormed).toBeUndefined();
    expect(reply.wordShare).toBeGreaterThanOrEqual(0);
    expect(reply.wordShare).toBeLessThanOrEqual(1);
    model.dispose();
  });
});
