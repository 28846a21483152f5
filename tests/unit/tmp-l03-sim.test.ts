import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createOptimizerRace } from '../../src/ml/optimizer-race-trainer';
import { SURFACES } from '../../src/ml/surfaces';
import { OPTIMIZER_RACE_PARAMS } from '../../src/widgets/optimizer-race/params';
import { defaults } from '../../src/state/params';

it('sim', async () => {
  await tf.setBackend('cpu');
  const runs = JSON.parse(readFileSync('/tmp/l03-runs.json', 'utf8')) as { label: string; p: Record<string, number>; preset?: boolean; n: number; at: number[] }[];
  const out: string[] = [];
  for (const run of runs) {
    const s = run.p.surface ?? 0;
    const params = { ...defaults(OPTIMIZER_RACE_PARAMS), ...(run.preset ? { surface: s, ...SURFACES[s].preset } : {}), ...run.p };
    const model = createOptimizerRace(params, 1);
    const names = model.traceNames.filter((n) => n.endsWith('.loss')).map((n) => n.split('.')[0]);
    const rows: number[][] = [];
    for (let i = 0; i < run.n; i++) { const r = model.step(); rows.push([...r.dataSync()]); r.dispose(); }
    out.push(`== ${run.label} ${JSON.stringify(run.p)}`);
    // rows[k][1+4j..] = gap BEFORE step k+1, i.e. after k steps; x,y,out AFTER step k+1
    for (const k of run.at) {
      if (k > run.n) continue;
      // gap after k steps = rows[k][...] (before step k+1)
      const parts = names.map((n, j) => {
        const row = rows[Math.min(k, run.n - 1)];
        const gap = k < run.n ? row[1 + 4 * j] : NaN;
        const xy = rows[k - 1] ? `(${rows[k - 1][2 + 4 * j].toFixed(4)},${rows[k - 1][3 + 4 * j].toFixed(4)})` : '';
        return `${n}=${gap.toExponential(2)}${xy}${rows[k - 1]?.[4 + 4 * j] ? ' OUT' : ''}`;
      });
      out.push(`  after ${k}: ${parts.join(' ')}`);
    }
    for (const th of [1e-2, 1e-3, 1e-6]) {
      out.push(`  first k with gap<${th}: ` + names.map((n, j) => `${n}:${rows.findIndex((r) => r[1 + 4 * j] < th)}`).join(' '));
    }
    out.push('  out at step: ' + names.map((n, j) => `${n}:${rows.findIndex((r) => r[4 + 4 * j] > 0) + 1}`).join(' '));
    // min and max gap over last 50 steps
    out.push('  last50 gap range: ' + names.map((n, j) => { const g = rows.slice(-50).map((r) => r[1 + 4 * j]); return `${n}:[${Math.min(...g).toExponential(1)},${Math.max(...g).toExponential(1)}]`; }).join(' '));
    model.dispose();
  }
  console.log(out.join('\n'));
});
