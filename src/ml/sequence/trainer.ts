/**
 * The recurrent race: a simple RNN, an LSTM and a GRU, each trained by its own optimizer (same kind, own
 * learning rate) on the same batches of the memory task. One step updates every racer once.
 *
 * A racer whose loss or gradient stops being finite, or whose loss passes 10⁴ times where it began (the
 * engine's rule for a whole run), is out: from that step its gradients are zeroed and it
 * reports its last finite loss, so one exploding cell does not stop the others; the run diverges only when
 * every racer is out. Nothing is read back inside a step; the trainer learns a racer is out from an
 * asynchronous read and then skips it.
 */
import * as tf from '@tensorflow/tfjs';
import { EXPLOSION_FACTOR } from '../shared/divergence';
import { createRng, type Rng } from '../shared/random';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';
import { sparseSoftmaxCrossEntropy } from '../tfjs/sparse-cross-entropy';
import type { ModelFactory } from '../tfjs/trainable';
import { ensureWasmUnsortedSegmentSum } from '../tfjs/unsorted-segment-sum';
import { inputTerms, readOut, runCell, weightList, type CellWeights, type StepRecord } from './cells';
import { backwardPass, finalState, forwardPass, type FusedKind } from './bptt';
import { glorotUniform, recurrentWeights } from './init';
import { createTask, sequenceLength, sequenceOf, vocabularySize, type SequenceBatch } from './task';
import {
  CELL_KINDS,
  EVAL_EVERY,
  GATE_BLOCKS,
  RACER_TRACE,
  SWEEP_DELAYS,
  parameterCount,
  type CellKind,
  type SequenceInfo,
  type SequenceParams,
  type SweepReply,
} from './contract';

const HELD_OUT = 256;
const PROBE = 64;
const SWEEP_SIZE = 128;
/** A gradient norm that is not finite is reported as this (the trace must stay finite). */
const NORM_CEILING = 1e30;

const LR_KEY = { rnn: 'lrRnn', lstm: 'lrLstm', gru: 'lrGru' } as const satisfies Record<CellKind, keyof SequenceParams>;

export function initialWeights(
  kind: CellKind,
  vocabulary: number,
  hidden: number,
  symbols: number,
  params: Pick<SequenceParams, 'gain' | 'forgetBias'>,
  rng: Rng,
): CellWeights {
  const width = GATE_BLOCKS[kind] * hidden;
  const bias = new Float32Array(width);
  // The first block is the LSTM's forget gate [f, i, o, g] and the GRU's update gate [z, r, n]: both decide how
  // much of the old state is kept, and both start at the same bias.
  if (kind !== 'rnn') bias.fill(params.forgetBias, 0, hidden);
  return tf.tidy(() => ({
    wx: tf.variable(tf.tensor2d(glorotUniform(vocabulary, width, rng), [vocabulary, width])),
    u: tf.variable(tf.tensor2d(recurrentWeights(hidden, GATE_BLOCKS[kind], params.gain, rng), [hidden, width])),
    b: tf.variable(tf.tensor1d(bias)),
    wo: tf.variable(tf.tensor2d(glorotUniform(hidden, symbols, rng), [hidden, symbols])),
    bo: tf.variable(tf.zeros([symbols]) as tf.Tensor1D),
  }));
}

/** Logits [B, K] at the query for a batch of token ids (time-major [T·B]). */
export function logitsOf(kind: CellKind, w: CellWeights, ids: tf.Tensor1D, length: number, probes?: tf.Tensor2D[]) {
  return readOut(w, runCell(kind, w, inputTerms(w, ids, length), { probes }));
}

/**
 * The logits training differentiates: the RNN and the LSTM through their hand-written backpropagation through
 * time (bptt.ts, fewer kernels), the GRU through autodiff of the unrolled cell. Only for a loss whose gradient
 * is taken: the fused pass keeps its intermediates for the backward pass, which frees them.
 */
export function trainingLogits(kind: CellKind, w: CellWeights, batch: BatchTensors): tf.Tensor2D {
  if (kind === 'gru') return logitsOf(kind, w, batch.ids, batch.length);
  return readOut(w, finalState(kind, w, batch.ids, batch.length));
}

interface BatchTensors {
  ids: tf.Tensor1D;
  labels: tf.Tensor1D;
  length: number;
  size: number;
}

const toTensors = (batch: SequenceBatch): BatchTensors => ({
  ids: tf.tensor1d(batch.ids, 'int32'),
  labels: tf.tensor1d(batch.labels, 'int32'),
  length: batch.length,
  size: batch.size,
});

export function accuracyOf(kind: CellKind, w: CellWeights, batch: BatchTensors): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(logitsOf(kind, w, batch.ids, batch.length), 1), batch.labels), 'float32')));
}

/**
 * ‖∂L/∂h_t‖ for t = 0 … T−1, L the mean cross-entropy over the batch: each sequence's own gradient (the
 * batch mean's times the batch size), its norm over the hidden units, averaged over the sequences.
 */
export function hiddenGradientNorms(kind: CellKind, w: CellWeights, batch: BatchTensors): tf.Tensor1D {
  return tf.tidy(() => {
    const hidden = w.u.shape[0];
    const probes = Array.from({ length: batch.length }, () => tf.zeros([batch.size, hidden]) as tf.Tensor2D);
    const loss = (...ps: tf.Tensor[]) =>
      sparseSoftmaxCrossEntropy(logitsOf(kind, w, batch.ids, batch.length, ps as tf.Tensor2D[]), batch.labels);
    const grads = tf.grads(loss)(probes);
    return tf.stack(grads.map((g) => tf.mean(tf.mul(tf.sqrt(tf.sum(tf.square(g), 1)), batch.size)))) as tf.Tensor1D;
  });
}

/** One sequence read by the cell with every step recorded: hidden states (and the LSTM's gates and cell), [T, H] each, and the answer's probabilities. */
export function traceSequence(kind: CellKind, w: CellWeights, sequence: number[]) {
  return tf.tidy(() => {
    const record: StepRecord[] = [];
    const ids = tf.tensor1d(sequence, 'int32');
    const h = runCell(kind, w, inputTerms(w, ids, sequence.length), { record });
    const rows = (key: keyof StepRecord) => tf.concat(record.map((r) => r[key] as tf.Tensor2D)) as tf.Tensor2D;
    return {
      answer: tf.reshape(tf.softmax(readOut(w, h)), [-1]) as tf.Tensor1D,
      hidden: rows('h'),
      gates: kind === 'lstm' ? { forget: rows('f'), input: rows('i'), output: rows('o'), cell: rows('c') } : undefined,
    };
  });
}

interface Racer {
  kind: CellKind;
  w: CellWeights;
  optimizer: tf.Optimizer;
  out: tf.Variable<tf.Rank.R0>;
  lastLoss: tf.Variable<tf.Rank.R0>;
  accuracy: tf.Variable<tf.Rank.R0>;
  /** Known (from an asynchronous read) to be out: skipped from then on. */
  frozen: boolean;
  /** A loss above this puts the racer out. */
  outAbove: number;
}

interface LiveSettings {
  batch: number;
  clip: boolean;
  clipNorm: number;
}

/** Clipping by the global norm: gradients are multiplied by min(1, threshold / ‖g‖), so their norm is at most the threshold. */
export function clipScale(norm: tf.Scalar, live: Pick<LiveSettings, 'clip' | 'clipNorm'>): tf.Scalar {
  return live.clip ? tf.minimum(1, tf.div(live.clipNorm, tf.maximum(norm, 1e-12))) : tf.scalar(1);
}

/** A racer known to be out repeats its last record. */
function frozenRecord(r: Racer): tf.Tensor1D {
  return tf.tidy(() => tf.stack([r.lastLoss, r.accuracy, tf.scalar(0), tf.scalar(1)]) as tf.Tensor1D);
}

/** One update of one racer: its loss, held-out accuracy (every EVAL_EVERY steps), gradient norm before clipping, and whether it is out. */
function stepRacer(r: Racer, batch: BatchTensors, evaluate: boolean, heldOut: BatchTensors, live: LiveSettings): tf.Tensor1D {
  if (r.frozen) return frozenRecord(r);
  const { value, grads } = tf.variableGrads(
    () => sparseSoftmaxCrossEntropy(trainingLogits(r.kind, r.w, batch), batch.labels),
    weightList(r.w),
  );
  const { ok, norm, scaled } = tf.tidy(() => {
    const list = Object.values(grads);
    const norm = tf.sqrt(tf.addN(list.map((g) => tf.sum(tf.square(g))))) as tf.Scalar;
    // The engine's rule for a run (shared/divergence.ts), applied to each racer: not finite, or 10⁴ × where it began.
    const inBounds = tf.logicalAnd(tf.isFinite(value), tf.lessEqual(value, r.outAbove));
    const ok = tf.logicalAnd(tf.logicalAnd(inBounds, tf.isFinite(norm)), tf.equal(r.out, 0));
    const scale = clipScale(norm, live);
    const scaled: tf.NamedTensorMap = {};
    for (const [name, g] of Object.entries(grads)) scaled[name] = tf.where(ok, tf.mul(g, scale), tf.zerosLike(g));
    return { ok, norm, scaled };
  });
  r.optimizer.applyGradients(scaled);
  const record = tf.tidy(() => {
    const out = tf.cast(tf.logicalNot(ok), 'float32');
    const loss = tf.where(ok, value, r.lastLoss);
    r.lastLoss.assign(loss);
    r.out.assign(out as tf.Scalar);
    if (evaluate) r.accuracy.assign(tf.where(ok, accuracyOf(r.kind, r.w, heldOut), r.accuracy));
    const shownNorm = tf.where(tf.isFinite(norm), tf.minimum(norm, NORM_CEILING), tf.scalar(NORM_CEILING));
    return tf.stack([loss, r.accuracy, shownNorm, out]) as tf.Tensor1D;
  });
  tf.dispose([value, ok, norm, ...Object.values(grads), ...Object.values(scaled)]);
  if (evaluate) {
    const outNow = tf.clone(r.out);
    void outNow.data().then((v) => {
      if (v[0] > 0) r.frozen = true;
      outNow.dispose();
    });
  }
  return record;
}

/** What the state holds for one racer, sequence 0 of the probe batch being the example. */
interface RacerPicture {
  gradients: tf.Tensor1D;
  answer: tf.Tensor1D;
  hidden: tf.Tensor;
  gates?: tf.Tensor[];
}

/**
 * The RNN's and the LSTM's pictures from one forward and one backward pass of bptt.ts over the probe batch:
 * ∂L/∂h_t at every t is what the backward pass carries from step to step.
 */
export function fusedPicture(kind: FusedKind, w: CellWeights, probe: BatchTensors): RacerPicture {
  const pass = forwardPass(kind, w, probe.ids, probe.length);
  const logits = readOut(w, pass.last);
  const dy = tf.grad((h: tf.Tensor) => sparseSoftmaxCrossEntropy(readOut(w, h as tf.Tensor2D), probe.labels))(pass.last) as tf.Tensor2D;
  const { dh } = backwardPass(pass, w.u, dy);
  const byStep = (rowsOfAll: tf.Tensor2D) => tf.reshape(rowsOfAll, [probe.length, probe.size, -1]);
  // Each sequence's own gradient is the batch mean's times the batch size.
  const gradients = tf.mul(tf.mean(tf.sqrt(tf.sum(tf.square(byStep(dh)), 2)), 1), probe.size) as tf.Tensor1D;
  const first = (rowsOfAll: tf.Tensor2D) => tf.reshape(tf.slice(byStep(rowsOfAll), [0, 0, 0], [-1, 1, -1]), [probe.length, -1]);
  const answer = tf.reshape(tf.softmax(tf.slice(logits, [0, 0], [1, -1])), [-1]) as tf.Tensor1D;
  const gates = kind === 'lstm' ? [...tf.split(first(pass.a!), 4, 1).slice(0, 3), first(pass.c!)] : undefined;
  return { gradients, answer, hidden: first(pass.h), gates };
}

/** The GRU's pictures through autodiff of the unrolled cell (it has no hand-written pass). */
export function unrolledPicture(kind: CellKind, w: CellWeights, probe: BatchTensors, example: number[]): RacerPicture {
  const traced = traceSequence(kind, w, example);
  const gates = traced.gates && [traced.gates.forget, traced.gates.input, traced.gates.output, traced.gates.cell];
  return { gradients: hiddenGradientNorms(kind, w, probe), answer: traced.answer, hidden: traced.hidden, gates };
}

/** The state (see SequenceState): gradient norms through time and answers, hidden states, the LSTM's gates. */
function stateOf(racers: Racer[], example: number[], probe: BatchTensors): tf.Tensor1D {
  return tf.tidy(() => {
    const pictures = racers.map((r) =>
      r.kind === 'gru' ? unrolledPicture(r.kind, r.w, probe, example) : fusedPicture(r.kind, r.w, probe),
    );
    const parts: tf.Tensor[] = [];
    pictures.forEach((p) => parts.push(p.gradients, p.answer));
    pictures.forEach((p) => parts.push(tf.reshape(p.hidden, [-1])));
    const gates = pictures[racers.findIndex((r) => r.kind === 'lstm')]?.gates;
    if (gates) parts.push(...gates.map((g) => tf.reshape(g, [-1])));
    const flat = tf.concat(parts);
    // An exploded racer's pictures are not finite; the page shows it as out, and the state stays finite.
    return tf.where(tf.isFinite(flat), flat, tf.zerosLike(flat)) as tf.Tensor1D;
  });
}

/** Each racer's held-out accuracy at every delay of SWEEP_DELAYS, on fresh sequences (the same ones for every racer). */
function sweepAccuracy(racers: Racer[], symbols: number, seed: number): number[][] {
  return racers.map((r) =>
    SWEEP_DELAYS.map((delay, i) => {
      const batch = toTensors(createTask(symbols, delay, seed * 7919 + 100 + i)(SWEEP_SIZE));
      const value = accuracyOf(r.kind, r.w, batch);
      const result = value.dataSync()[0];
      tf.dispose([value, batch.ids, batch.labels]);
      return result;
    }),
  );
}

function createRacer(kind: CellKind, params: SequenceParams, vocabulary: number, heldOut: BatchTensors, seed: number): Racer {
  // Each cell draws its start from a stream of its own, so it starts the same whoever else races.
  const rng = createRng(seed * 7919 + 10 + CELL_KINDS.indexOf(kind));
  const w = initialWeights(kind, vocabulary, params.hidden, params.symbols, params, rng);
  const lr = params[LR_KEY[kind]];
  const start = tf.tidy(() => ({
    loss: sparseSoftmaxCrossEntropy(logitsOf(kind, w, heldOut.ids, heldOut.length), heldOut.labels),
    accuracy: accuracyOf(kind, w, heldOut),
  }));
  const racer = {
    kind,
    w,
    optimizer: params.optimizer === 'sgd' ? tf.train.sgd(lr) : tf.train.adam(lr),
    out: tf.tidy(() => tf.variable(tf.scalar(0))),
    lastLoss: tf.variable(start.loss),
    accuracy: tf.variable(start.accuracy),
    frozen: false,
    outAbove: EXPLOSION_FACTOR * Math.max(start.loss.dataSync()[0], 1),
  };
  tf.dispose([start.loss, start.accuracy]);
  return racer;
}

export const createSequenceModel: ModelFactory<SequenceParams> = (params, seed) => {
  ensureWasmUnsortedSegmentSum();
  const { symbols, delay, hidden } = params;
  const vocabulary = vocabularySize(symbols);
  const length = sequenceLength(delay);
  const chosen = CELL_KINDS.filter((kind) => params[kind]);
  // With every racer switched off, the LSTM runs alone rather than nothing.
  const kinds: CellKind[] = chosen.length > 0 ? chosen : ['lstm'];
  const nextBatch = createTask(symbols, delay, seed * 7919 + 1);
  const heldOutBatch = createTask(symbols, delay, seed * 7919 + 2)(HELD_OUT);
  const probeBatch = createTask(symbols, delay, seed * 7919 + 3)(PROBE);
  // The sequence the pictures show is the first of the probe batch the gradients are averaged over.
  const example = sequenceOf(probeBatch, 0);
  const heldOut = toTensors(heldOutBatch);
  const probe = toTensors(probeBatch);
  let live: LiveSettings = { batch: params.batch, clip: params.clip, clipNorm: params.clipNorm };
  let stepCount = 0;

  const racers = kinds.map((kind) => createRacer(kind, params, vocabulary, heldOut, seed));
  const startTrace = racers.flatMap((r) => [r.lastLoss.dataSync()[0], r.accuracy.dataSync()[0], 0, 0]);

  const info: SequenceInfo = {
    racers: kinds,
    symbols,
    delay,
    length,
    hidden,
    parameters: kinds.map((kind) => parameterCount(kind, vocabulary, hidden, symbols)),
    heldOut: HELD_OUT,
    probeSize: PROBE,
    example,
  };

  return {
    traceNames: racers.flatMap((r) => RACER_TRACE.map((name) => `${r.kind}.${name}`)),
    initialTrace: startTrace,
    info,
    stateInterval: 160,
    step() {
      const batch = toTensors(nextBatch(live.batch));
      const evaluate = (stepCount + 1) % EVAL_EVERY === 0;
      const records = racers.map((r) => stepRacer(r, batch, evaluate, heldOut, live));
      stepCount++;
      tf.dispose([batch.ids, batch.labels]);
      return tf.tidy(() => {
        // The race's own loss: the best racer still in (∞ once all are out, which stops the run).
        const table = tf.stack(records) as tf.Tensor2D;
        const losses = tf.gather(table, 0, 1);
        const outs = tf.gather(table, 3, 1);
        const best = tf.min(tf.where(tf.cast(outs, 'bool'), tf.fill([racers.length], Infinity), losses));
        const result = tf.concat([tf.reshape(best, [1]), ...records]) as tf.Tensor1D;
        tf.dispose(records);
        return result;
      });
    },
    state: () => stateOf(racers, example, probe),
    async request(name) {
      if (name !== 'sweep') throw new Error(`sequence: unknown request ${name}`);
      const reply: SweepReply = { step: stepCount, delays: [...SWEEP_DELAYS], accuracy: sweepAccuracy(racers, symbols, seed) };
      return { value: reply };
    },
    setLive(next) {
      live = {
        batch: next.batch ?? live.batch,
        clip: next.clip ?? live.clip,
        clipNorm: next.clipNorm ?? live.clipNorm,
      };
      for (const r of racers) {
        const lr = next[LR_KEY[r.kind]];
        if (lr !== undefined) setLearningRate(r.optimizer, lr);
      }
    },
    dispose() {
      for (const r of racers) {
        tf.dispose([...weightList(r.w), r.out, r.lastLoss, r.accuracy]);
        disposeOptimizer(r.optimizer);
      }
      tf.dispose([heldOut.ids, heldOut.labels, probe.ids, probe.labels]);
    },
  };
};
