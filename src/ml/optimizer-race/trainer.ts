/**
 * The optimizer race: SGD, Momentum, RMSProp and Adam — tfjs's own optimizers — each moving its own point
 * over the same 2-D surface from the same start. One step moves every racer once.
 *
 * A racer whose point leaves the finite world (|x| or |y| ≥ 1000, NaN, ∞) is frozen where it last was and
 * marked out, so one diverging optimizer does not stop the others; the run as a whole diverges only when
 * every racer is out. All of it stays on the device: no read-back inside a step.
 */
import * as tf from '@tensorflow/tfjs';
import { startPoint, surfaceGrid, surfaceNamed, type Surface, type SurfaceName } from './surfaces';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';
import type { ModelFactory } from '../tfjs/trainable';
import {
  OPTIMIZER_EPSILON,
  OUT_OF_BOUNDS,
  RACER_TRACE,
  RACERS,
  type OptimizerRaceInfo,
  type OptimizerRaceParams,
  type RacerName,
} from './contract';

const GRID_SIZE = 120;

const LR_KEY: Record<RacerName, 'lrSgd' | 'lrMomentum' | 'lrRmsprop' | 'lrAdam'> = {
  sgd: 'lrSgd',
  momentum: 'lrMomentum',
  rmsprop: 'lrRmsprop',
  adam: 'lrAdam',
};

export function createOptimizer(name: RacerName, params: OptimizerRaceParams): tf.Optimizer {
  const lr = params[LR_KEY[name]];
  switch (name) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, params.mu);
    case 'rmsprop':
      return tf.train.rmsprop(lr, params.rho, 0, OPTIMIZER_EPSILON);
    case 'adam':
      return tf.train.adam(lr, params.beta1, params.beta2, OPTIMIZER_EPSILON);
  }
}

/**
 * The surface's value and gradient at p = (x, y) as tfjs ops (the same formulas as surfaces.ts). The point
 * is one 2-vector, so each optimizer updates both coordinates with one set of kernels: on the wasm backend
 * a kernel's fixed cost, not its arithmetic, is what a step of this race costs.
 */
function surfaceOps(name: SurfaceName, p: tf.Tensor1D, weights: tf.Tensor1D): { f: tf.Scalar; g: tf.Tensor1D } {
  if (name === 'bowl') {
    // f = ½ Σ wᵢpᵢ² with w = (1, 100); ∇f = w ⊙ p.
    const g = tf.mul(weights, p) as tf.Tensor1D;
    return { f: tf.mul(0.5, tf.sum(tf.mul(g, p))), g };
  }
  const [x, y] = tf.unstack(p) as [tf.Scalar, tf.Scalar];
  if (name === 'rosenbrock') {
    const ridge = tf.sub(y, tf.square(x));
    const oneMinusX = tf.sub(1, x);
    return {
      f: tf.add(tf.square(oneMinusX), tf.mul(100, tf.square(ridge))),
      g: tf.stack([tf.sub(tf.mul(-2, oneMinusX), tf.mul(400, tf.mul(x, ridge))), tf.mul(200, ridge)]) as tf.Tensor1D,
    };
  }
  const ySquared = tf.square(y);
  return {
    f: tf.add(tf.square(x), tf.sub(tf.div(tf.square(ySquared), 4), tf.div(ySquared, 2))),
    g: tf.stack([tf.mul(2, x), tf.mul(y, tf.sub(ySquared, 1))]) as tf.Tensor1D,
  };
}

interface Racer {
  name: RacerName;
  /** The point (x, y). */
  p: tf.Variable<tf.Rank.R1>;
  out: tf.Variable<tf.Rank.R0>;
  optimizer: tf.Optimizer;
}

export const createOptimizerRace: ModelFactory<OptimizerRaceParams> = (params) => {
  const surface: Surface = surfaceNamed(params.surface);
  const start = startPoint(surface, params.x0, params.y0);
  const names = RACERS.filter((name) => params[name]);
  // Inside tidy so the initial tensors are freed; variables survive it.
  const racers: Racer[] = names.map((name) => ({
    name,
    ...tf.tidy(() => ({ p: tf.variable(tf.tensor1d(start)), out: tf.variable(tf.scalar(0)) })),
    optimizer: createOptimizer(name, params),
  }));
  const weights = tf.tensor1d([1, 100]);
  const info: OptimizerRaceInfo = {
    surface: surface.name,
    racers: names,
    start,
    minima: surface.minima,
    fMin: surface.fMin,
    grid: surfaceGrid(surface, GRID_SIZE, GRID_SIZE),
  };
  const gap0 = surface.f(start[0], start[1]) - surface.fMin;

  function stepRacer(racer: Racer): tf.Tensor[] {
    const { p, out } = racer;
    const before = tf.tidy(() => {
      const { f, g } = surfaceOps(surface.name, p, weights);
      return { gap: tf.reshape(tf.sub(f, surface.fMin), [1]), g, p: tf.clone(p) };
    });
    racer.optimizer.applyGradients([{ name: p.name, tensor: before.g }]);
    const record = tf.tidy(() => {
      const inside = tf.all(tf.less(tf.abs(p), OUT_OF_BOUNDS));
      const nowOut = tf.maximum(out, tf.sub(1, tf.cast(inside, 'float32')));
      p.assign(tf.where(tf.cast(nowOut, 'bool'), before.p, p) as tf.Tensor1D);
      // A racer already out reports its frozen loss; `out` before this step tells the race which count.
      const record = [before.gap, tf.clone(p), tf.reshape(nowOut, [1]), tf.reshape(out, [1])];
      out.assign(nowOut as tf.Scalar);
      return record;
    });
    tf.dispose([before.g, before.p]);
    return record;
  }

  return {
    traceNames: racers.flatMap((r) => RACER_TRACE.map((value) => `${r.name}.${value}`)),
    initialTrace: racers.flatMap(() => [gap0, start[0], start[1], 0]),
    info,
    step() {
      const records = racers.map(stepRacer);
      return tf.tidy(() => {
        // The race's own loss: the best racer still in (∞ once all are out, which stops the run).
        const gaps = tf.concat(records.map((r) => r[0]));
        const wasOut = tf.concat(records.map((r) => r[3]));
        const best = tf.reshape(tf.min(tf.where(tf.cast(wasOut, 'bool'), tf.fill([racers.length], Infinity), gaps)), [1]);
        const result = tf.concat([best, ...records.flatMap((r) => r.slice(0, 3))]) as tf.Tensor1D;
        tf.dispose(records.flat());
        return result;
      });
    },
    setLive(next) {
      for (const racer of racers) {
        const lr = next[LR_KEY[racer.name]];
        if (lr !== undefined) setLearningRate(racer.optimizer, lr);
      }
    },
    dispose() {
      for (const racer of racers) {
        tf.dispose([racer.p, racer.out]);
        disposeOptimizer(racer.optimizer);
      }
      weights.dispose();
    },
  };
};
