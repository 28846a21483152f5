/**
 * The compute-cost calculator: parameters, training tokens, tokens served, accelerator, cluster size,
 * utilization and price → training FLOPs (6·N·D), accelerator-hours, days on the cluster, training cost,
 * FLOPs and cost of serving (2·N per token); a log–log chart of parameters against training tokens with
 * published models and the compute-optimal line; and the break-even of training a smaller model past the
 * optimum against the serving it saves. A page-only widget: it computes at every change, nothing trains.
 * Every setting is a parameter, so a link reproduces the configuration.
 */
import { useCallback, useId, useMemo } from 'react';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { countText } from '../../controls/format';
import { useLang, useStrings } from '../../i18n/LangContext';
import { COMPUTE_COST, COMPUTE_COST_PARAMS } from '../../ml/compute-cost/contract';
import { costReport, fittedLoss, type CostReport } from '../../ml/compute-cost/cost';
import { ACCELERATORS } from '../../ml/compute-cost/hardware';
import { PUBLISHED_MODELS } from '../../ml/compute-cost/published';
import type { Lang, NumberSpec } from '../../state/params';
import type { WidgetProps } from '../registration';
import { PageWidgetShell } from '../shared/PageWidgetShell';
import { usePageWidget } from '../shared/usePageWidget';
import { BreakEvenChart } from './BreakEvenChart';
import { ScaleChart, type Point } from './ScaleChart';
import { COMPUTE_COST_STRINGS, type ComputeCostStrings } from './strings';
import { bigCount, money, sci, sig } from './units';

/** Tokens per parameter: whole numbers from 100 up (1,875), three significant digits below (20, 1.71). */
const ratioText = (ratio: number, lang: Lang) => (ratio >= 100 ? countText(Math.round(ratio), lang) : sig(ratio));

const spec = (key: string) => COMPUTE_COST_PARAMS.find((p) => p.key === key) as NumberSpec;
const SPECS = { params: spec('params'), tokens: spec('tokens') };
const SERVED = spec('served');
/** Within this share of the equal-loss optimum's size, the configuration counts as compute-optimal. */
const AT_OPTIMUM = 0.05;

export default function ComputeCostWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = COMPUTE_COST_STRINGS[lang];
  const { values, update, shareUrl, shell } = usePageWidget(COMPUTE_COST, id, initial);
  const { params, tokens, served, accelerator, chips, utilization, price } = values;
  const chip = ACCELERATORS[accelerator];
  const chipCount = Number(chips);
  const report = useMemo(
    () => costReport({ params, tokens, served, peak: chip.peak, utilization, price, chips: chipCount }),
    [params, tokens, served, chip.peak, utilization, price, chipCount],
  );
  const even = report.breakEven;
  const mine = useMemo(() => ({ params, tokens }), [params, tokens]);
  const optimum = useMemo(() => ({ params: even.optimum.params, tokens: even.optimum.tokens }), [even.optimum.params, even.optimum.tokens]);
  const onMove = useCallback((p: Point) => update({ params: p.params, tokens: p.tokens }), [update]);
  const labels = useMemo(
    () => ({ n: bigCount(params, lang), d: bigCount(tokens, lang), ratio: ratioText(report.tokensPerParam, lang) }),
    [params, tokens, lang, report.tokensPerParam],
  );

  return (
    <PageWidgetShell
      {...shell}
      figures={{
        'data-flops': report.trainingFlops,
        'data-hours': report.acceleratorHours,
        'data-days': report.days,
        'data-cost': report.trainingCost,
        'data-cost-per-million': report.costPerMillionTokens,
        'data-optimal-params': even.optimum.params,
        'data-breakeven': even.tokens ?? 'none',
      }}
    >
      <ParamPanel specs={COMPUTE_COST.params} values={values} lang={lang} onChange={(key, v) => update({ [key]: v })} />
      <p className="widget-hint">{s.hint}</p>
      <p className="widget-hint" data-value="peak">
        {s.peak(COMPUTE_COST.params[3].options.find((o) => o.value === accelerator)!.label[lang], sig(chip.peak / 1e12, 4), chip.precision)}{' '}
        {s.priceNote}
      </p>
      <ResultTable report={report} chips={chipCount} lang={lang} s={s} />
      <p className="widget-hint">{s.servingNote}</p>
      <ScaleChart mine={mine} optimum={optimum} specs={SPECS} s={s} onMove={onMove} labels={labels} />
      <ModelTable lang={lang} s={s} />
      <BreakEvenView
        report={report}
        params={params}
        tokens={tokens}
        served={served}
        dollarsPerFlop={price / (chip.peak * utilization * 3600)}
        lang={lang}
        s={s}
      />
      <div className="widget-actions">
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </PageWidgetShell>
  );
}

function ResultTable({ report, chips, lang, s }: { report: CostReport; chips: number; lang: Lang; s: ComputeCostStrings }) {
  const rows: [string, string, string, string][] = [
    ['flops', s.flops, `${sci(report.trainingFlops)} FLOPs`, s.flopsHow],
    ['ratio', s.ratio, ratioText(report.tokensPerParam, lang), s.ratioHow],
    ['hours', s.hours, bigCount(report.acceleratorHours, lang), s.hoursHow],
    ['days', s.days(countText(chips, lang)), sig(report.days), s.daysHow],
    ['cost', s.trainCost, money(report.trainingCost, lang), s.trainCostHow],
    ['per-token', s.perToken, `${sci(report.servingFlopsPerToken)} FLOPs`, s.perTokenHow],
    ['per-million', s.perMillion, money(report.costPerMillionTokens, lang), s.perMillionHow],
    ['serving', s.servingCost, money(report.servingCost, lang), s.servingCostHow],
  ];
  return (
    <table className="compare-table cost-table">
      <caption>{s.results}</caption>
      <thead>
        <tr>
          <th scope="col">{s.quantity}</th>
          <th scope="col">{s.value}</th>
          <th scope="col">{s.how}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, name, value, how]) => (
          <tr key={key} data-row={key}>
            <th scope="row">{name}</th>
            <td data-value={key}>{value}</td>
            <td>{how}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ModelTable({ lang, s }: { lang: Lang; s: ComputeCostStrings }) {
  return (
    <table className="compare-table cost-models">
      <caption>{s.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{s.model}</th>
          <th scope="col">{s.year}</th>
          <th scope="col">{s.params}</th>
          <th scope="col">{s.tokens}</th>
          <th scope="col">{s.perParam}</th>
          <th scope="col">{s.computed}</th>
          <th scope="col">{s.source}</th>
        </tr>
      </thead>
      <tbody>
        {PUBLISHED_MODELS.map((m) => (
          <tr key={m.id} data-model={m.id}>
            <th scope="row">{m.name}</th>
            <td>{m.year}</td>
            <td>{bigCount(m.params, lang)}</td>
            <td>{bigCount(m.tokens, lang)}</td>
            <td>{ratioText(m.tokens / m.params, lang)}</td>
            <td>{sci(6 * m.params * m.tokens)}</td>
            <td>
              <a href={m.source.url}>{m.source.cite}</a>, {m.source.where}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BreakEvenView({
  report,
  params,
  tokens,
  served,
  dollarsPerFlop,
  lang,
  s,
}: {
  report: CostReport;
  params: number;
  tokens: number;
  served: number;
  /** US$ per FLOP at the chosen chip, utilization and price. */
  dollarsPerFlop: number;
  lang: Lang;
  s: ComputeCostStrings;
}) {
  const titleId = useId();
  const even = report.breakEven;
  const near = Math.abs(params - even.optimum.params) <= AT_OPTIMUM * even.optimum.params;
  const verdict = verdictOf(even, near, served, lang, s);
  const rows: BreakEvenRow[] = [
    {
      key: 'mine',
      name: s.mine,
      n: params,
      d: tokens,
      loss: fittedLoss(params, tokens),
      flops: report.trainingFlops,
      total: report.lifetimeCost.mine,
    },
    {
      key: 'optimum',
      name: s.optimum,
      n: even.optimum.params,
      d: even.optimum.tokens,
      loss: even.optimum.loss,
      flops: even.optimum.flops,
      total: report.lifetimeCost.optimum,
    },
  ];
  return (
    <section className="cost-break-even" aria-labelledby={titleId}>
      <h4 id={titleId}>{s.breakTitle}</h4>
      <p className="widget-hint">{s.breakIntro}</p>
      <BreakEvenTable rows={rows} served={served} lang={lang} s={s} />
      <p data-value="verdict">{verdict}</p>
      <BreakEvenChart
        life={{
          mine: { flops: report.trainingFlops, params },
          optimum: { flops: even.optimum.flops, params: even.optimum.params },
          dollarsPerFlop,
          served,
          breakEven: near ? null : even.tokens,
          domain: [SERVED.min, SERVED.max],
        }}
        s={s}
        description={s.breakChartLabel(!near && even.tokens !== null ? bigCount(even.tokens, lang) : null)}
      />
      <p className="widget-hint">{s.fitNote}</p>
    </section>
  );
}

/** What the comparison says: at the optimum, larger (no break-even), or smaller with its break-even. */
function verdictOf(even: CostReport['breakEven'], near: boolean, served: number, lang: Lang, s: ComputeCostStrings): string {
  if (near) return s.atOptimum;
  if (even.tokens === null) return s.larger;
  const paid = served >= even.tokens ? s.paidBack : s.notYet;
  return `${s.smaller(sci(even.extraTrainingFlops), sci(even.savedFlopsPerToken), bigCount(even.tokens, lang))} ${paid}`;
}

interface BreakEvenRow {
  key: string;
  name: string;
  n: number;
  d: number;
  loss: number;
  flops: number;
  total: number;
}

function BreakEvenTable({ rows, served, lang, s }: { rows: BreakEvenRow[]; served: number; lang: Lang; s: ComputeCostStrings }) {
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th scope="col">{s.model}</th>
          <th scope="col">{s.params}</th>
          <th scope="col">{s.tokens}</th>
          <th scope="col">{s.loss}</th>
          <th scope="col">{s.flops}</th>
          <th scope="col">{s.lifetime(bigCount(served, lang))}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <th scope="row">{r.name}</th>
            <td>{bigCount(r.n, lang)}</td>
            <td>{bigCount(r.d, lang)}</td>
            <td>{r.loss.toFixed(4)}</td>
            <td>{sci(r.flops)}</td>
            <td data-value={`lifetime-${r.key}`}>{money(r.total, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
