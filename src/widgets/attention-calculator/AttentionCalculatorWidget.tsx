/**
 * The attention calculator: a few tokens' vectors, the projections, and every step of
 * softmax(mask(QKᵀ/√d_k)/T)·V as tables of numbers, recomputed on the page at every edit (nothing trains, no
 * worker: a page-only widget). The example, the switches and the temperature are parameters (directive and
 * link); the numbers the learner edits are deliberately not in the link: they stay on this page and go back
 * to the example's when the example changes.
 */
import { useMemo, useState } from 'react';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { useLang, useStrings } from '../../i18n/LangContext';
import { ATTENTION_PRESETS, attentionOf, type AttentionPresetName, type AttentionResult, type Matrix } from '../../ml/attention/attention';
import { ATTENTION_CALCULATOR } from '../../ml/attention/contract';
import type { WidgetProps } from '../registration';
import { PageWidgetShell } from '../shared/PageWidgetShell';
import { usePageWidget } from '../shared/usePageWidget';
import { DIGITS, explainers, fixed, WEIGHT_DIGITS, type Explainers } from './explain';
import { MatrixTable } from './MatrixTable';
import { ATTENTION_STRINGS, type AttentionStrings } from './strings';
import { heatStyle, useHeatColors } from './useHeatColors';

type Editable = 'x' | 'wq' | 'wk' | 'wv';
type Numbers = Record<Editable, Matrix>;

const NAMES = { wq: 'W_Q', wk: 'W_K', wv: 'W_V' } as const;

/** Token names for headers: the words, numbered when a word repeats ("ha 1", "ha 2", …). */
function tokenNames(words: readonly string[]): string[] {
  return new Set(words).size < words.length ? words.map((w, i) => `${w} ${i + 1}`) : [...words];
}

const dims = (n: number) => Array.from({ length: n }, (_, j) => String(j + 1));

export default function AttentionCalculatorWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = ATTENTION_STRINGS[lang];
  const { values, update, shareUrl, shell } = usePageWidget(ATTENTION_CALCULATOR, id, initial);
  const { preset, projections, scale, mask, temperature } = values;
  const example = ATTENTION_PRESETS[preset];

  // The learner's edits, for the example they were made on (not in the link: see the file's comment).
  const [edited, setEdited] = useState<{ preset: AttentionPresetName; numbers: Numbers } | null>(null);
  const numbers: Numbers = edited?.preset === preset ? edited.numbers : example;
  const edit = (which: Editable, i: number, j: number, value: number) =>
    setEdited({
      preset,
      numbers: { ...numbers, [which]: numbers[which].map((row, r) => (r === i ? row.map((v, c) => (c === j ? value : v)) : row)) },
    });

  const r = useMemo(
    () => attentionOf(numbers.x, projections ? numbers : null, { scale, mask, temperature }),
    [numbers, projections, scale, mask, temperature],
  );
  const tokens = tokenNames(example.tokens[lang]);
  const ex = explainers({ r, x: numbers.x, projections: projections ? numbers : null, tokens, temperature, scale, s });
  const rounded = r.weights.map((row) => row.map((w) => Math.round(w * 1e4) / 1e4));

  return (
    <PageWidgetShell {...shell} figures={{ 'data-weights': JSON.stringify(rounded), 'data-preset': preset }}>
      <ParamPanel
        specs={ATTENTION_CALCULATOR.params}
        values={values}
        lang={lang}
        onChange={(key, v) => {
          // A new example starts from its own numbers (and coming back to this one, from this one's).
          if (key === 'preset') setEdited(null);
          update({ [key]: v });
        }}
      />
      <p className="widget-hint">{s.hint}</p>
      <InputTables key={preset} numbers={numbers} tokens={tokens} projections={projections} s={s} onEdit={edit} />
      {!projections && <p className="widget-hint">{s.projectionsOff}</p>}
      <div className="widget-actions">
        <button type="button" className="button" data-action="restore" disabled={edited?.preset !== preset} onClick={() => setEdited(null)}>
          ↺ {s.restore}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
      <p className="widget-hint">{s.notInLink}</p>
      <QkvTables r={r} ex={ex} tokens={tokens} projections={projections} s={s} />
      <ScoreTables r={r} ex={ex} tokens={tokens} scale={scale} mask={mask} s={s} />
      <WeightTables r={r} ex={ex} tokens={tokens} temperature={temperature} s={s} />
    </PageWidgetShell>
  );
}

/** X and, with the projections on, W_Q, W_K and W_V: every number an input. */
function InputTables({
  numbers,
  tokens,
  projections,
  s,
  onEdit,
}: {
  numbers: Numbers;
  tokens: string[];
  projections: boolean;
  s: AttentionStrings;
  onEdit: (which: Editable, i: number, j: number, value: number) => void;
}) {
  const d = numbers.x[0].length;
  return (
    <div className="attn-row">
      <MatrixTable
        name="x"
        caption={s.x(d)}
        rows={tokens}
        cols={dims(d)}
        corner={`${s.token} \\ ${s.dim}`}
        values={numbers.x}
        digits={DIGITS}
        edit={{ label: (i, j) => s.xLabel(tokens[i], j + 1), explain: s.explainInput, onChange: (i, j, v) => onEdit('x', i, j, v) }}
      />
      {projections &&
        (['wq', 'wk', 'wv'] as const).map((w) => (
          <MatrixTable
            key={w}
            name={w}
            caption={s.w(NAMES[w], numbers[w].length, numbers[w][0].length)}
            rows={dims(numbers[w].length)}
            cols={dims(numbers[w][0].length)}
            values={numbers[w]}
            digits={DIGITS}
            edit={{ label: (i, j) => s.wLabel(NAMES[w], i + 1, j + 1), explain: s.explainInput, onChange: (i, j, v) => onEdit(w, i, j, v) }}
          />
        ))}
    </div>
  );
}

interface ResultProps {
  r: AttentionResult;
  ex: Explainers;
  tokens: string[];
  s: AttentionStrings;
}

function QkvTables({ r, ex, tokens, projections, s }: ResultProps & { projections: boolean }) {
  return (
    <div className="attn-row">
      <MatrixTable
        name="q"
        caption={projections ? s.q : s.qPlain}
        rows={tokens}
        cols={dims(r.dk)}
        values={r.q}
        digits={DIGITS}
        explain={ex.q}
      />
      <MatrixTable
        name="k"
        caption={projections ? s.k : s.kPlain}
        rows={tokens}
        cols={dims(r.dk)}
        values={r.k}
        digits={DIGITS}
        explain={ex.k}
      />
      <MatrixTable
        name="v"
        caption={projections ? s.v : s.vPlain}
        rows={tokens}
        cols={dims(r.v[0].length)}
        values={r.v}
        digits={DIGITS}
        explain={ex.v}
      />
    </div>
  );
}

/** QKᵀ, the scaled scores and, with the mask on, the masked ones: queries on the rows, keys on the columns. */
function ScoreTables({ r, ex, tokens, scale, mask, s }: ResultProps & { scale: boolean; mask: boolean }) {
  const square = { rows: tokens, cols: tokens, corner: s.corner, digits: DIGITS };
  return (
    <div className="attn-row">
      <MatrixTable name="scores" caption={s.scores} values={r.scores} explain={ex.scores} {...square} />
      <MatrixTable
        name="scaled"
        caption={scale ? s.scaled(r.dk, fixed(r.divisor, 3)) : s.unscaled}
        values={r.scaled}
        explain={ex.scaled}
        {...square}
      />
      {mask && <MatrixTable name="masked" caption={s.masked} values={r.masked} explain={ex.masked} {...square} />}
    </div>
  );
}

/** The weights as a heatmap with each row's sum, and the output. */
function WeightTables({ r, ex, tokens, temperature, s }: ResultProps & { temperature: number }) {
  const colors = useHeatColors();
  const sums = r.weights.map((row) => row.reduce((a, w) => a + w, 0));
  return (
    <div className="attn-row">
      <MatrixTable
        name="weights"
        caption={s.weights(fixed(temperature, 2))}
        rows={tokens}
        cols={tokens}
        corner={s.corner}
        values={r.weights}
        digits={WEIGHT_DIGITS}
        explain={ex.weights}
        shade={(i, j) => heatStyle(colors, r.weights[i][j])}
        extra={{ header: s.sum, values: sums, digits: WEIGHT_DIGITS, explain: ex.sum }}
      />
      <MatrixTable
        name="output"
        caption={s.output}
        rows={tokens}
        cols={dims(r.output[0].length)}
        values={r.output}
        digits={DIGITS}
        explain={ex.output}
      />
    </div>
  );
}
