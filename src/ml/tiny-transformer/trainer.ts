/**
 * The tiny transformer learning to reverse or sort digits: each step a batch of fresh random inputs, the
 * loss the cross-entropy of the answer's digits under teacher forcing (Adam). Held-out accuracy is measured
 * every EVAL_EVERY steps on fixed sequences never trained on; the state carries every head's attention for
 * the first held-out sequence and the model's answer to it.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../shared/random';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';
import type { ModelFactory } from '../tfjs/trainable';
import { TINY_TRANSFORMER, type TinyTransformerInfo, type TinyTransformerParams } from './contract';
import { answerPositions, randomInput, SEP, sequence, VOCABULARY, type Task } from './tasks';
import { CausalTransformer, transformerParameters } from './transformer';

export const EVAL_EVERY = 20;
export const HELD_OUT = 256;

/** Inputs [n, 2L] (the sequence without its last token) and the answer's digits [n, L] as labels. */
export function batchOf(task: Task, inputs: number[][]) {
  const L = inputs[0].length;
  const tokens = new Int32Array(inputs.length * 2 * L);
  const labels = new Int32Array(inputs.length * L);
  inputs.forEach((input, i) => {
    const seq = sequence(task, input);
    tokens.set(seq.slice(0, 2 * L), i * 2 * L);
    labels.set(seq.slice(L + 1), i * L);
  });
  return { tokens, labels, n: inputs.length, L };
}

/** Logits of the positions that predict the answer's digits: [n, L, vocabulary]. */
function answerLogits(model: CausalTransformer, tokens: tf.Tensor2D, L: number, attention = false) {
  const { logits, weights } = model.forward(tokens, attention);
  const { from } = answerPositions(L);
  return { logits: tf.slice(logits, [0, from, 0], [-1, L, -1]) as tf.Tensor3D, weights };
}

/** Every layer's attention for one sequence [1, 2L], flattened, then the model's predicted answer (L digits). */
function readout(model: CausalTransformer, tokens: tf.Tensor2D, L: number): tf.Tensor1D {
  const { logits, weights } = answerLogits(model, tokens, L, true);
  const answer = tf.cast(tf.reshape(tf.argMax(logits, -1), [L]), 'float32');
  return tf.concat([...weights.map((w) => tf.reshape(w, [-1])), answer]) as tf.Tensor1D;
}

/** The answer written one digit at a time, each from the digits written before it (no right answer to lean on). */
function greedyAnswer(model: CausalTransformer, input: number[], L: number): number[] {
  const written: number[] = [];
  for (let t = 0; t < L; t++) {
    const tokens = [...input, SEP, ...written];
    while (tokens.length < 2 * L) tokens.push(0);
    const next = tf.tidy(() => {
      const { logits } = model.forward(tf.tensor2d([tokens], [1, 2 * L], 'int32'));
      return tf.argMax(tf.slice(logits, [0, L + t, 0], [1, 1, -1]), -1).dataSync()[0];
    });
    written.push(next);
  }
  return written;
}

/** `answer`: the model writes its answer to the learner's own L digits, greedily, and shows its attention. */
function answerRequest(model: CausalTransformer, L: number, name: string, argument: unknown) {
  const input = Array.isArray(argument) ? argument.map(Number) : [];
  if (name !== 'answer') return Promise.reject(new Error(`tiny-transformer has no request “${name}”`));
  if (input.length !== L || input.some((d) => !Number.isInteger(d) || d < 0 || d > 9))
    return Promise.reject(new Error(`the input must be ${L} digits from 0 to 9`));
  const values = tf.tidy(() => {
    const written = greedyAnswer(model, input, L);
    return readout(model, tf.tensor2d([[...input, SEP, ...written.slice(0, L - 1)]], [1, 2 * L], 'int32'), L).dataSync() as Float32Array;
  });
  return Promise.resolve({ value: values, transfer: [values.buffer] });
}

/** Trace names after the contract's: one entropy per layer and head. */
export function entropyNames(layers: number, heads: number): string[] {
  return Array.from({ length: layers * heads }, (_, i) => `entropy-l${Math.floor(i / heads) + 1}h${(i % heads) + 1}`);
}

/** Mean entropy (bits) of each head's attention over the answer's rows of one sequence, layer by layer. */
function headEntropies(model: CausalTransformer, tokens: tf.Tensor2D, L: number): number[] {
  const values = tf.tidy(() => {
    const { weights } = model.forward(tokens, true);
    return tf.concat(
      weights.map((w) => {
        const rows = tf.slice(w, [0, 0, L, 0], [1, -1, L, -1]);
        const bits = tf.neg(tf.sum(tf.mul(rows, tf.log(tf.add(rows, 1e-12))), -1));
        return tf.div(tf.mean(bits, -1), Math.LN2).reshape([-1]);
      }),
    );
  });
  const out = Array.from(values.dataSync());
  values.dispose();
  return out;
}

/** Token and whole-answer accuracy on the held-out sequences (teacher forcing: the right digits so far). */
function heldOutAccuracy(model: CausalTransformer, tokens: tf.Tensor2D, labels: Int32Array, L: number): [number, number] {
  const n = tokens.shape[0];
  const classes = tf.tidy(() => tf.argMax(answerLogits(model, tokens, L).logits, -1));
  const predicted = classes.dataSync();
  classes.dispose();
  let right = 0;
  let whole = 0;
  for (let i = 0; i < n; i++) {
    let here = 0;
    for (let t = 0; t < L; t++) if (predicted[i * L + t] === labels[i * L + t]) here++;
    right += here;
    if (here === L) whole++;
  }
  return [right / (n * L), whole / n];
}

/** `count` fresh random inputs, none of them a held-out one. */
function freshInputs(count: number, L: number, rng: () => number, heldOut: Set<string>): number[][] {
  const inputs: number[][] = [];
  while (inputs.length < count) {
    const input = randomInput(L, rng);
    if (!heldOut.has(input.join(''))) inputs.push(input);
  }
  return inputs;
}

export const createTinyTransformer: ModelFactory<TinyTransformerParams> = (params, seed) => {
  const { task, length: L } = params;
  const shape = {
    vocabulary: VOCABULARY,
    positions: 2 * L,
    width: params.width,
    heads: params.heads,
    layers: params.layers,
    position: params.position,
  };
  const model = new CausalTransformer(shape, seed);
  const optimizer = tf.train.adam(params.lr);
  const trainRng = createRng(seed);
  const heldOutRng = createRng(seed ^ 0x5eed);
  const heldOutInputs = Array.from({ length: HELD_OUT }, () => randomInput(L, heldOutRng));
  const heldOutKeys = new Set(heldOutInputs.map((input) => input.join('')));
  const heldOut = batchOf(task, heldOutInputs);
  const heldOutTokens = tf.tensor2d(heldOut.tokens, [HELD_OUT, 2 * L], 'int32');
  let batchSize = params.batch;
  let step = 0;
  let accuracy = [0, 0];

  const info: TinyTransformerInfo = {
    vocabulary: VOCABULARY,
    length: L,
    heads: params.heads,
    layers: params.layers,
    width: params.width,
    parameters: transformerParameters(shape),
    heldOut: HELD_OUT,
    example: heldOutInputs[0],
  };

  const measure = () => heldOutAccuracy(model, heldOutTokens, heldOut.labels, L);
  const example = tf.slice(heldOutTokens, [0, 0], [1, 2 * L]);
  // Each head's entropy on the example's answer rows, measured with the accuracy: how sharply it points.
  const entropies = () => headEntropies(model, example, L);
  let entropy = entropies();
  accuracy = measure();
  return {
    traceNames: [...TINY_TRANSFORMER.trace, ...entropyNames(params.layers, params.heads)],
    // The maps are redrawn 10–20 times a second: reading them after every step would cost a forward pass
    // per step, about as much as the step itself (reversal 25 → 45 steps/s in Chromium).
    stateInterval: 45,
    initialTrace: [...accuracy, ...entropy],
    info,
    step() {
      const batch = batchOf(task, freshInputs(batchSize, L, trainRng, heldOutKeys));
      const loss = tf.tidy(() => {
        const tokens = tf.tensor2d(batch.tokens, [batch.n, 2 * L], 'int32');
        const labels = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), VOCABULARY);
        const { value, grads } = tf.variableGrads(() => {
          const { logits } = answerLogits(model, tokens, L);
          return tf.losses.softmaxCrossEntropy(tf.cast(labels, 'float32'), tf.reshape(logits, [batch.n * L, VOCABULARY])) as tf.Scalar;
        }, model.variables);
        optimizer.applyGradients(grads as tf.NamedTensorMap as Parameters<typeof optimizer.applyGradients>[0]);
        return value;
      });
      step += 1;
      if (step % EVAL_EVERY === 0) {
        accuracy = measure();
        entropy = entropies();
      }
      const record = tf.tidy(() => tf.concat([tf.reshape(loss, [1]), tf.tensor1d([...accuracy, ...entropy])])) as tf.Tensor1D;
      loss.dispose();
      return record;
    },
    state() {
      return tf.tidy(() => readout(model, example, L));
    },
    request(name, argument) {
      return answerRequest(model, L, name, argument);
    },
    setLive(next) {
      if (next.lr !== undefined) setLearningRate(optimizer, next.lr);
      if (next.batch !== undefined) batchSize = next.batch;
    },
    dispose() {
      model.dispose();
      tf.dispose([heldOutTokens, example]);
      disposeOptimizer(optimizer);
    },
  };
};
