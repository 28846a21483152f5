/**
 * Bundles a page module that no built page imports yet (a data loader before its widget exists) and adds it
 * to the page as a script, its exports under `window[globalName]`. The script is inline, which the site's
 * Content-Security-Policy refuses: a spec that uses this sets `bypassCSP: true`.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { build, type Rolldown } from 'vite';

export async function addModule(page: Page, entry: string, globalName: string) {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, '../..', entry), formats: ['iife'], name: globalName },
    },
  })) as Rolldown.RolldownOutput[];
  await page.addScriptTag({ content: (output[0].output[0] as Rolldown.OutputChunk).code });
}
