/**
 * Every model keeps its contract: the worker has a model for every widget in the catalog, and each model's
 * trace starts with the names its contract gives the page (which reads values by those names).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../src/engine/models';
import { traceIndex } from '../../src/ml/shared/contract';
import { defaults } from '../../src/state/params';
import { packDigits } from '../../src/ml/cnn-mnist/data';
import type { ModelData } from '../../src/ml/shared/contract';
import { CATALOG, WIDGET_IDS, type WidgetId } from '../../src/widgets/catalog';

/** Models that train on data the page loads get a small stand-in here (its values do not matter). */
const blank = (count: number) => ({
  count,
  labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  images: new Uint8Array(count * 784),
});
const PAGE_DATA: Partial<Record<WidgetId, ModelData>> = { 'cnn-mnist': packDigits(blank(64), blank(10)) };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model contracts', () => {
  it('the worker has exactly one model per widget id', () => {
    expect(Object.keys(MODELS).sort()).toEqual([...WIDGET_IDS].sort());
    expect(new Set(WIDGET_IDS).size).toBe(WIDGET_IDS.length);
  });

  it.each(CATALOG.map((contract) => [contract.id, contract] as const))('%s: the trace starts with the contract’s names', (id, contract) => {
    const { seed, ...params } = defaults(contract.params);
    const model = MODELS[id](params, seed ?? 1, PAGE_DATA[id]);
    try {
      expect(model.traceNames.slice(0, contract.trace.length)).toEqual([...contract.trace]);
      expect(model.initialTrace.length).toBe(model.traceNames.length);
      const record = model.step();
      expect(record.shape).toEqual([1 + model.traceNames.length]);
      record.dispose();
      const trace: readonly string[] = contract.trace;
      trace.forEach((name, i) => expect(traceIndex({ trace }, name)).toBe(i));
    } finally {
      model.dispose();
    }
  });
});
