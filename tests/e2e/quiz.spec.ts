import { expect, test } from './fixtures';

test('a quiz answer gets its verdict and explanation, is remembered, and is the same in the other language', async ({ page }) => {
  await page.goto('/en/linear-regression');
  const quiz = page.locator('[data-quiz=quiz]');
  const first = quiz.locator('[data-question="0"]');
  await first.scrollIntoViewIfNeeded();
  await expect(quiz.locator('[role=status]').first()).toHaveText('0 of 3 answered, 0 right.');
  await expect(first.locator('.quiz-explanation')).toHaveCount(0);

  // A wrong answer, by keyboard.
  await first.locator('[data-choice="0"]').focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('data-verdict', 'wrong');
  await expect(first.locator('.quiz-verdict')).toHaveText('Not quite. The answer is C.');
  await expect(first.locator('.quiz-explanation')).toContainText('noise variance');
  await expect(first.locator('[data-choice="2"]')).toHaveAttribute('data-mark', 'right');
  // Then the right one.
  await first.locator('[data-choice="2"]').click();
  await expect(first).toHaveAttribute('data-verdict', 'right');
  await expect(first.locator('[data-choice="2"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(quiz.locator('[data-quiz-score]')).toHaveAttribute('data-quiz-score', '1/3/1');

  await page.reload();
  await expect(page.locator('[data-question="0"]')).toHaveAttribute('data-verdict', 'right');
  await page.goto('/zh/linear-regression');
  await expect(page.locator('[data-question="0"]')).toHaveAttribute('data-verdict', 'right');
  await expect(page.locator('[data-quiz-score]')).toHaveText('已答 1/3 题，答对 1 题。');
  await page.locator('[data-action=clear-quiz]').click();
  await expect(page.locator('[data-question="0"]')).toHaveAttribute('data-verdict', 'open');
  await page.reload();
  await expect(page.locator('[data-question="0"]')).toHaveAttribute('data-verdict', 'open');
});

test('every lesson closes with its quiz', async ({ page }) => {
  for (const slug of ['linear-regression', 'gradient-descent', 'optimizers', 'logistic-regression', 'svm']) {
    await page.goto(`/en/${slug}`);
    await expect(page.locator('[data-quiz=quiz] .quiz-question').first()).toBeVisible();
    const count = await page.locator('[data-quiz=quiz] .quiz-question').count();
    expect(count, slug).toBeGreaterThanOrEqual(2);
  }
});
