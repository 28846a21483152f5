import { expect, numberAttr, ready, test, widget } from './fixtures';

// The line charts (Recharts) read out the step and every series' value at a cursor, by pointer and by keyboard.
test.describe('the loss chart readout', () => {
  test('focused after training: End reads the last step and its loss, arrows move one step, Escape hides it', async ({ page }) => {
    await page.goto('/en/linear-regression?linear-regression.steps=40&linear-regression.speed=5');
    const w = widget(page);
    await ready(w);
    await w.locator('[data-action=play]').click();
    await expect(w).toHaveAttribute('data-step', '40');
    await expect(w).toHaveAttribute('data-state', 'paused');
    const plot = w.locator('.loss-plot');
    const readout = w.locator('.loss-chart .chart-readout');
    await expect(plot).toHaveAttribute('data-curves', '1');
    expect(await numberAttr(plot, 'data-paints')).toBeGreaterThan(0);
    await expect(readout).toHaveAttribute('aria-live', 'polite');
    await expect(readout).not.toHaveAttribute('data-x');

    await plot.focus();
    await page.keyboard.press('End');
    await expect(readout).toHaveAttribute('data-x', '40');
    // Exactly the loss the widget reports for its last step.
    await expect(readout).toHaveAttribute('data-values', (await w.getAttribute('data-loss'))!);
    await expect(readout).toContainText('Step 40:');
    await expect(readout).toContainText(`MSE ${Number(Number(await w.getAttribute('data-loss')).toPrecision(4))}`);

    await page.keyboard.press('ArrowLeft');
    await expect(readout).toHaveAttribute('data-x', '39');
    await page.keyboard.press('Home');
    await expect(readout).toHaveAttribute('data-x', '1');
    await page.keyboard.press('ArrowLeft');
    await expect(readout).toHaveAttribute('data-x', '1');
    await page.keyboard.press('PageUp');
    await expect(readout).toHaveAttribute('data-x', '5');
    // The first loss is the largest: the cursor at step 1 reads more than at the last step.
    await page.keyboard.press('Home');
    expect(Number(await readout.getAttribute('data-values'))).toBeGreaterThan(await numberAttr(w, 'data-loss'));
    await page.keyboard.press('Escape');
    await expect(readout).not.toHaveAttribute('data-x');
    await expect(readout).toContainText('arrow keys');

    // The pointer: over the middle of the plot it reads a step near the middle of the run.
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + 58 + (box.width - 58 - 14) / 2, box.y + box.height / 2);
    await expect.poll(async () => Number(await readout.getAttribute('data-x'))).toBeGreaterThan(15);
    expect(Number(await readout.getAttribute('data-x'))).toBeLessThan(26);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 60);
    await expect(readout).not.toHaveAttribute('data-x');
  });

  test('two series: the readout shows both, in Chinese', async ({ page }) => {
    await page.goto('/zh/evaluation?metrics.steps=30&metrics.speed=10');
    const w = widget(page, 'metrics');
    await ready(w);
    await w.locator('[data-action=play]').click();
    await expect(w).toHaveAttribute('data-step', '30');
    await expect(w).toHaveAttribute('data-state', 'paused');
    const plot = w.locator('.loss-plot');
    await expect(plot).toHaveAttribute('data-curves', '2');
    await plot.focus();
    await page.keyboard.press('ArrowLeft'); // the first key puts the cursor on the last step
    const readout = w.locator('.loss-chart .chart-readout');
    await expect(readout).toHaveAttribute('data-x', '30');
    const [train, evaluation] = (await readout.getAttribute('data-values'))!.split(',');
    expect(train).toBe(await w.getAttribute('data-loss'));
    expect(Number(evaluation)).toBeGreaterThan(0);
    await expect(readout).toContainText('步数 30');

    // The ROC chart: the cursor walks the curve's vertices from (0, 0) to (1, 1).
    const roc = w.locator('.roc-plot');
    const rocReadout = w.locator('.roc-plot + .chart-readout');
    await roc.focus();
    await page.keyboard.press('Home');
    await expect(rocReadout).toHaveAttribute('data-x', '0');
    await expect(rocReadout).toHaveAttribute('data-values', '0');
    await page.keyboard.press('End');
    await expect(rocReadout).toHaveAttribute('data-x', '1');
    await expect(rocReadout).toHaveAttribute('data-values', '1');
    expect(await numberAttr(roc, 'data-paints')).toBeGreaterThan(0);
    expect(await numberAttr(roc, 'data-points')).toBeLessThanOrEqual(400);
  });
});
