/**
 * The finished models as the page draws them (tfjs-free): the k-th step's record belongs to the k-th model of
 * the plan, so its size, data and compute come from the plan and the loss from the record.
 */
import { CHECKPOINTS, fitPowerLaw, parameterCount, trainingFlops, type PlannedModel, type PowerLawFit } from './math';

export interface FinishedModel extends PlannedModel {
  parameters: number;
  /** Validation MSE at the end of its training. */
  loss: number;
  trainLoss: number;
  /** Training FLOPs (6·N·examples seen) and validation MSE after 1/8, 1/4, 1/2 and all of its steps. */
  curve: { flops: number; loss: number }[];
}

/**
 * `losses[k]` is model k's final validation MSE; `traces` holds the initial trace then one record per step,
 * `width` values each: [training MSE, validation MSE at 1/8, 1/4, 1/2].
 */
export function finishedModels(
  plan: readonly PlannedModel[],
  losses: readonly number[],
  traces: readonly number[],
  width: number,
  modelSteps: number,
): FinishedModel[] {
  const count = Math.min(plan.length, losses.length, width ? traces.length / width - 1 : 0);
  return Array.from({ length: count }, (_, k) => {
    const model = plan[k];
    const parameters = parameterCount(model.width);
    const record = traces.slice((k + 1) * width, (k + 2) * width);
    const atCheckpoint = [record[1], record[2], record[3], losses[k]];
    return {
      ...model,
      parameters,
      loss: losses[k],
      trainLoss: record[0],
      curve: CHECKPOINTS.map((f, i) => ({
        flops: trainingFlops(parameters, model.examples, Math.round(f * modelSteps)),
        loss: atCheckpoint[i],
      })),
    };
  });
}

/** The width series' fit L(N) = a·N^(−α) + L∞, over every finished model of it (every seed). */
export function widthFit(models: readonly FinishedModel[]): PowerLawFit | null {
  return fitPowerLaw(models.filter((m) => m.series === 'width').map((m) => ({ n: m.parameters, loss: m.loss })));
}

/** The data series' fit L(D) = b·D^(−β) + L∞, D the training-set size. */
export function dataFit(models: readonly FinishedModel[]): PowerLawFit | null {
  return fitPowerLaw(models.filter((m) => m.series === 'data').map((m) => ({ n: m.examples, loss: m.loss })));
}

/** Mean, lowest and highest loss at each size of a series (the spread over seeds). */
export function spread(models: readonly FinishedModel[], size: (m: FinishedModel) => number) {
  const groups = new Map<number, number[]>();
  for (const m of models) groups.set(size(m), [...(groups.get(size(m)) ?? []), m.loss]);
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([x, ls]) => ({
      x,
      mean: ls.reduce((s, l) => s + l, 0) / ls.length,
      low: Math.min(...ls),
      high: Math.max(...ls),
      count: ls.length,
    }));
}
