/**
 * The arithmetic of training and serving a dense transformer language model, in plain TypeScript.
 *
 * - Training: C ≈ 6·N·D FLOPs for N parameters and D tokens (Kaplan et al. 2020, §2.1; Hoffmann et al. 2022):
 *   each token costs about 2·N in the forward pass (one multiply and one add per weight) and about 4·N in the
 *   backward pass (gradients with respect to the activations and to the weights). Attention over the context
 *   adds a term that is small next to N for these models and is left out.
 * - Serving: about 2·N FLOPs per generated token (the forward pass only).
 * - Time: accelerator-hours = C / (peak FLOP/s × utilisation × 3600); days on a cluster = hours / chips / 24.
 * - Compute-optimal training: about 20 tokens per parameter (Hoffmann et al. 2022).
 * - Equal quality: the loss of N parameters trained on D tokens, L(N, D) = E + A/N^α + B/D^β, fitted to the
 *   runs of Hoffmann et al. (2022) by Besiroglu et al. (2024), gives the compute-optimal model of the same loss
 *   and so the break-even of training a smaller model for longer.
 */

/** FLOPs per parameter per training token: 2 forward + 4 backward. */
export const TRAIN_FLOPS_PER_PARAM_TOKEN = 6;
/** FLOPs per parameter per generated token: the forward pass. */
export const SERVE_FLOPS_PER_PARAM_TOKEN = 2;
/** Compute-optimal tokens per parameter (Hoffmann et al. 2022, the Chinchilla rule of thumb). */
export const OPTIMAL_TOKENS_PER_PARAM = 20;
const SECONDS_PER_HOUR = 3600;

export const trainingFlops = (params: number, tokens: number) => TRAIN_FLOPS_PER_PARAM_TOKEN * params * tokens;
export const servingFlopsPerToken = (params: number) => SERVE_FLOPS_PER_PARAM_TOKEN * params;
/** Tokens that train N parameters compute-optimally, by the 20-per-parameter rule. */
export const optimalTokens = (params: number) => OPTIMAL_TOKENS_PER_PARAM * params;

/** Hours of one accelerator doing `flops` at `utilization` of its `peak` FLOP/s. */
export function acceleratorHours(flops: number, peak: number, utilization: number): number {
  return flops / (peak * utilization * SECONDS_PER_HOUR);
}

/** Wall-clock days for `hours` of accelerator time shared by `chips` accelerators working in parallel. */
export function daysOnCluster(hours: number, chips: number): number {
  return hours / chips / 24;
}

/**
 * The loss law L(N, D) = E + A/N^α + B/D^β, as fitted by Besiroglu, Erdil, Barnett and You (2024), Chinchilla
 * Scaling: A replication attempt, arXiv:2404.10102, to the runs of Hoffmann et al. (2022): E = 1.8172,
 * A = 482.01, B = 2085.43, α = 0.3478, β = 0.3658. (Hoffmann et al.'s own rounded fit, E = 1.69, A = 406.4,
 * B = 410.7, α = 0.34, β = 0.28, puts the optimum at Chinchilla's budget, 5.76·10²³ FLOPs, near 32 billion
 * parameters and 93 tokens per parameter, inconsistent with their two other methods; the refit gives about 72
 * billion and 18, in line with them.) The loss is in nats per
 * token on their data set: it compares configurations with one another, not with other models' losses.
 */
export const LOSS_FIT = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 } as const;

export function fittedLoss(params: number, tokens: number, fit = LOSS_FIT): number {
  return fit.E + fit.A / params ** fit.alpha + fit.B / tokens ** fit.beta;
}

export interface Allocation {
  params: number;
  tokens: number;
  flops: number;
  loss: number;
}

/**
 * The fit's best split of a compute budget C = 6·N·D: minimizing A/N^α + B/D^β with N·D = C/6 gives
 * N* = G·(C/6)^(β/(α+β)) with G = (αA/(βB))^(1/(α+β)), and D* = (C/6)/N*.
 */
export function optimalAllocation(flops: number, fit = LOSS_FIT): Allocation {
  const { A, B, alpha, beta } = fit;
  const g = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  const budget = flops / TRAIN_FLOPS_PER_PARAM_TOKEN;
  const params = g * budget ** (beta / (alpha + beta));
  const tokens = budget / params;
  return { params, tokens, flops, loss: fittedLoss(params, tokens, fit) };
}

/**
 * The compute-optimal model (by the fit) that reaches the same loss as N parameters trained on D tokens: the
 * cheapest model to train for that quality. Along the optimum both terms fall as (C/6)^(−αβ/(α+β)), so
 * L*(C) = E + K·(C/6)^(−γ) with γ = αβ/(α+β) and K = A·G^(−α) + B·G^β, which inverts in closed form.
 */
export function equalLossOptimum(params: number, tokens: number, fit = LOSS_FIT): Allocation {
  const { E, A, B, alpha, beta } = fit;
  const g = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  const gamma = (alpha * beta) / (alpha + beta);
  const k = A * g ** -alpha + B * g ** beta;
  const loss = fittedLoss(params, tokens, fit);
  const budget = (k / (loss - E)) ** (1 / gamma);
  return optimalAllocation(TRAIN_FLOPS_PER_PARAM_TOKEN * budget, fit);
}

export interface BreakEven {
  /** The compute-optimal model of the same fitted loss. */
  optimum: Allocation;
  /** Training FLOPs spent beyond the optimum's (never negative: the optimum is the cheapest to train). */
  extraTrainingFlops: number;
  /** Serving FLOPs saved per token by the smaller model: 2·(N* − N); negative when the model is the larger one. */
  savedFlopsPerToken: number;
  /**
   * Tokens served after which the smaller model has paid for its longer training: extra / saved. Null when
   * the configuration is not smaller than the optimum (nothing is saved at serving time).
   */
  tokens: number | null;
  /** Lifetime FLOPs (training + serving `served` tokens) of the configuration and of the optimum. */
  lifetime: { mine: number; optimum: number };
}

export function breakEven(params: number, tokens: number, served: number, fit = LOSS_FIT): BreakEven {
  const optimum = equalLossOptimum(params, tokens, fit);
  const extraTrainingFlops = Math.max(0, trainingFlops(params, tokens) - optimum.flops);
  const savedFlopsPerToken = servingFlopsPerToken(optimum.params) - servingFlopsPerToken(params);
  return {
    optimum,
    extraTrainingFlops,
    savedFlopsPerToken,
    tokens: savedFlopsPerToken > 0 ? extraTrainingFlops / savedFlopsPerToken : null,
    lifetime: {
      mine: trainingFlops(params, tokens) + servingFlopsPerToken(params) * served,
      optimum: optimum.flops + servingFlopsPerToken(optimum.params) * served,
    },
  };
}

export interface CostInputs {
  params: number;
  tokens: number;
  served: number;
  /** Peak FLOP/s of one accelerator. */
  peak: number;
  utilization: number;
  /** US dollars per accelerator-hour. */
  price: number;
  chips: number;
}

export interface CostReport {
  trainingFlops: number;
  tokensPerParam: number;
  acceleratorHours: number;
  days: number;
  trainingCost: number;
  servingFlopsPerToken: number;
  /** Cost of generating one million tokens at the same utilisation and price. */
  costPerMillionTokens: number;
  /** Cost of generating all the tokens served. */
  servingCost: number;
  breakEven: BreakEven;
  /** Money equivalents of the break-even's FLOPs at the same rate. */
  lifetimeCost: { mine: number; optimum: number };
}

/** Every figure the widget shows, from its inputs. */
export function costReport(inputs: CostInputs): CostReport {
  const { params, tokens, served, peak, utilization, price, chips } = inputs;
  const dollars = (flops: number) => acceleratorHours(flops, peak, utilization) * price;
  const flops = trainingFlops(params, tokens);
  const hours = acceleratorHours(flops, peak, utilization);
  const perToken = servingFlopsPerToken(params);
  const even = breakEven(params, tokens, served);
  return {
    trainingFlops: flops,
    tokensPerParam: tokens / params,
    acceleratorHours: hours,
    days: daysOnCluster(hours, chips),
    trainingCost: hours * price,
    servingFlopsPerToken: perToken,
    costPerMillionTokens: dollars(perToken * 1e6),
    servingCost: dollars(perToken * served),
    breakEven: even,
    lifetimeCost: { mine: dollars(even.lifetime.mine), optimum: dollars(even.lifetime.optimum) },
  };
}
