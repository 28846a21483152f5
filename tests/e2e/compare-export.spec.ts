import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, numberAttr, playToBudget, ready, test, widget } from './fixtures';

// Pin a run and train another beside it; download any chart as PNG and a loss chart's data as CSV.

const LR = { en: 'Learning rate η', zh: '学习率 η' };
const RUN1 = { en: 'run 1', zh: '第 1 次运行' };
const PINNED = { en: '(pinned, dashed)', zh: '（已固定，虚线）' };
const THIS_RUN = { en: '(this run)', zh: '（本次）' };

/** Moves a log slider by arrow presses and returns the value it shows. */
async function nudge(w: Locator, key: string, presses: number) {
  const slider = w.locator(`input[data-param="${key}"]`);
  await slider.focus();
  for (let i = 0; i < Math.abs(presses); i++) await w.page().keyboard.press(presses > 0 ? 'ArrowRight' : 'ArrowLeft');
  return (await slider.getAttribute('aria-valuetext'))!;
}

async function download(page: Page, button: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return file;
}

/** A CSV's rows split into fields (the writer quotes nothing in these tests' labels), without its byte-order mark. */
async function readCsv(file: Download) {
  const text = await readFile((await file.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

/** A PNG's size from its header, and how much of it differs from its corner (the background). */
async function readPng(page: Page, file: Download) {
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const drawn = await page.evaluate(async (base64) => {
    // Decoded from the bytes, not fetched from a data: URL, which the site's Content-Security-Policy refuses.
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let differ = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) differ++;
    }
    return differ / (data.length / 4);
  }, bytes.toString('base64'));
  return { width, height, drawn };
}

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: compare two runs and export charts`, () => {
    test('a pinned run stays through Reset beside the next run, both named by the learning rate that differs', async ({ page }) => {
      await page.goto(`/${lang}/linear-regression?linear-regression.steps=30&linear-regression.speed=5&linear-regression.lr=0.01`);
      const w = widget(page);
      const chart = w.locator('.loss-chart');
      const plot = chart.locator('.loss-plot');
      const legend = chart.locator('[data-compare]');
      await ready(w);
      await expect(chart.locator('[data-action=pin]')).toBeDisabled();
      await playToBudget(w, 30);
      await expect(legend).toHaveCount(0);

      await chart.locator('[data-action=pin]').click();
      // Nothing differs yet: the runs are told apart by number.
      await expect(legend.locator('[data-run=pinned]')).toHaveText(`${RUN1[lang]}${lang === 'en' ? ' ' : ''}${PINNED[lang]}`);
      await expect(plot).toHaveAttribute('data-pinned', '1');

      const lr = await nudge(w, 'lr', 30);
      expect(Number(lr)).toBeGreaterThan(0.01);
      await w.locator('[data-action=reset]').click();
      await expect(w).toHaveAttribute('data-step', '0');
      // Reset cleared the run, not the pin.
      await expect(plot).toHaveAttribute('data-curves', '1');
      await expect(plot).toHaveAttribute('data-pinned', '1');
      await playToBudget(w, 30);
      await expect(plot).toHaveAttribute('data-curves', '2');
      await expect(plot.locator('path.recharts-line-curve[stroke-dasharray="6 4"]')).toHaveCount(1);
      const pinned = legend.locator('[data-run=pinned]');
      const current = legend.locator('[data-run=current]');
      await expect(pinned).toHaveCount(1);
      await expect(pinned).toContainText(`${LR[lang]} 0.01`);
      await expect(pinned).toContainText(PINNED[lang]);
      await expect(current).toContainText(`${LR[lang]} ${lr}`);
      await expect(current).toContainText(THIS_RUN[lang]);

      // The readout gives both runs' values at the cursor.
      await plot.focus();
      await page.keyboard.press('End');
      const values = (await chart.locator('.chart-readout').getAttribute('data-values'))!.split(',');
      expect(values).toHaveLength(2);
      expect(Number(values[0])).toBe(await numberAttr(w, 'data-loss'));
      expect(Number(values[1])).toBeGreaterThan(Number(values[0]));

      await chart.locator('[data-action=clear-pin]').click();
      await expect(legend).toHaveCount(0);
      await expect(plot).toHaveAttribute('data-pinned', '0');
      await expect(plot).toHaveAttribute('data-curves', '1');
    });

    test('CSV has a row per step ending at the widget’s step and loss; PNGs of the loss chart and a canvas chart are drawn', async ({
      page,
    }) => {
      await page.goto(`/${lang}/linear-regression?linear-regression.steps=25&linear-regression.speed=5`);
      const w = widget(page);
      const chart = w.locator('.loss-chart');
      await ready(w);
      await playToBudget(w, 25);

      const csv = await download(page, chart.locator('[data-action=download-csv]'));
      expect(csv.suggestedFilename()).toBe('linear-regression-loss.csv');
      const rows = await readCsv(csv);
      expect(rows[0]).toEqual(['step', 'MSE']);
      expect(rows).toHaveLength(26);
      expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const last = rows[rows.length - 1];
      expect(last[0]).toBe(await w.getAttribute('data-step'));
      expect(Number(last[1])).toBe(await numberAttr(w, 'data-loss'));

      // With a pinned run, its values are further columns named by its settings.
      await chart.locator('[data-action=pin]').click();
      const lr = await nudge(w, 'lr', -20);
      await w.locator('[data-action=reset]').click();
      await playToBudget(w, 25);
      const both = await readCsv(await download(page, chart.locator('[data-action=download-csv]')));
      expect(both[0]).toEqual(['step', `MSE · ${LR[lang]} ${lr}`, `MSE · ${LR[lang]} 0.05`]);
      expect(both).toHaveLength(26);
      expect(Number(both[25][1])).toBe(await numberAttr(w, 'data-loss'));
      expect(Number(both[25][2])).toBe(Number(last[1]));

      const png = await download(page, chart.locator('[data-action=download-png]'));
      expect(png.suggestedFilename()).toBe('linear-regression-loss.png');
      const svgWidth = await chart.locator('.loss-plot svg.recharts-surface').evaluate((svg) => (svg as SVGSVGElement).width.baseVal.value);
      const image = await readPng(page, png);
      // Twice the chart's size, with a margin of 8 px each side.
      expect(image.width).toBe(2 * (svgWidth + 16));
      expect(image.drawn).toBeGreaterThan(0.01);

      const contour = w.locator('[data-export=contour]');
      const canvasPng = await download(page, contour.locator('[data-action=download-png]'));
      expect(canvasPng.suggestedFilename()).toBe('linear-regression-contour.png');
      const canvasWidth = await w.locator('.canvas-chart:has([data-export=contour]) canvas').evaluate((c) => c.clientWidth);
      const picture = await readPng(page, canvasPng);
      expect(picture.width).toBe(2 * (canvasWidth + 16));
      expect(picture.drawn).toBeGreaterThan(0.05);
      await expect(contour.locator('[role=status]')).toHaveText('');
    });

    test('the optimizer race pins every racer’s curve, each labelled with its name and the rate that differs', async ({ page }) => {
      await page.goto(`/${lang}/optimizers?optimizer-race.steps=20&optimizer-race.speed=5`);
      const w = widget(page, 'optimizer-race');
      const chart = w.locator('.loss-chart').first();
      const plot = chart.locator('.loss-plot');
      await ready(w);
      await playToBudget(w, 20);
      const racers = await numberAttr(plot, 'data-curves');
      expect(racers).toBe(4);
      await chart.locator('[data-action=pin]').click();
      const rate = await nudge(w, 'lrAdam', 10);
      await w.locator('[data-action=reset]').click();
      await playToBudget(w, 20);
      await expect(plot).toHaveAttribute('data-curves', String(2 * racers));
      await expect(plot).toHaveAttribute('data-pinned', String(racers));
      const pinned = chart.locator('[data-compare] [data-run=pinned]');
      await expect(pinned).toHaveCount(racers);
      const label = lang === 'en' ? 'Adam learning rate η' : 'Adam 学习率 η';
      await expect(pinned.filter({ hasText: /^Adam · / })).toContainText(`${label} 0.1`);
      await expect(chart.locator('[data-compare] [data-run=current]').filter({ hasText: /^Adam · / })).toContainText(`${label} ${rate}`);
    });

    test('other charts download too: the ROC curve’s every vertex as CSV, and the compute-cost chart as PNG with its legend', async ({
      page,
    }) => {
      await page.goto(`/${lang}/evaluation?metrics.steps=30&metrics.speed=10`);
      const w = widget(page, 'metrics');
      await ready(w);
      await playToBudget(w, 30);
      const roc = w.locator('[data-export=roc]');
      const file = await download(page, roc.locator('[data-action=download-csv]'));
      expect(file.suggestedFilename()).toBe('metrics-roc.csv');
      const rows = await readCsv(file);
      expect(rows).toHaveLength(1 + (await numberAttr(w.locator('.roc-plot'), 'data-roc-points')));
      expect(rows[1].map(Number)).toEqual([0, 0]);
      expect(rows[rows.length - 1].map(Number)).toEqual([1, 1]);

      await page.goto(`/${lang}/scale-and-business`);
      const cost = widget(page, 'compute-cost');
      await cost.scrollIntoViewIfNeeded();
      const chart = cost.locator('[data-chart=scale]');
      await expect(chart.locator('svg.recharts-surface')).toBeVisible();
      const png = await download(page, cost.locator('[data-export=scale] [data-action=download-png]'));
      expect(png.suggestedFilename()).toBe('compute-cost-scale.png');
      const { width, height } = await chart.locator('svg.recharts-surface').evaluate((svg) => svg.getBoundingClientRect());
      const image = await readPng(page, png);
      expect(image.width).toBe(2 * (Math.round(width) + 16));
      // Title above and the legend's row(s) below.
      expect(image.height).toBeGreaterThan(2 * (height + 22 + 18));
      expect(image.drawn).toBeGreaterThan(0.01);
    });
  });
}
