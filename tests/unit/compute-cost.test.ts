/**
 * The compute-cost calculator's arithmetic (src/ml/compute-cost/cost.ts) against hand computations, the loss
 * fit's optimum against a brute-force search, and every published figure the widget plots against its source.
 */
import { describe, expect, it } from 'vitest';
import { COMPUTE_COST_PARAMS } from '../../src/ml/compute-cost/contract';
import {
  acceleratorHours,
  breakEven,
  costReport,
  daysOnCluster,
  equalLossOptimum,
  fittedLoss,
  LOSS_FIT,
  optimalAllocation,
  optimalTokens,
  servingFlopsPerToken,
  trainingFlops,
} from '../../src/ml/compute-cost/cost';
import { ACCELERATORS } from '../../src/ml/compute-cost/hardware';
import { PUBLISHED_MODELS } from '../../src/ml/compute-cost/published';
import { defaults } from '../../src/state/params';
import { decadeTicks, powerOfTen } from '../../src/charts/log-ticks';
import { bigCount, money, sci, sig } from '../../src/widgets/compute-cost/units';

describe('the cost formulas, by hand', () => {
  it('training compute is 6·N·D: 1 billion parameters on 20 billion tokens = 1.2 × 10²⁰ FLOPs', () => {
    expect(trainingFlops(1e9, 20e9)).toBe(1.2e20);
    // GPT-3: 6 × 175e9 × 300e9 = 3.15e23 (Brown et al. 2020, Table D.1, give 3.14e23 from their own count).
    expect(trainingFlops(175e9, 300e9)).toBeCloseTo(3.15e23, -20);
  });

  it('serving costs 2·N FLOPs per token: 16 billion for an 8-billion-parameter model', () => {
    expect(servingFlopsPerToken(8e9)).toBe(1.6e10);
    expect(servingFlopsPerToken(175e9)).toBe(3.5e11);
  });

  it('accelerator-hours = C / (peak × utilisation × 3600)', () => {
    // 1.2e20 FLOPs on A100s (312e12 FLOP/s) at 50 %: 1.56e14 FLOP/s, 1.2e20 / 1.56e14 = 769,230.77 s = 213.675 h.
    expect(acceleratorHours(1.2e20, 312e12, 0.5)).toBeCloseTo(213.675, 3);
    // 3.6e18 FLOPs at 1e15 FLOP/s exactly: 3,600 s, one hour.
    expect(acceleratorHours(3.6e18, 1e15, 1)).toBe(1);
  });

  it('days on a cluster = hours / chips / 24; cost = hours × price', () => {
    expect(daysOnCluster(24_576, 1024)).toBe(1);
    expect(daysOnCluster(213.675, 8)).toBeCloseTo(1.11289, 5);
    const r = costReport({ params: 1e9, tokens: 20e9, served: 1e9, peak: 312e12, utilization: 0.5, price: 2, chips: 8 });
    expect(r.trainingCost).toBeCloseTo(427.35, 2);
    expect(r.tokensPerParam).toBe(20);
  });

  it('serving cost per million tokens = 2·N·10⁶ / (peak × utilisation × 3600) × price', () => {
    // 1e9 parameters: 2e15 FLOPs per million tokens; at 1.56e14 FLOP/s that is 12.82 s = 0.0035613 h; × $2 = $0.0071225.
    const r = costReport({ params: 1e9, tokens: 20e9, served: 1e9, peak: 312e12, utilization: 0.5, price: 2, chips: 8 });
    expect(r.costPerMillionTokens).toBeCloseTo(0.0071225, 6);
    // Serving 1e9 tokens is 1,000 millions of them.
    expect(r.servingCost).toBeCloseTo(1000 * r.costPerMillionTokens, 9);
  });

  it('the compute-optimal rule: 20 tokens per parameter', () => {
    expect(optimalTokens(70e9)).toBe(1.4e12);
  });
});

describe('the loss fit (Besiroglu et al. 2024) and its optimum', () => {
  it('uses the refit’s published constants', () => {
    // Besiroglu, Erdil, Barnett, You (2024), Chinchilla Scaling: A replication attempt, arXiv:2404.10102, Table 1.
    expect(LOSS_FIT).toEqual({ E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 });
  });

  it('the closed-form allocation minimizes the loss at a fixed budget (checked by a search over N)', () => {
    for (const flops of [1e21, 5.76e23, 1e25]) {
      const best = optimalAllocation(flops);
      expect(6 * best.params * best.tokens).toBeCloseTo(flops, -Math.floor(Math.log10(flops)) + 9);
      for (const f of [0.9, 0.97, 1.03, 1.1]) {
        const n = best.params * f;
        expect(fittedLoss(n, flops / 6 / n)).toBeGreaterThan(best.loss);
      }
    }
  });

  it('puts the optimum near 20 tokens per parameter over the range of published models', () => {
    // 21.6 at 1e21 FLOPs, 18.4 at Gopher's and Chinchilla's budget (5.76e23), 16.5 at 3.8e25.
    const ratio = (c: number) => optimalAllocation(c).tokens / optimalAllocation(c).params;
    expect(ratio(1e21)).toBeCloseTo(21.6, 1);
    expect(ratio(5.76e23)).toBeCloseTo(18.4, 1);
    expect(ratio(3.8e25)).toBeCloseTo(16.5, 1);
  });

  it('finds the cheapest model of the same loss, and it is never dearer to train', () => {
    const o = equalLossOptimum(8e9, 1.5e13);
    expect(o.loss).toBeCloseTo(fittedLoss(8e9, 1.5e13), 10);
    // Bisection on the budget agrees with the closed form.
    let [lo, hi] = [1e18, 1e28];
    for (let i = 0; i < 200; i++) {
      const mid = Math.sqrt(lo * hi);
      if (optimalAllocation(mid).loss > o.loss) lo = mid;
      else hi = mid;
    }
    expect(o.flops / lo).toBeCloseTo(1, 8);
    for (const [n, d] of [
      [8e9, 1.5e13],
      [175e9, 300e9],
      [70e9, 1.4e12],
    ]) {
      expect(equalLossOptimum(n, d).flops).toBeLessThanOrEqual(trainingFlops(n, d) * (1 + 1e-12));
    }
  });

  it('break-even: extra training over the serving saved per token; none for an under-trained, larger model', () => {
    const small = breakEven(8e9, 1.5e13, 1e12);
    expect(small.optimum.params).toBeGreaterThan(8e9);
    expect(small.tokens).toBeCloseTo(small.extraTrainingFlops / (2 * (small.optimum.params - 8e9)), 0);
    // At the break-even the two lifetimes cost the same.
    const at = breakEven(8e9, 1.5e13, small.tokens!);
    expect(at.lifetime.mine / at.lifetime.optimum).toBeCloseTo(1, 10);
    const gpt3 = breakEven(175e9, 300e9, 1e12);
    expect(gpt3.optimum.params).toBeLessThan(175e9);
    expect(gpt3.tokens).toBeNull();
    expect(gpt3.lifetime.mine).toBeGreaterThan(gpt3.lifetime.optimum);
  });
});

describe('published figures, each against its source', () => {
  const model = (id: string) => PUBLISHED_MODELS.find((m) => m.id === id)!;

  it('GPT-3: 175 billion parameters (1750亿, not 175亿), 300 billion tokens', () => {
    // Brown et al. 2020, arXiv:2005.14165, Table 2.1 (175.0B) and §2.2 ("a total of 300 billion tokens").
    expect(model('gpt-3')).toMatchObject({ params: 175e9, tokens: 300e9, year: 2020 });
    expect(model('gpt-3').params / 1e8).toBe(1750);
  });

  it('Gopher: 280 billion parameters, 300 billion tokens', () => {
    // Rae et al. 2021, arXiv:2112.11446, Table 1 and §3.
    expect(model('gopher')).toMatchObject({ params: 280e9, tokens: 300e9 });
  });

  it('Chinchilla: 70 billion parameters, 1.4 trillion tokens', () => {
    // Hoffmann et al. 2022, arXiv:2203.15556, Table 1 and §4.
    expect(model('chinchilla')).toMatchObject({ params: 70e9, tokens: 1.4e12 });
  });

  it('PaLM: 540 billion parameters, 780 billion tokens', () => {
    // Chowdhery et al. 2022, arXiv:2204.02311, Table 1 and §3.
    expect(model('palm')).toMatchObject({ params: 540e9, tokens: 780e9 });
  });

  it('LLaMA: 6.7 billion on 1.0 trillion tokens, 65.2 billion on 1.4 trillion', () => {
    // Touvron et al. 2023a, arXiv:2302.13971, Table 2.
    expect(model('llama-7b')).toMatchObject({ params: 6.7e9, tokens: 1.0e12 });
    expect(model('llama-65b')).toMatchObject({ params: 65.2e9, tokens: 1.4e12 });
  });

  it('Llama 2: 7 and 70 billion parameters, both on 2.0 trillion tokens', () => {
    // Touvron et al. 2023b, arXiv:2307.09288, Table 1.
    expect(model('llama-2-7b')).toMatchObject({ params: 7e9, tokens: 2.0e12 });
    expect(model('llama-2-70b')).toMatchObject({ params: 70e9, tokens: 2.0e12 });
  });

  it('Llama 3.1 405B: 405 billion parameters, 15.6 trillion tokens', () => {
    // Llama Team 2024, The Llama 3 Herd of Models, arXiv:2407.21783, §1 and §3 (3.8e25 FLOPs).
    expect(model('llama-3.1-405b')).toMatchObject({ params: 405e9, tokens: 15.6e12 });
    expect(trainingFlops(405e9, 15.6e12) / 3.8e25).toBeCloseTo(1, 2);
  });

  it('every model cites a paper with a link, and ids are unique', () => {
    expect(new Set(PUBLISHED_MODELS.map((m) => m.id)).size).toBe(PUBLISHED_MODELS.length);
    for (const m of PUBLISHED_MODELS) expect(m.source.url).toMatch(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}$/);
  });

  it('the accelerators’ peak dense rates, from their makers', () => {
    // NVIDIA V100 datasheet (SXM2, tensor FP16): 125 TFLOPS. A100 datasheet: BF16 312 TFLOPS dense (624 sparse).
    // H100 whitepaper (SXM5): BF16 989.4 TFLOPS dense (1,978.9 sparse). Google Cloud TPU docs: v4 275, v5p 459.
    expect(Object.fromEntries(Object.entries(ACCELERATORS).map(([k, a]) => [k, a.peak]))).toEqual({
      v100: 125e12,
      a100: 312e12,
      h100: 989.4e12,
      'tpu-v4': 275e12,
      'tpu-v5p': 459e12,
    });
    // Every option of the select has a chip, and every chip an option.
    const options = COMPUTE_COST_PARAMS.find((p) => p.key === 'accelerator')!;
    expect(options.kind === 'choice' && options.options.map((o) => o.value)).toEqual(Object.keys(ACCELERATORS));
  });

  it('the defaults are inside the sliders', () => {
    const d = defaults(COMPUTE_COST_PARAMS);
    expect(d).toMatchObject({ params: 8e9, tokens: 1.5e13, served: 1e12, accelerator: 'h100', chips: '1024', utilization: 0.4, price: 2 });
  });
});

describe('how the widget writes numbers', () => {
  it('in words and in scientific notation, per language', () => {
    expect(sci(7.2e23)).toBe('7.20 × 10²³');
    expect(sig(20.5737)).toBe('20.6');
    expect(bigCount(8e9, 'en')).toBe('8 billion');
    expect(bigCount(8e9, 'zh')).toBe('80 亿');
    expect(bigCount(1.5e13, 'zh')).toBe('15 万亿');
    expect(bigCount(505_357, 'en')).toBe('505,000');
    expect(bigCount(505_357, 'zh')).toBe('50.5 万');
    expect(money(1_010_714, 'en')).toBe('$1.01 million');
    expect(money(1_010_714, 'zh')).toBe('101 万美元');
    expect(money(0.022461, 'en')).toBe('$0.0225');
  });

  it('log axes: a tick at every power of ten, written 10ⁿ', () => {
    expect(decadeTicks(1e8, 1e12)).toEqual([1e8, 1e9, 1e10, 1e11, 1e12]);
    expect(powerOfTen(1e13)).toBe('10¹³');
    expect(powerOfTen(1e5)).toBe('10⁵');
    expect(powerOfTen(0.01)).toBe('10⁻²');
  });
});
