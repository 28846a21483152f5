/**
 * The tiny GPT: lesson 12's causal transformer trained on characters, every position of a window predicting
 * the next character (teacher forcing), with Adam. Each step draws `batch` windows of `context` + 1 characters
 * from the training text. The held-out loss is measured every EVAL_EVERY steps on fixed windows of the
 * held-out text. Samples are written on request by the plain-JS decoder with its key/value cache, so the
 * training graph is never run one character at a time.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../shared/random';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';
import { sparseSoftmaxCrossEntropy } from '../tfjs/sparse-cross-entropy';
import type { ModelFactory } from '../tfjs/trainable';
import { CachedDecoder } from '../tiny-transformer/decoder';
import { CausalTransformer, transformerParameters } from '../tiny-transformer/transformer';
import { heldOutBaselines } from './baselines';
import { exportTinyGpt } from './export';
import { bits, TINY_GPT, type SampleReply, type SampleRequest, type TinyGptInfo, type TinyGptParams } from './contract';
import { characterCount } from './corpus';
import { unpackCorpus } from './packing';
import { isWellFormedQuatrain, knownWordShare, wordSet } from './sample-checks';
import { sampleToken } from './sampling';
import { CharTokenizer, MIN_COUNT } from './tokenizer';

export const EVAL_EVERY = 10;
/** Held-out windows the validation loss averages over (each `context` characters predicted). */
export const VALIDATION_WINDOWS = 64;
export const MAX_SAMPLE = 2000;

/** `count` windows of `length` tokens starting at `starts`, as inputs [count, length − 1] and next tokens. */
export function windows(ids: Int32Array, starts: number[], length: number) {
  const inputs = new Int32Array(starts.length * (length - 1));
  const labels = new Int32Array(starts.length * (length - 1));
  starts.forEach((start, i) => {
    inputs.set(ids.subarray(start, start + length - 1), i * (length - 1));
    labels.set(ids.subarray(start + 1, start + length), i * (length - 1));
  });
  return { inputs, labels };
}

/** Evenly spaced starts of `count` windows of `length` tokens over `n` tokens. */
export function spreadStarts(n: number, count: number, length: number): number[] {
  const room = n - length;
  if (room < 0) return [];
  const k = Math.min(count, room + 1);
  return Array.from({ length: k }, (_, i) => Math.floor((i * room) / Math.max(1, k - 1)));
}

function meanBits(model: CausalTransformer, inputs: Int32Array, labels: Int32Array, count: number, T: number): number {
  const value = tf.tidy(() => {
    const { logits } = model.forward(tf.tensor2d(inputs, [count, T], 'int32'));
    return sparseSoftmaxCrossEntropy(tf.reshape(logits, [count * T, -1]) as tf.Tensor2D, tf.tensor1d(labels, 'int32'));
  });
  const nats = value.dataSync()[0];
  value.dispose();
  return bits(nats);
}

export function parseSampleRequest(argument: unknown): SampleRequest {
  const a = (argument ?? {}) as Partial<SampleRequest>;
  const number = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  return {
    prompt: typeof a.prompt === 'string' ? a.prompt : '',
    length: Math.max(1, Math.min(MAX_SAMPLE, Math.floor(number(a.length, 100)))),
    temperature: Math.max(0, number(a.temperature, 0.8)),
    topK: Math.max(0, Math.floor(number(a.topK, 0))),
    topP: Math.min(1, Math.max(0, number(a.topP, 1))),
    greedy: a.greedy === true,
    seed: Math.floor(number(a.seed, 1)),
    restartAtNewline: a.restartAtNewline === true,
    stopAfterLines: Math.max(0, Math.floor(number(a.stopAfterLines, 0))),
  };
}

/**
 * Writes `length` characters after a new line and the prompt, never the unknown token; with
 * `restartAtNewline` each new line starts a fresh context, as a new poem does in training.
 */
export function writeSample(model: CausalTransformer, tokenizer: CharTokenizer, request: SampleRequest, step: number): SampleReply {
  const decoder = new CachedDecoder(model.readWeights());
  const random = createRng(request.seed);
  const newline = tokenizer.idOf('\n');
  let logits = decoder.reset(Array.from(tokenizer.encode(`\n${request.prompt}`)));
  const written: number[] = [];
  let lines = 0;
  for (let i = 0; i < request.length; i++) {
    logits[tokenizer.unknownId] = -Infinity;
    const next = sampleToken(logits, request, random);
    written.push(next);
    if (next === newline) lines++;
    if (i === request.length - 1 || (request.stopAfterLines > 0 && lines === request.stopAfterLines)) break;
    logits = request.restartAtNewline && next === newline ? decoder.reset([newline]) : decoder.push(next);
  }
  // The attention of the last character read, over the context it read.
  return {
    prompt: tokenizer.decode(tokenizer.encode(request.prompt)),
    text: tokenizer.decode(written),
    context: decoder.context.map((id) => tokenizer.decode([id])),
    attention: decoder.lastAttention,
    step,
    seed: request.seed,
  };
}

/**
 * Where training windows may start. A quatrain is a unit: its windows start at the new line before a poem,
 * so each position of the window is the same place in every poem and a sample starts a poem the same way.
 * Shakespeare's windows start anywhere, so the decoder's sliding window, which starts mid-line, is familiar.
 */
export function windowStarts(ids: Int32Array, newline: number, length: number, aligned: boolean): Int32Array {
  const last = ids.length - length;
  if (!aligned) return Int32Array.from({ length: last + 1 }, (_, i) => i);
  const starts: number[] = [];
  for (let i = 0; i <= last; i++) if (ids[i] === newline) starts.push(i);
  return Int32Array.from(starts);
}

/** The corpus as token ids, where its windows start, the fixed validation windows, and the baselines. */
export function readCorpus(data: Uint8Array, T: number) {
  const texts = unpackCorpus(data);
  const tokenizer = CharTokenizer.fromText(texts.train, MIN_COUNT[texts.corpus]);
  // Both texts start with a new line, as every sample does; the baselines are of the texts as shipped (one
  // token a character, so that is the same ids without the first).
  const train = tokenizer.encode(`\n${texts.train}`);
  const heldOut = tokenizer.encode(`\n${texts.heldOut}`);
  const baselines = heldOutBaselines(train.subarray(1), heldOut.subarray(1), tokenizer.size);
  if (train.length < T + 2 || heldOut.length < T + 2) throw new Error('the corpus is shorter than one window');
  const aligned = texts.corpus === 'quatrains';
  const newline = tokenizer.idOf('\n');
  const heldOutStarts = windowStarts(heldOut, newline, T + 1, aligned);
  const validation = windows(
    heldOut,
    spreadStarts(heldOutStarts.length, VALIDATION_WINDOWS, 1).map((i) => heldOutStarts[i]),
    T + 1,
  );
  return {
    texts,
    tokenizer,
    train,
    aligned,
    trainStarts: windowStarts(train, newline, T + 1, aligned),
    validation: { ...validation, count: validation.inputs.length / T },
    baselines,
  };
}

/** Quatrains: how many lines are well-formed poems; Shakespeare (`words` given): the share of known words. */
function scoreSample(reply: SampleReply, request: SampleRequest, words: ReadonlySet<string> | null) {
  if (words) {
    reply.wordShare = knownWordShare(reply.text, words);
    return;
  }
  const total = Math.max(1, request.stopAfterLines);
  reply.wellFormed = { ok: reply.text.split('\n').slice(0, total).filter(isWellFormedQuatrain).length, total };
}

export const createTinyGpt: ModelFactory<TinyGptParams, Uint8Array> = (params, seed, data) => {
  if (!(data instanceof Uint8Array)) throw new Error('tiny-gpt needs its corpus from the page');
  const T = params.context;
  const { texts, tokenizer, train, aligned, trainStarts, validation, baselines } = readCorpus(data, T);
  const shape = {
    vocabulary: tokenizer.size,
    positions: T,
    width: params.width,
    heads: params.heads,
    layers: params.layers,
    position: 'learned' as const,
  };
  const model = new CausalTransformer(shape, seed);
  const optimizer = tf.train.adam(params.lr);
  const rng = createRng(seed);
  let batch = params.batch;
  let dropout = params.dropout;
  let step = 0;
  // Shakespeare's words, made when the first sample is scored.
  let trainWords: Set<string> | undefined;
  const measure = () => meanBits(model, validation.inputs, validation.labels, validation.count, T);
  let validationBits = measure();

  const info: TinyGptInfo = {
    corpus: texts.corpus,
    characters: [...tokenizer.characters],
    vocabulary: tokenizer.size,
    parameters: transformerParameters(shape),
    // Without the new line put before the text.
    trainCharacters: train.length - 1,
    heldOutCharacters: characterCount(texts.heldOut),
    unknownRate: tokenizer.unknownRate(texts.heldOut),
    unigram: baselines.unigram,
    bigram: baselines.bigram,
    validationCharacters: validation.count * T,
  };

  return {
    traceNames: [...TINY_GPT.trace],
    initialTrace: [validationBits],
    info,
    step() {
      const starts = Array.from({ length: batch }, () => trainStarts[Math.floor(rng() * trainStarts.length)]);
      const { inputs, labels } = windows(train, starts, T + 1);
      const loss = tf.tidy(() => {
        const tokens = tf.tensor2d(inputs, [batch, T], 'int32');
        const next = tf.tensor1d(labels, 'int32');
        const { value, grads } = tf.variableGrads(() => {
          // Masks drawn from the run's seed and the step: a link replays the same run.
          const { logits } = model.forward(tokens, false, { rate: dropout, seed: seed * 1000 + step * 16 });
          return sparseSoftmaxCrossEntropy(tf.reshape(logits, [batch * T, shape.vocabulary]) as tf.Tensor2D, next);
        }, model.variables);
        optimizer.applyGradients(grads as tf.NamedTensorMap as Parameters<typeof optimizer.applyGradients>[0]);
        return value;
      });
      step += 1;
      if (step % EVAL_EVERY === 0) validationBits = measure();
      const record = tf.tidy(() => tf.concat([tf.reshape(tf.div(loss, Math.LN2), [1]), tf.tensor1d([validationBits])])) as tf.Tensor1D;
      loss.dispose();
      return record;
    },
    request(name, argument) {
      if (name === 'save') return exportTinyGpt(model, { characters: [...tokenizer.characters], corpus: texts.corpus, step });
      if (name !== 'sample') return Promise.reject(new Error(`tiny-gpt has no request “${name}”`));
      const request = parseSampleRequest(argument);
      const reply = writeSample(model, tokenizer, request, step);
      scoreSample(reply, request, aligned ? null : (trainWords ??= wordSet(texts.train)));
      return Promise.resolve({ value: reply, transfer: [reply.attention.buffer] });
    },
    setLive(next) {
      if (next.lr !== undefined) setLearningRate(optimizer, next.lr);
      if (next.batch !== undefined) batch = next.batch;
      if (next.dropout !== undefined) dropout = next.dropout;
    },
    dispose() {
      model.dispose();
      disposeOptimizer(optimizer);
    },
  };
};
