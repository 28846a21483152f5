/**
 * The widget template (docs/widget-template/) must not drift from the code: copied into a scratch copy of
 * src/ and registered with its one line in each map, as its README says, it type-checks with the project's
 * settings and its own unit test passes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const template = path.join(root, 'docs/widget-template');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'widget-template-'));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Inserts `line` after `anchor` in a scratch file: the README's "one line each". */
function addAfter(file: string, anchor: string, line: string) {
  const target = path.join(scratch, file);
  const text = fs.readFileSync(target, 'utf8');
  expect(text, `${file} has no “${anchor}” to add the template after`).toContain(anchor);
  fs.writeFileSync(target, text.replace(anchor, `${anchor}\n${line}`));
}

/** Runs a Node tool in the scratch copy; on failure, its output is the error. */
function run(args: string[]): string {
  try {
    return execFileSync(process.execPath, args, { cwd: scratch, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${args.slice(1).join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}

describe('the widget template', () => {
  it('compiles and passes its test once copied in and registered', () => {
    fs.cpSync(path.join(root, 'src'), path.join(scratch, 'src'), { recursive: true });
    fs.cpSync(path.join(template, 'src'), path.join(scratch, 'src'), { recursive: true });
    fs.cpSync(path.join(template, 'tests'), path.join(scratch, 'tests'), { recursive: true });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
    fs.symlinkSync(path.join(root, 'content'), path.join(scratch, 'content'), 'dir');
    const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
    fs.writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['src', 'tests'] }));

    addAfter('src/widgets/catalog.ts', 'export const CATALOG = [', '  CONSTANT_FIT,');
    addAfter(
      'src/widgets/catalog.ts',
      "import type { ParamSpec } from '../state/params.ts';",
      "import { CONSTANT_FIT } from '../ml/constant-fit/contract.ts';",
    );
    addAfter(
      'src/widgets/registry.ts',
      'export const WIDGETS: { readonly [Id in WidgetId]: WidgetRegistration<Id> } = {',
      "  'constant-fit': constantFit,",
    );
    addAfter(
      'src/widgets/registry.ts',
      "import type { WidgetRegistration } from './registration';",
      "import constantFit from './constant-fit';",
    );
    addAfter(
      'src/engine/models.ts',
      'export const MODELS: { readonly [Id in TrainedWidgetId]: ModelFactory<Params, ModelData> } = {',
      "  'constant-fit': entry(CONSTANT_FIT, createConstantFit),",
    );
    addAfter(
      'src/engine/models.ts',
      "import type { TrainedWidgetId } from '../widgets/catalog';",
      "import { CONSTANT_FIT } from '../ml/constant-fit/contract';\nimport { createConstantFit } from '../ml/constant-fit/trainer';",
    );

    run([path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);
    fs.writeFileSync(path.join(scratch, 'vitest.config.mjs'), "export default { test: { include: ['tests/unit/*.test.ts'] } };\n");
    const report = run([path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/unit/constant-fit.test.ts']);
    expect(report).toMatch(/3 passed/);
  }, 180_000);
});
