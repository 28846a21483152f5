// Browser benchmark: trains each widget in Debian's Chromium against the built site and prints, while it
// trains, steps per second, the page's frame rate, how often each canvas chart is redrawn, and main-thread
// long tasks (over 50 ms). Figures, not assertions.
// Usage: npm run build && node scripts/bench-browser.mjs [widget-id …]
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const PORT = 4174;
const SECONDS = 8;
// Vite itself, not through npx: killing npx would leave the server running.
const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore' },
);
const base = `http://127.0.0.1:${PORT}`;

/** [lesson, widget id, label, query] — each widget at its default pace and flat out. */
const RUNS = [
  ['linear-regression', 'linear-regression', 'default (2 steps/frame)', 'steps=5000'],
  ['linear-regression', 'linear-regression', '100 steps/frame', 'steps=5000&speed=100'],
  ['linear-regression', 'linear-regression', '100 steps/frame, cpu', 'steps=5000&speed=100', 'cpu'],
  ['gradient-descent', 'gd-variants', 'default (2 steps/frame)', 'steps=5000'],
  ['gradient-descent', 'gd-variants', '100 steps/frame', 'steps=5000&speed=100'],
  ['optimizers', 'optimizer-race', 'bowl, default (1 step/frame)', 'steps=3000'],
  ['optimizers', 'optimizer-race', 'Rosenbrock, 50 steps/frame', 'steps=3000&surface=1&speed=50'],
  ['data-preprocessing', 'normalization', 'default (1 step/frame)', 'steps=5000'],
  ['data-preprocessing', 'normalization', '100 steps/frame', 'steps=5000&speed=100'],
  ['logistic-regression', 'logistic-regression', 'default (2 steps/frame)', 'steps=5000&preset=1'],
  ['logistic-regression', 'logistic-regression', '100 steps/frame', 'steps=5000&preset=1&speed=100'],
  ['svm', 'svm', 'linear, default (5 steps/frame)', 'steps=5000&preset=1'],
  ['svm', 'svm', 'RBF ring, default (5 steps/frame)', 'steps=5000&kernel=1&preset=2'],
  ['svm', 'svm', 'RBF ring, 100 steps/frame', 'steps=5000&kernel=1&preset=2&speed=100'],
  ['evaluation', 'metrics', 'default (2 steps/frame)', 'steps=5000'],
  ['evaluation', 'metrics', '100 steps/frame', 'steps=5000&speed=100'],
  ['loss-regularization', 'overfitting', 'degree 12, default (10 steps/frame)', 'steps=5000'],
  ['loss-regularization', 'overfitting', 'degree 12, 200 steps/frame', 'steps=5000&speed=200'],
  // TensorFlow Playground's settings (500 points, half for training, batch 10, rate 0.03, tanh, SGD, noise 0):
  // (a) its default page, (b) the spiral with all seven inputs and six layers of 8, (c) the spiral from x₁ x₂ with two layers of 8.
  ['neural-networks', 'mlp-playground', '(a) circle 2-4-2, default pace (10 epochs/frame)', 'steps=20000'],
  ['neural-networks', 'mlp-playground', '(a) circle 2-4-2, flat out', 'steps=20000&speed=50'],
  [
    'neural-networks',
    'mlp-playground',
    '(b) spiral 7 inputs, 6×8, flat out',
    'steps=20000&speed=50&dataset=spiral&features=x1,x2,x1Squared,x2Squared,x1x2,sinX1,sinX2&layers=8,8,8,8,8,8',
  ],
  ['neural-networks', 'mlp-playground', '(c) spiral x₁ x₂, 2×8, flat out', 'steps=20000&speed=50&dataset=spiral&layers=8,8'],
  ['neural-networks', 'mlp-playground', '(a) flat out, cpu', 'steps=20000&speed=50', 'cpu'],
  [
    'neural-networks',
    'mlp-playground',
    '(b) flat out, cpu',
    'steps=20000&speed=50&dataset=spiral&features=x1,x2,x1Squared,x2Squared,x1x2,sinX1,sinX2&layers=8,8,8,8,8,8',
    'cpu',
  ],
  ['neural-networks', 'mlp-playground', '(c) flat out, cpu', 'steps=20000&speed=50&dataset=spiral&layers=8,8', 'cpu'],
];
/** Widgets that show a test loss (data-test-loss) also report when it first fell below this. */
const TEST_LOSS_TARGET = 0.1;

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}

async function run(browser, [slug, id, label, query, backend]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const params = query
    .split('&')
    .map((pair) => `${id}.${pair}`)
    .join('&');
  await page.goto(`${base}/en/${slug}?${params}${backend ? `&backend=${backend}` : ''}#${id}`);
  const w = page.locator(`section[data-widget-id="${id}"]`);
  await w.locator('[data-action=play]:not([disabled])').waitFor();
  await w.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
    window.__frames = 0;
    const count = () => {
      window.__frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  const paints = () => w.locator('canvas').evaluateAll((list) => list.map((c) => Number(c.dataset.paints ?? 0)));
  const before = { paints: await paints(), frames: await page.evaluate(() => window.__frames) };
  const budget = Number(query.match(/steps=(\d+)/)[1]);
  const started = Date.now();
  await w.locator('[data-action=play]').click();
  // Until the step budget is used up or SECONDS have passed, whichever comes first.
  let step = 0;
  let reached = null;
  const testLoss = w.locator('[data-test-loss]');
  const hasTestLoss = (await testLoss.count()) > 0;
  // One plain querySelector a poll: Playwright's locators run its selector engine in the page, tasks of
  // 20 ms and more of the page's main thread that the long-task count would then blame on the widget.
  const read = () =>
    page.evaluate((widgetId) => {
      const root = document.querySelector(`section[data-widget-id="${widgetId}"]`);
      return {
        step: Number(root?.getAttribute('data-step')),
        testLoss: Number(root?.querySelector('[data-test-loss]')?.getAttribute('data-test-loss') ?? NaN),
      };
    }, id);
  while (Date.now() - started < SECONDS * 1000 && step < budget) {
    await page.waitForTimeout(100);
    const now = await read();
    step = now.step;
    if (hasTestLoss && reached === null && now.testLoss < TEST_LOSS_TARGET) reached = { seconds: (Date.now() - started) / 1000, step };
  }
  const seconds = (Date.now() - started) / 1000;
  const after = {
    paints: await paints(),
    frames: await page.evaluate(() => window.__frames),
    long: await page.evaluate(() => window.__long),
  };
  const stats = (await w.locator('[data-stats]').textContent()).trim();
  await page.close();
  return {
    widget: id,
    run: label,
    backend: stats.match(/: (\w+)/)?.[1],
    steps: step,
    'steps/s': Math.round(step / seconds),
    fps: Math.round((after.frames - before.frames) / seconds),
    'canvas redraws/s': after.paints.map((p, i) => Math.round((p - before.paints[i]) / seconds)).join(' / '),
    'long tasks': after.long.length,
    'longest (ms)': Math.round(Math.max(0, ...after.long)),
    ...(hasTestLoss
      ? { [`test loss < ${TEST_LOSS_TARGET}`]: reached ? `${reached.seconds.toFixed(1)} s (step ${reached.step})` : 'not yet' }
      : {}),
  };
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const only = process.argv.slice(2);
  const rows = [];
  for (const spec of RUNS) if (only.length === 0 || only.includes(spec[1])) rows.push(await run(browser, spec));
  console.log(`Each run trains for ${SECONDS} s of wall time or until its step budget is used; headless Chromium, software rendering.`);
  console.table(rows);
  await browser.close();
} finally {
  server.kill();
}
