import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { it } from 'vitest';
import { createOptimizerRace } from '../../src/ml/optimizer-race-trainer';
import { SURFACES } from '../../src/ml/surfaces';
import { OPTIMIZER_RACE_PARAMS } from '../../src/widgets/optimizer-race/params';
import { defaults } from '../../src/state/params';

it('sim', async () => {
  await tf.setBackend('cpu');
  for (let s = 0; s < 3; s++) {
    const params = { ...defaults(OPTIMIZER_RACE_PARAMS), surface: s, ...SURFACES[s].rates, ...(JSON.parse(process.env.P ?? '{}')) };
    const model = createOptimizerRace(params, 1);
    const width = 1 + model.traceNames.length;
    const rows: number[][] = [];
    for (let i = 0; i < 3000; i++) { const r = model.step(); rows.push([...r.dataSync()]); r.dispose(); }
    const report = (k: number) => model.traceNames.map((n, j) => n.endsWith('.loss') ? `${n.split('.')[0]}=${rows[k][j + 1].toExponential(1)}${rows[k][j + 4] ? '(out)' : ''}` : '').filter(Boolean).join(' ');
    console.log(`surface ${s}`);
    for (const k of [0, 10, 50, 100, 300, 1000, 2999]) console.log(`  step ${k + 1}: ${report(k)}`);
    // steps until gap < 1e-3
    const names = model.traceNames.filter((n) => n.endsWith('.loss'));
    console.log('  reach 1e-3 at:', names.map((n) => { const j = model.traceNames.indexOf(n) + 1; const k = rows.findIndex((r) => r[j] < 1e-3); return `${n.split('.')[0]}:${k + 1}`; }).join(' '));
    model.dispose();
  }
  console.log('tensors', tf.memory().numTensors);
});
