/**
 * Every number lesson 09 (content/09-evaluation/{en,zh}.md) quotes, recomputed from the metrics widget's own
 * model: its data, its tfjs trainer on the cpu backend, and the read-outs the widget computes from the
 * weights (threshold.ts and shared/metrics.ts), plus the hand examples. "Twenty draws" are seeds 1–20,
 * trained with the plain-TypeScript gradient (the trainer's formula; it gives the same weights to float32).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS_PARAMS, type MetricsInfo, type MetricsParams } from '../../../src/ml/metrics/contract';
import { EVAL_SIZE, makeMetricsData, positiveCentre, TRAIN_SIZE } from '../../../src/ml/metrics/data';
import { alwaysNegativeAccuracy, reportAt, scoreEvaluation, type ScoredEvaluation } from '../../../src/ml/metrics/threshold';
import { createMetrics } from '../../../src/ml/metrics/trainer';
import { logLossGradient, sigmoid, type Weights2D } from '../../../src/ml/logistic-regression/math';
import type { Points2D } from '../../../src/ml/shared/classification-data';
import { accuracy, aucByRanks, confusionMatrix, f1, precision, recall, rocCurve, auc } from '../../../src/ml/shared/metrics';
import { defaults } from '../../../src/state/params';
import { setFiguresBackend, train } from './train';

const DEFAULTS = defaults(METRICS_PARAMS) as MetricsParams;

interface Trained {
  info: MetricsInfo;
  /** The weights after step k (1-based). */
  after(step: number): Weights2D;
  scored(step?: number): ScoredEvaluation;
}

function run(settings: Partial<MetricsParams>): Trained {
  const params = { ...DEFAULTS, ...settings };
  const result = train(createMetrics, params, params.steps);
  const info = result.info as MetricsInfo;
  const after = (step: number) => {
    const [w1, w2, b] = result.traces[step - 1];
    return { w1, w2, b };
  };
  return { info, after, scored: (step = params.steps) => scoreEvaluation(info.evaluation, after(step), 20) };
}

const percent = (value: number) => (value * 100).toFixed(1);
const report = (t: Trained, threshold: number, step?: number) => reportAt(t.scored(step).z, t.info.evaluation.label, threshold);

function descend(points: Points2D, steps = 300, lr = 0.5): Weights2D {
  let w = { w1: 0, w2: 0, b: 0 };
  for (let k = 0; k < steps; k++) {
    const g = logLossGradient(points, w);
    w = { w1: w.w1 - lr * g.w1, w2: w.w2 - lr * g.w2, b: w.b - lr * g.b };
  }
  return w;
}

/** The twenty draws: AUC, accuracy and recall at t = 0.5 for seeds 1–20. */
function draws(positives: number) {
  return Array.from({ length: 20 }, (_, i) => {
    const data = makeMetricsData(positives, 2, i + 1);
    const scored = scoreEvaluation(data.evaluation, descend(data.train), 20);
    const at = reportAt(scored.z, data.evaluation.label, 0.5);
    return { auc: scored.auc, accuracy: at.accuracy, recall: at.recall };
  });
}
const range = (values: number[], digits: number) => [Math.min(...values), Math.max(...values)].map((v) => v.toFixed(digits));

beforeAll(setFiguresBackend);

describe('the ten patients', () => {
  const scores = [0.95, 0.8, 0.7, 0.3, 0.65, 0.55, 0.3, 0.2, 0.1, 0.05];
  const labels = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];

  it('t = 0.5: TP 3, FP 2, FN 1, TN 4; accuracy 0.7, precision 0.6, recall 0.75, F1 6/9 ≈ 0.667', () => {
    const m = confusionMatrix(scores, labels, 0.5);
    expect(m).toEqual({ tp: 3, fp: 2, fn: 1, tn: 4 });
    expect(accuracy(m)).toBe(0.7);
    expect(precision(m)).toBe(0.6);
    expect(recall(m)).toBe(0.75);
    expect(f1(m)).toBe(6 / 9);
    expect(f1(m).toFixed(3)).toBe('0.667');
  });

  it('t = 0.6: precision 0.75, recall 0.75, accuracy 0.8; t = 0.3: recall 1, precision 4/7 ≈ 0.57 (a score equal to t counts as flagged)', () => {
    const high = confusionMatrix(scores, labels, 0.6);
    expect([precision(high), recall(high), accuracy(high)]).toEqual([0.75, 0.75, 0.8]);
    const low = confusionMatrix(scores, labels, 0.3);
    expect(recall(low)).toBe(1);
    expect(precision(low)).toBe(4 / 7);
    expect(precision(low).toFixed(2)).toBe('0.57');
    expect(low.tp + low.fp).toBe(7);
  });

  it('the ROC curve: up three times, right twice, one diagonal step for the tie at 0.3, right three times; AUC (18 + 3.5)/24 ≈ 0.896', () => {
    const roc = rocCurve(scores, labels);
    const steps = roc.slice(1).map((p, k) => [Math.round((p.fpr - roc[k].fpr) * 6), Math.round((p.tpr - roc[k].tpr) * 4)]);
    expect(steps).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    expect(aucByRanks(scores, labels)).toBe((18 + 3.5) / 24);
    expect(auc(roc)).toBeCloseTo((18 + 3.5) / 24, 12);
    expect(((18 + 3.5) / 24).toFixed(3)).toBe('0.896');
  });

  it('when nothing is flagged precision is 0/0; the widget shows 0, as scikit-learn does', () => {
    const none = confusionMatrix(scores, labels, 1.1);
    expect(none.tp + none.fp).toBe(0);
    expect(precision(none)).toBe(0);
  });
});

describe('F1 and the other means', () => {
  it('flag everyone with 5 % positives: arithmetic mean 0.525, harmonic 2·0.05·1/1.05 ≈ 0.095', () => {
    expect((0.05 + 1) / 2).toBe(0.525);
    const m = { tp: 5, fp: 95, fn: 0, tn: 0 };
    expect(f1(m).toFixed(3)).toBe('0.095');
  });

  it('F1 is never more than twice the smaller of P and R', () => {
    for (const [p, r] of [
      [1, 0.1],
      [0.3, 0.9],
      [0.5, 0.5],
    ])
      expect((2 * p * r) / (p + r)).toBeLessThanOrEqual(2 * Math.min(p, r));
  });

  it('the quiz: P = 1, R = 0.1 give F1 ≈ 0.18; the arithmetic mean 0.55, the geometric about 0.32', () => {
    expect(((2 * 1 * 0.1) / 1.1).toFixed(2)).toBe('0.18');
    expect((1 + 0.1) / 2).toBe(0.55);
    expect(Math.sqrt(0.1).toFixed(2)).toBe('0.32');
  });
});

describe('the first widget (50 % positives, separation 2)', () => {
  let balanced: Trained;
  beforeAll(() => {
    balanced = run({});
  });

  it('400 training points, 1,000 evaluation points; lr 0.5, 300 steps', () => {
    expect([TRAIN_SIZE, EVAL_SIZE]).toEqual([400, 1000]);
    expect([DEFAULTS.lr, DEFAULTS.steps, DEFAULTS.positives, DEFAULTS.separation, DEFAULTS.threshold]).toEqual([0.5, 300, 50, 2, 0.5]);
  });

  it('before training every point is flagged: TP 500, FP 500, accuracy 50 %, recall 100 %, precision 50 %; the AUC reads 0.5', () => {
    const zero = scoreEvaluation(balanced.info.evaluation, { w1: 0, w2: 0, b: 0 }, 20);
    const at = reportAt(zero.z, balanced.info.evaluation.label, 0.5);
    expect(at.matrix).toMatchObject({ tp: 500, fp: 500 });
    expect([at.accuracy, at.recall, at.precision]).toEqual([0.5, 1, 0.5]);
    expect(zero.roc.length).toBe(2);
    expect(zero.auc).toBe(0.5);
  });

  it('after 300 steps at 0.5: TP 418, FP 90, FN 82, TN 410; accuracy 82.8 %, precision 82.3 %, recall 83.6 %, F1 82.9 %', () => {
    const at = report(balanced, 0.5);
    expect(at.matrix).toEqual({ tp: 418, fp: 90, fn: 82, tn: 410 });
    expect([percent(at.accuracy), percent(at.precision), percent(at.recall), percent(at.f1)]).toEqual(['82.8', '82.3', '83.6', '82.9']);
  });

  it('each cloud has about 16 % of its points beyond the halfway line, so no classifier averages more than about 84 %', () => {
    // The centres are 2 standard deviations apart: each is 1 from the halfway line.
    const phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
    expect(Math.round((1 - phi(1)) * 100)).toBe(16);
    expect(Math.round(phi(1) * 100)).toBe(84);
    expect(Math.hypot(...positiveCentre(2))).toBeCloseTo(1, 12);
  });

  it('t = 0.8: TP 307, FP 20, precision 93.9 %, recall 61.4 %, F1 74.2 %; t = 0.9: 98.6 % and 43.6 %', () => {
    const high = report(balanced, 0.8);
    expect(high.matrix).toMatchObject({ tp: 307, fp: 20 });
    expect([percent(high.precision), percent(high.recall), percent(high.f1)]).toEqual(['93.9', '61.4', '74.2']);
    const higher = report(balanced, 0.9);
    expect([percent(higher.precision), percent(higher.recall)]).toEqual(['98.6', '43.6']);
  });

  it('t = 0.3: recall 94.4 %, precision 75.4 %, F1 83.8 % (its best on the slider), accuracy 81.8 %; accuracy peaks at 82.9 % near 0.6', () => {
    const low = report(balanced, 0.3);
    expect([percent(low.recall), percent(low.precision), percent(low.f1), percent(low.accuracy)]).toEqual(['94.4', '75.4', '83.8', '81.8']);
    const slider = Array.from({ length: 99 }, (_, k) => (k + 1) / 100).map((t) => ({ t, ...report(balanced, t) }));
    const bestF1 = slider.reduce((a, b) => (b.f1 > a.f1 ? b : a));
    expect(bestF1.t).toBe(0.3);
    const bestAccuracy = slider.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
    expect(percent(bestAccuracy.accuracy)).toBe('82.9');
    expect(Math.abs(bestAccuracy.t - 0.6)).toBeLessThanOrEqual(0.02);
  });

  it('the AUC is 0.918 after one step and stays there; after that step only 1 point is flagged at 0.7, against 397 after 300', () => {
    expect(balanced.scored(1).auc.toFixed(3)).toBe('0.918');
    expect(balanced.scored(300).auc.toFixed(3)).toBe('0.918');
    const early = report(balanced, 0.7, 1).matrix;
    expect(early.tp + early.fp).toBe(1);
    const late = report(balanced, 0.7).matrix;
    expect(late.tp + late.fp).toBe(397);
  });

  it('the ROC dot: t = 0.1 at FPR 57 %, TPR 98.4 %; 0.5 at 18 %, 83.6 %; 0.9 at 0.6 %, 43.6 %; 0.8 at 4 %, 61.4 % (the quiz)', () => {
    const dot = (t: number) => {
      const at = report(balanced, t);
      return [percent(at.fpr), percent(at.recall)];
    };
    expect(dot(0.1)).toEqual(['57.0', '98.4']);
    expect(dot(0.5)).toEqual(['18.0', '83.6']);
    expect(dot(0.9)).toEqual(['0.6', '43.6']);
    expect(dot(0.8)).toEqual(['4.0', '61.4']);
  });

  it('separation 0.5: AUC 0.633; 4: AUC 0.998 and accuracy 98.1 % at 0.5', () => {
    expect(run({ separation: 0.5 }).scored().auc.toFixed(3)).toBe('0.633');
    const far = run({ separation: 4 });
    expect(far.scored().auc.toFixed(3)).toBe('0.998');
    expect(percent(report(far, 0.5).accuracy)).toBe('98.1');
  });

  it('twenty draws: accuracy at 0.5 from 81.8 % to 85.7 %, AUC from 0.907 to 0.933', () => {
    const twenty = draws(50);
    expect(
      range(
        twenty.map((d) => d.accuracy * 100),
        1,
      ),
    ).toEqual(['81.8', '85.7']);
    expect(
      range(
        twenty.map((d) => d.auc),
        3,
      ),
    ).toEqual(['0.907', '0.933']);
  });
});

describe('5 % positives', () => {
  let rare: Trained;
  beforeAll(() => {
    rare = run({ positives: 5 });
  });

  it('20 of the 400 training points, 50 of the 1,000 evaluation points; always-negative accuracy 95 %', () => {
    const count = (p: Points2D) => p.label.reduce((a, b) => a + b, 0);
    expect(count(rare.info.train)).toBe(20);
    expect(count(rare.info.evaluation)).toBe(50);
    expect(alwaysNegativeAccuracy(rare.info.evaluation.label)).toBe(0.95);
  });

  it('at 0.5: TP 18, FP 2, FN 32, TN 948; accuracy 96.6 % (1.6 points above the baseline), recall 36 %, precision 90 %, F1 51.4 %', () => {
    const at = report(rare, 0.5);
    expect(at.matrix).toEqual({ tp: 18, fp: 2, fn: 32, tn: 948 });
    expect([percent(at.accuracy), percent(at.recall), percent(at.precision), percent(at.f1)]).toEqual(['96.6', '36.0', '90.0', '51.4']);
    expect((at.accuracy - 0.95) * 100).toBeCloseTo(1.6, 10);
  });

  it('the AUC is 0.938; twenty draws range from 0.887 to 0.947, with recall at 0.5 from 12 % to 38 %', () => {
    expect(rare.scored().auc.toFixed(3)).toBe('0.938');
    const twenty = draws(5);
    expect(
      range(
        twenty.map((d) => d.auc),
        3,
      ),
    ).toEqual(['0.887', '0.947']);
    expect(
      range(
        twenty.map((d) => d.recall * 100),
        0,
      ),
    ).toEqual(['12', '38']);
    expect(100 / 50).toBe(2);
  });

  it('the centre of the positive cloud gets only p ≈ 0.28; the negative cloud is nineteen times larger', () => {
    const w = rare.after(300);
    const [c1, c2] = positiveCentre(2);
    expect(sigmoid(w.w1 * c1 + w.w2 * c2 + w.b).toFixed(2)).toBe('0.28');
    expect(950 / 50).toBe(19);
  });

  it('t = 0.3: recall 58 %, precision 70.7 %, F1 63.7 %, accuracy 96.7 %; t = 0.1: recall 76 %, precision 30.2 %, accuracy 90 %', () => {
    const low = report(rare, 0.3);
    expect([percent(low.recall), percent(low.precision), percent(low.f1), percent(low.accuracy)]).toEqual(['58.0', '70.7', '63.7', '96.7']);
    const lower = report(rare, 0.1);
    expect([percent(lower.recall), percent(lower.precision), percent(lower.accuracy)]).toEqual(['76.0', '30.2', '90.0']);
  });

  it('the costs at t = 0.1: TP 38, FP 88, FN 12, TN 862, cost 208 against 322 at 0.5; the lowest on the slider 204, at 0.11', () => {
    const at = report(rare, 0.1).matrix;
    expect(at).toEqual({ tp: 38, fp: 88, fn: 12, tn: 862 });
    const cost = (t: number) => {
      const m = report(rare, t).matrix;
      return 10 * m.fn + m.fp;
    };
    expect(cost(0.1)).toBe(208);
    expect(cost(0.5)).toBe(322);
    const slider = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
    const best = slider.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    expect([best, cost(best)]).toEqual([0.11, 204]);
    expect((1 / 11).toFixed(2)).toBe('0.09');
  });

  it('precision at the balanced TPR 83.6 % and FPR 18 % with 5 % positives: 0.0418/(0.0418 + 0.171) ≈ 20 %', () => {
    const [tpr, fpr, pi] = [0.836, 0.18, 0.05];
    expect((tpr * pi).toFixed(4)).toBe('0.0418');
    expect((fpr * (1 - pi)).toFixed(3)).toBe('0.171');
    expect(Math.round(((tpr * pi) / (tpr * pi + fpr * (1 - pi))) * 100)).toBe(20);
  });
});

describe('1 % positives', () => {
  it('10 of 1,000 positive, baseline 99 %; from step 37 on nothing is flagged at 0.5 (precision 0/0, shown as 0); AUC about 0.92 at step 300, 0.96 after step 1; 4 positive training points', () => {
    const rarest = run({ positives: 1 });
    expect(rarest.info.evaluation.label.reduce((a, b) => a + b, 0)).toBe(10);
    expect(alwaysNegativeAccuracy(rarest.info.evaluation.label)).toBe(0.99);
    expect(rarest.info.train.label.reduce((a, b) => a + b, 0)).toBe(4);
    const flagged = (step: number) => {
      const m = report(rarest, 0.5, step).matrix;
      return m.tp + m.fp;
    };
    expect(flagged(36)).toBeGreaterThan(0);
    for (let step = 37; step <= 300; step++) expect(flagged(step)).toBe(0);
    const last = report(rarest, 0.5);
    expect([last.accuracy, last.recall, last.f1, last.precision]).toEqual([0.99, 0, 0, 0]);
    expect(rarest.scored().auc.toFixed(2)).toBe('0.92');
    expect(rarest.scored(1).auc.toFixed(2)).toBe('0.96');
  });
});

describe('hand-computed figures', () => {
  it('the fraud model: 99.9 % for never flagging; 90 caught with 500 false alarms is (90 + 99,400)/100,000 = 99.49 %', () => {
    expect(1 - 100 / 100_000).toBe(0.999);
    expect(100_000 - 100 - 500).toBe(99_400);
    expect((90 + 99_400) / 100_000).toBe(0.9949);
  });

  it('class weights n₋/n₊ = 19 at 5 %', () => {
    expect(95 / 5).toBe(19);
  });

  it('a random fold of 200 from 1,000 with 5 % positives holds 10 give or take about 3', () => {
    const sd = Math.sqrt(200 * 0.05 * 0.95 * ((1000 - 200) / (1000 - 1)));
    expect(200 * 0.05).toBe(10);
    expect(Math.round(sd)).toBe(3);
  });

  it('quiz 1: 8 of 30 flagged are sick of 10: precision ≈ 26.7 %, recall 80 %, accuracy 97.6 %, below the 99 % of “nobody is sick”', () => {
    const m = { tp: 8, fp: 22, fn: 2, tn: 968 };
    expect(percent(precision(m))).toBe('26.7');
    expect(recall(m)).toBe(0.8);
    expect(accuracy(m)).toBe(0.976);
  });

  it('quiz 4: positives 0.9 and 0.4, negatives 0.4 and 0.2: AUC 3.5/4 = 0.875', () => {
    expect(aucByRanks([0.9, 0.4, 0.4, 0.2], [1, 1, 0, 0])).toBe(0.875);
  });
});

/** The error function (Abramowitz and Stegun 7.1.26, error below 1.5·10⁻⁷). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return Math.sign(x) * y;
}
