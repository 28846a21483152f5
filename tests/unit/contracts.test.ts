/**
 * Every model keeps its contract: the worker has a model for every trained widget in the catalog (and none for
 * a page-only one), and each model's trace starts with the names its contract gives the page (which reads
 * values by those names).
 */
import * as tf from '@tensorflow/tfjs';
import { packCorpus } from '../../src/ml/language-model/packing';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../src/engine/models';
import { traceIndex } from '../../src/ml/shared/contract';
import { defaults } from '../../src/state/params';
import { packDigits } from '../../src/ml/cnn-mnist/data';
import type { ModelData } from '../../src/ml/shared/contract';
import { CATALOG, PAGE_ONLY, TRAINED_CATALOG, TRAINED_WIDGET_IDS, WIDGET_IDS, isPageOnly, type WidgetId } from '../../src/widgets/catalog';

/** Models that train on data the page loads get a small stand-in here (its values do not matter). */
const blank = (count: number) => ({
  count,
  labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  images: new Uint8Array(count * 784),
});
const POEMS = '床前明月光，疑是地上霜。举头望明月，低头思故乡。\n白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n';
const PAGE_DATA: Partial<Record<WidgetId, ModelData>> = {
  'cnn-mnist': packDigits(blank(64), blank(10)),
  'tiny-gpt': packCorpus({ corpus: 'quatrains', train: POEMS.repeat(4), heldOut: POEMS.repeat(2) }),
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model contracts', () => {
  it('the worker has exactly one model per trained widget id, none for a page-only one', () => {
    expect(Object.keys(MODELS).sort()).toEqual([...TRAINED_WIDGET_IDS].sort());
    expect(new Set(WIDGET_IDS).size).toBe(WIDGET_IDS.length);
    expect([...TRAINED_WIDGET_IDS, ...PAGE_ONLY].sort()).toEqual([...WIDGET_IDS].sort());
    for (const id of PAGE_ONLY) expect(Object.keys(MODELS)).not.toContain(id);
  });

  it('a page-only widget’s contract has no trace and no run parameters', () => {
    for (const contract of CATALOG.filter((c) => isPageOnly(c.id))) {
      expect(contract.trace).toEqual([]);
      expect(contract.params.map((s) => s.key)).not.toContain('steps');
      expect(contract.params.map((s) => s.key)).not.toContain('seed');
    }
  });

  it.each(TRAINED_CATALOG.map((contract) => [contract.id, contract] as const))(
    '%s: the trace starts with the contract’s names',
    (id, contract) => {
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
    },
    // Building the CNN and its held-out copies on cpu takes seconds on a busy machine.
    30_000,
  );
});
