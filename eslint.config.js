// ESLint flat config: TypeScript (typescript-eslint's recommended rules, not type-aware), React hooks, and
// the one-way import direction of ARCHITECTURE.md ("Layout"):
//
//   app -> widgets -> (controls, charts, engine/client, engine/protocol, state, i18n) -> …
//   engine/trainer.worker -> ml
//
// The direction is checked with ESLint's core `no-restricted-imports`. Its patterns are gitignore-style
// globs matched against the import string as written ('../../ml/metrics-trainer'), so `**/ml/**` matches a
// relative import into ml/ from any depth. In a flat config a later block that sets a rule replaces that
// rule's options from earlier blocks (they are not merged), so each folder below gets ONE block holding
// every restriction that applies to it, built from the named groups.
//
// Limits: the rule reads static `import`/`export … from` only, not `import()` (the widget registry's lazy
// imports) — the chunk scan in tests/e2e/chunks.spec.ts is the check that no page chunk carries tfjs. Type
// imports count too: what page and worker share lives in tfjs-free contract modules, types included.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** A module path pattern, written both without and with the `.ts` extension (both spellings occur). */
const spellings = (pattern) => [pattern, `${pattern}.ts`, `${pattern}.tsx`];

/** (a) tfjs. It parses the page's query string when it loads (a malformed one throws) and is heavy. */
const TFJS = {
  group: ['@tensorflow/*'],
  message: 'tfjs belongs in the worker: only src/engine/ and src/ml/ (and tests) may import it. Talk to the model through engine/client.',
};

/** (b) The engine's worker side. Page code may use engine/client and engine/protocol only. */
const ENGINE_INTERNALS = {
  group: ['**/engine/**', ...spellings('!**/engine/client'), ...spellings('!**/engine/protocol')],
  message: 'Page code talks to the worker through engine/client (and engine/protocol types) only.',
};

/**
 * (b) ml/ modules that import tfjs: each model's trainer (`ml/<model>/trainer.ts`), the shared tfjs pieces
 * (`ml/tfjs/`) and the playground's tfjs networks. Page code imports a model's tfjs-free contract
 * (`ml/<model>/contract.ts`: parameter table, trace names, info type) and tfjs-free math instead — not even
 * a type from a trainer.
 */
const ML_TRAINERS = {
  group: [
    ...spellings('**/ml/*/trainer'),
    '**/ml/tfjs/**',
    ...['kernel-sgd', 'network', 'nets'].flatMap((name) => spellings(`**/ml/mlp-playground/${name}`)),
  ],
  message:
    'A trainer module (tfjs) is the worker’s. Page code may import a model’s tfjs-free contract from ml/ (parameters, trace names, info types), not its trainer.',
};

/** (c) ml/ is plain TypeScript that runs in workers and in Node tests. */
const ML_OUTWARD = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    message: 'ml/ runs in workers and Node tests: no React.',
  },
  {
    group: ['**/engine/**', '**/widgets/**', '**/charts/**', '**/app/**', '**/controls/**'],
    message: 'ml/ imports nothing from the engine or the page (engine/, widgets/, charts/, app/, controls/).',
  },
];

/** (d) Shared page pieces below the widgets. */
const NO_WIDGETS = { group: ['**/widgets/**'], message: 'charts/ and controls/ sit below the widgets and may not import them.' };

/** (d)(e) The app sits on top: nothing below it imports from app/. */
const NO_APP = {
  group: ['**/app/**'],
  message: 'app/ is the top layer (routes and pages). Shared hooks and context (e.g. the language) belong in i18n/ or state/.',
};

/** One block per folder with the full list of its restrictions (see the note at the top). */
const restrict = (files, patterns, extra = {}) => ({
  files,
  ...extra,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/** What all page code obeys, (a) and (b). quiz/ and offline/ are page folders too. */
const PAGE = [TFJS, ENGINE_INTERNALS, ML_TRAINERS];

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'public/', 'test-results/', 'playwright-report/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  // React code is all in src/ (tests/bench has a plain function called `useBackend`, not a hook).
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // react-hooks 7's React Compiler rules. `refs` flags two patterns this code uses on purpose, for speed
      // (docs/architecture.md, "Progress", "Charts", "Frame rate"):
      //  - the "latest value" ref written during render (`latest.current = draw`), so that a canvas's
      //    observers, a memoized control's handler or a plot's onPick live for the component's whole life and
      //    a render does not re-subscribe or redraw them (useCanvas, ParamPanel, useOffscreenPause,
      //    NetworkDiagram, MlpPlaygroundWidget, useTrainer's data);
      //  - useTrainer's store: worker messages are folded into a mutable ref and the widget re-renders at
      //    most once per frame from it, reading it during render (no copy of every trace per message).
      // The rest of the recommended set (rules-of-hooks, exhaustive-deps, set-state-in-effect, immutability,
      // purity, …) stays on.
      'react-hooks/refs': 'off',
    },
  },
  {
    files: ['src/**'],
    rules: {
      // A function longer than a screen is split into pieces with one job each (components, hooks, helpers).
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    rules: {
      // `_` marks a name kept for a signature (a callback's position, an interface's method).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // Plain JavaScript outside the bundle: the service worker and the Node benchmark script. (TypeScript
  // checks undefined names in .ts files; these few globals stand in for the `globals` package.)
  {
    files: ['src/offline/service-worker.js'],
    languageOptions: {
      globals: {
        // Filled in by the build (src/offline/vite-plugin-offline.ts).
        __PRECACHE__: 'readonly',
        self: 'readonly',
        caches: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
      },
    },
  },
  {
    // Node, plus the browser globals of the functions it hands to page.evaluate.
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        requestAnimationFrame: 'readonly',
        PerformanceObserver: 'readonly',
      },
    },
  },

  // ——— Import direction ———
  // Everything outside src/engine/, src/ml/ and the tests: no tfjs (a).
  // The widget template (docs/widget-template/src, tests) is held to the rules of the folders it is copied into.
  restrict(['**/*.{js,mjs,ts,tsx}'], [TFJS], {
    ignores: ['src/engine/**', 'src/ml/**', 'tests/**', 'docs/widget-template/src/ml/**', 'docs/widget-template/tests/**'],
  }),
  // Page code (b), plus (e) for the widgets and (d) for charts and controls. app/ is on top, so the other
  // page folders may not import it either (beyond (e): markdown/, quiz/, content/, state/, i18n/, offline/, search/).
  restrict(['src/app/**'], PAGE),
  restrict(
    ['src/content/**', 'src/markdown/**', 'src/state/**', 'src/i18n/**', 'src/quiz/**', 'src/offline/**', 'src/search/**'],
    [...PAGE, NO_APP],
    {
      ignores: ['src/offline/vite-plugin-offline.ts'],
    },
  ),
  // EXCEPTION: the offline plugin is build-time code (a Vite plugin, never in the bundle) and shares
  // app/vite-plugin-after-build.ts with the SPA-fallback plugin: both run after the build has written dist/.
  restrict(['src/offline/vite-plugin-offline.ts'], PAGE),
  restrict(['src/widgets/**', 'docs/widget-template/src/widgets/**'], [...PAGE, NO_APP]),
  restrict(['src/charts/**', 'src/controls/**'], [...PAGE, NO_WIDGETS, NO_APP]),
  // engine/client and engine/protocol are the page's side of the engine: the same as page code, and of
  // their own folder they import only each other.
  restrict(
    ['src/engine/client.ts', 'src/engine/protocol.ts'],
    [
      ...PAGE,
      {
        group: ['./*', ...spellings('!./client'), ...spellings('!./protocol')],
        message: 'engine/client and engine/protocol are loaded by the page: they import only each other from engine/.',
      },
    ],
  ),
  // The worker side of the engine may import ml/ and tfjs, but nothing from the page...
  restrict(
    ['src/engine/**'],
    [
      {
        // EXCEPTION: widgets/catalog.ts, the list of widget ids (pure data), keys the worker's maps of models.
        group: ['**/widgets/**', ...spellings('!**/widgets/catalog'), '**/app/**', '**/charts/**', '**/controls/**'],
        message: 'The engine runs in the worker: no page code (the catalog of widget ids excepted).',
      },
      ML_OUTWARD[0],
    ],
    {
      ignores: ['src/engine/client.ts', 'src/engine/protocol.ts', 'src/engine/painters.ts'],
    },
  ),
  // ...EXCEPTION: engine/painters.ts may import canvas code from charts/ so the training worker can paint
  // the playground's network diagram step by step (docs/architecture.md, "Painters"). Still no widgets,
  // app or React.
  restrict(
    ['src/engine/painters.ts'],
    [
      {
        group: ['**/widgets/**', ...spellings('!**/widgets/catalog'), '**/app/**', '**/controls/**'],
        message: 'The engine runs in the worker: no page code (charts/ canvas code and the catalog of widget ids excepted).',
      },
      ML_OUTWARD[0],
    ],
  ),
  // ml/ (c).
  restrict(['src/ml/**', 'docs/widget-template/src/ml/**'], ML_OUTWARD),
]);
