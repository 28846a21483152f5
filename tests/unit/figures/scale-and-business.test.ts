/**
 * Every number lesson 16 (content/16-scale-and-business/{en,zh}.md) quotes, recomputed from the compute-cost
 * widget's own arithmetic (src/ml/compute-cost/cost.ts) with the widget's defaults or the settings the text
 * states. Nothing is parsed from the Markdown: each expectation is the value written in the text, at the
 * precision the text gives, so a change on either side fails here. Figures the lesson quotes from papers (the
 * models' parameters and tokens, the chips' peak rates) are asserted against their sources in
 * tests/unit/compute-cost.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMPUTE_COST_PARAMS } from '../../../src/ml/compute-cost/contract';
import {
  acceleratorHours,
  costReport,
  equalLossOptimum,
  optimalAllocation,
  servingFlopsPerToken,
  trainingFlops,
  type CostInputs,
} from '../../../src/ml/compute-cost/cost';
import { ACCELERATORS } from '../../../src/ml/compute-cost/hardware';
import { PUBLISHED_MODELS } from '../../../src/ml/compute-cost/published';
import { defaults } from '../../../src/state/params';

/** `value` rounded to `digits` significant digits, as the text writes it. */
const sig = (value: number, digits = 3) => Number(value.toPrecision(digits));
const model = (id: string) => PUBLISHED_MODELS.find((m) => m.id === id)!;
const ratio = (id: string) => model(id).tokens / model(id).params;

const d = defaults(COMPUTE_COST_PARAMS);
/** The widget as it opens. */
const DEFAULT: CostInputs = {
  params: d.params,
  tokens: d.tokens,
  served: d.served,
  peak: ACCELERATORS[d.accelerator].peak,
  utilization: d.utilization,
  price: d.price,
  chips: Number(d.chips),
};

describe('the defaults the text describes', () => {
  it('8 billion parameters, 15 trillion tokens, 1 trillion served, H100 at 40 %, 1,024 chips, $2 an hour', () => {
    expect(DEFAULT).toEqual({ params: 8e9, tokens: 15e12, served: 1e12, peak: 989.4e12, utilization: 0.4, price: 2, chips: 1024 });
  });
});

describe('what training costs', () => {
  it('GPT-3: 6 × 175e9 × 300e9 ≈ 3.15 × 10²³ FLOPs', () => {
    expect(sig(trainingFlops(model('gpt-3').params, model('gpt-3').tokens))).toBe(3.15e23);
  });

  it('GPT-3 on V100s at 40 %: 5 × 10¹³ FLOP/s, 1.8 × 10¹⁷ an hour, 1,750,000 V100-hours, about 71 days on 1,024, $3.5 million', () => {
    const peak = ACCELERATORS.v100.peak;
    expect(peak).toBe(125e12);
    expect(0.4 * peak).toBe(5e13);
    expect(0.4 * peak * 3600).toBe(1.8e17);
    const r = costReport({ ...DEFAULT, params: 175e9, tokens: 300e9, peak });
    expect(r.acceleratorHours).toBeCloseTo(1_750_000, 6);
    expect(Math.round(r.days)).toBe(71);
    expect(r.trainingCost).toBeCloseTo(3.5e6, 3);
  });

  it('serving: 1.6 × 10¹⁰ FLOPs per token for 8 billion parameters, 3.5 × 10¹¹ for GPT-3', () => {
    expect(servingFlopsPerToken(8e9)).toBe(1.6e10);
    expect(servingFlopsPerToken(model('gpt-3').params)).toBe(3.5e11);
  });
});

describe('the calculator as it opens', () => {
  const r = costReport(DEFAULT);

  it('1,875 tokens per parameter; 7.2 × 10²³ FLOPs; an H100 does ≈ 3.96 × 10¹⁴ useful FLOP/s', () => {
    expect(r.tokensPerParam).toBe(1875);
    expect(r.trainingFlops).toBe(7.2e23);
    expect(sig(0.4 * 989.4e12)).toBe(3.96e14);
  });

  it('about 505,000 H100-hours (50.5 万), 20.6 days on 1,024, $1.01 million (101 万美元)', () => {
    expect(sig(r.acceleratorHours)).toBe(505_000);
    expect(sig(r.days)).toBe(20.6);
    expect(sig(r.trainingCost)).toBe(1_010_000);
  });

  it('serving: about $0.0225 per million tokens', () => {
    expect(sig(r.costPerMillionTokens)).toBe(0.0225);
  });
});

describe('Llama 3.1 405B in the calculator', () => {
  const l = model('llama-3.1-405b');
  const r = costReport({ ...DEFAULT, params: l.params, tokens: l.tokens, chips: 16384 });

  it('3.79 × 10²⁵ FLOPs by the rule (the paper reports 3.8 × 10²⁵)', () => {
    expect(sig(r.trainingFlops)).toBe(3.79e25);
    expect(sig(r.trainingFlops, 2)).toBe(3.8e25);
  });

  it('about 26.6 million H100-hours at 40 % (2660 万), 67.7 days on 16,384', () => {
    expect(sig(r.acceleratorHours)).toBe(26.6e6);
    expect(sig(r.days)).toBe(67.7);
  });

  it('about 120 times GPT-3’s training compute', () => {
    const g = model('gpt-3');
    expect(Math.round(r.trainingFlops / trainingFlops(g.params, g.tokens))).toBe(120);
  });
});

describe('compute-optimal training', () => {
  it('D = 20·N gives C = 120·N², so N_opt = √(C/120); doubling C multiplies N and D by √2 ≈ 1.41', () => {
    const n = 70e9;
    expect(trainingFlops(n, 20 * n)).toBeCloseTo(120 * n * n, -10);
    expect(Math.sqrt(trainingFlops(n, 20 * n) / 120)).toBeCloseTo(n, 0);
    const nOpt = (c: number) => Math.sqrt(c / 120);
    expect(sig(nOpt(2e24) / nOpt(1e24))).toBe(1.41);
  });

  it('a model 10 times bigger, trained compute-optimally, needs 100 times the compute', () => {
    expect(trainingFlops(10 * 7e9, 20 * 10 * 7e9) / trainingFlops(7e9, 20 * 7e9)).toBeCloseTo(100, 10);
  });

  it('tokens per parameter: GPT-3 1.7, Gopher 1.1, PaLM 1.4; LLaMA 7B 149, Llama 2 7B 286, Llama 3.1 405B 38.5', () => {
    expect(sig(ratio('gpt-3'), 2)).toBe(1.7);
    expect(sig(ratio('gopher'), 2)).toBe(1.1);
    expect(sig(ratio('palm'), 2)).toBe(1.4);
    expect(ratio('chinchilla')).toBe(20);
    expect(sig(ratio('llama-7b'))).toBe(149);
    expect(sig(ratio('llama-2-7b'))).toBe(286);
    expect(sig(ratio('llama-3.1-405b'))).toBe(38.5);
  });

  it('Chinchilla 5.88 × 10²³ FLOPs, Gopher 5.04 × 10²³; Chinchilla is 4 times cheaper per token', () => {
    expect(sig(trainingFlops(model('chinchilla').params, model('chinchilla').tokens))).toBe(5.88e23);
    expect(sig(trainingFlops(model('gopher').params, model('gopher').tokens))).toBe(5.04e23);
    expect(servingFlopsPerToken(model('gopher').params) / servingFlopsPerToken(model('chinchilla').params)).toBe(4);
  });

  it('the refitted law at Chinchilla’s budget (5.76 × 10²³): 72.2 billion parameters (722 亿), 18.4 tokens per parameter', () => {
    const o = optimalAllocation(5.76e23);
    expect(sig(o.params)).toBe(72.2e9);
    expect(sig(o.tokens / o.params)).toBe(18.4);
  });
});

describe('training past the optimum: the break-even of the default configuration', () => {
  const r = costReport(DEFAULT);
  const even = r.breakEven;

  it('the equal-loss optimum: 33.8 billion parameters (338 亿), 645 billion tokens (6450 亿), 1.31 × 10²³ FLOPs', () => {
    expect(sig(even.optimum.params)).toBe(33.8e9);
    expect(sig(even.optimum.tokens)).toBe(645e9);
    expect(sig(even.optimum.flops)).toBe(1.31e23);
  });

  it('5.89 × 10²³ FLOPs more training, 2 × (33.77 − 8) × 10⁹ ≈ 5.15 × 10¹⁰ saved per token, break-even after 11.4 trillion tokens', () => {
    expect(sig(even.extraTrainingFlops)).toBe(5.89e23);
    expect(sig(even.optimum.params, 4)).toBe(33.77e9);
    expect(sig(even.savedFlopsPerToken)).toBe(5.15e10);
    expect(sig(2 * (33.77 - 8) * 1e9)).toBe(5.15e10);
    expect(sig(even.tokens!)).toBe(11.4e12);
  });

  it('lifetime cost with 1 trillion tokens served: $1.03 million against $278,000', () => {
    expect(sig(r.lifetimeCost.mine)).toBe(1_030_000);
    expect(sig(r.lifetimeCost.optimum)).toBe(278_000);
  });

  it('with 100 trillion: $3.26 million against $9.66 million', () => {
    const far = costReport({ ...DEFAULT, served: 100e12 });
    expect(sig(far.lifetimeCost.mine)).toBe(3_260_000);
    expect(sig(far.lifetimeCost.optimum)).toBe(9_660_000);
  });

  it('the break-even does not depend on the chip, the utilization or the price', () => {
    const other = costReport({ ...DEFAULT, peak: ACCELERATORS['tpu-v4'].peak, utilization: 0.25, price: 7 });
    expect(other.breakEven.tokens).toBeCloseTo(even.tokens!, 0);
  });

  it('GPT-3’s equal-loss optimum: about 41 billion parameters, 777 billion tokens, about 39 % less training compute', () => {
    const g = model('gpt-3');
    const o = equalLossOptimum(g.params, g.tokens);
    expect(sig(o.params, 2)).toBe(41e9);
    expect(sig(o.tokens)).toBe(777e9);
    expect(Math.round(100 * (1 - o.flops / trainingFlops(g.params, g.tokens)))).toBe(39);
  });
});

describe('business models', () => {
  it('7 billion parameters: 14 GB in BF16 (2 bytes), 3.5 GB in 4 bits', () => {
    expect((7e9 * 2) / 1e9).toBe(14);
    expect((7e9 * 0.5) / 1e9).toBe(3.5);
  });

  it('per million tokens at the default settings: $0.0225 with 8 billion parameters, $0.197 with 70 billion', () => {
    expect(sig(costReport(DEFAULT).costPerMillionTokens)).toBe(0.0225);
    expect(sig(costReport({ ...DEFAULT, params: 70e9 }).costPerMillionTokens)).toBe(0.197);
  });
});

describe('the quiz', () => {
  it('10 billion parameters on 200 billion tokens: 1.2 × 10²² FLOPs; 2ND = 4 × 10²¹; ND = 2 × 10²¹', () => {
    expect(trainingFlops(10e9, 200e9)).toBe(1.2e22);
    expect(2 * 10e9 * 200e9).toBe(4e21);
    expect(10e9 * 200e9).toBe(2e21);
  });

  it('70 against 7 billion parameters: 10 times the serving cost per token', () => {
    expect(servingFlopsPerToken(70e9) / servingFlopsPerToken(7e9)).toBe(10);
    expect(
      acceleratorHours(servingFlopsPerToken(70e9), 989.4e12, 0.4) / acceleratorHours(servingFlopsPerToken(7e9), 989.4e12, 0.4),
    ).toBeCloseTo(10, 12);
  });

  it('Llama 2 7B: about 286 tokens per parameter', () => {
    expect(Math.round(ratio('llama-2-7b'))).toBe(286);
  });
});
