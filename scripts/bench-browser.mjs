// Browser benchmark: trains the linear-regression widget flat out in Debian's Chromium against the built
// site and prints steps/s, frame rate and main-thread long tasks while it trains. Figures, not assertions.
// Usage: npm run build && node scripts/bench-browser.mjs
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const PORT = 4174;
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}`;

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}

async function run(browser, backend, speed) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const query = `?linear-regression.steps=5000&linear-regression.speed=${speed}${backend === 'cpu' ? '&backend=cpu' : ''}`;
  await page.goto(`${base}/en/linear-regression${query}#linear-regression`);
  const w = page.locator('section[data-widget-id=linear-regression]');
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
  const started = Date.now();
  await w.locator('[data-action=play]').click();
  await page.waitForFunction(() => document.querySelector('section[data-widget-id=linear-regression]')?.getAttribute('data-step') === '5000', null, { timeout: 120000 });
  const seconds = (Date.now() - started) / 1000;
  const result = await page.evaluate(() => ({ long: window.__long, frames: window.__frames }));
  const stats = await w.locator('[data-stats]').textContent();
  await page.close();
  return {
    backend,
    'steps/frame': speed,
    'steps/s': Math.round(5000 / seconds),
    fps: Math.round(result.frames / seconds),
    'long tasks': result.long.length,
    'longest task (ms)': Math.round(Math.max(0, ...result.long)),
    'stats line': stats.trim(),
  };
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows = [];
  for (const backend of ['wasm', 'cpu']) for (const speed of [2, 100]) rows.push(await run(browser, backend, speed));
  console.table(rows);
  await browser.close();
} finally {
  server.kill();
}
