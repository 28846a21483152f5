import { formatNumber } from '../../controls/format';
import type { ThresholdReport } from '../../ml/metrics/threshold';
import { useLang } from '../../i18n/LangContext';
import { percent } from './percent';
import type { MetricsStrings } from './strings';

/** The confusion matrix at the threshold, and every metric read from it with its formula and its counts. */
export function ConfusionTables({
  t,
  tText,
  report,
  auc,
  baseline,
  total,
}: {
  t: MetricsStrings;
  tText: string;
  report: ThresholdReport;
  auc: number;
  baseline: number;
  total: number;
}) {
  return (
    <>
      <ConfusionMatrix t={t} tText={tText} matrix={report.matrix} />
      <MetricsTable t={t} report={report} auc={auc} baseline={baseline} total={total} />
    </>
  );
}

function ConfusionMatrix({ t, tText, matrix }: { t: MetricsStrings; tText: string; matrix: ThresholdReport['matrix'] }) {
  const { tp, fp, fn, tn } = matrix;
  const cell = (key: 'tp' | 'fp' | 'fn' | 'tn', count: number, right: boolean) => (
    <td className={right ? 'cm-right' : 'cm-wrong'}>
      <span className="cm-label">{t[key]}</span>
      <strong data-value={key}>{count}</strong>
    </td>
  );
  return (
    <table className="confusion-matrix">
      <caption>{t.confusion(tText)}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">
            {t.predicted} {t.positive}
          </th>
          <th scope="col">
            {t.predicted} {t.negative}
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">
            {t.actual} {t.positive}
          </th>
          {cell('tp', tp, true)}
          {cell('fn', fn, false)}
        </tr>
        <tr>
          <th scope="row">
            {t.actual} {t.negative}
          </th>
          {cell('fp', fp, false)}
          {cell('tn', tn, true)}
        </tr>
      </tbody>
    </table>
  );
}

function MetricsTable({
  t,
  report,
  auc,
  baseline,
  total,
}: {
  t: MetricsStrings;
  report: ThresholdReport;
  auc: number;
  baseline: number;
  total: number;
}) {
  const lang = useLang();
  const { tp, fp, fn, tn } = report.matrix;
  const rows: [string, string, string, string, number | null][] = [
    ['accuracy', t.accuracy, `(TP + TN) / ${t.total}`, `${tp + tn} / ${total}`, report.accuracy],
    ['baseline', t.baseline, t.baselineFormula, `${fp + tn} / ${total}`, baseline],
    ['precision', t.precision, 'TP / (TP + FP)', `${tp} / ${tp + fp}`, report.precision],
    ['recall', t.recall, 'TP / (TP + FN)', `${tp} / ${tp + fn}`, report.recall],
    ['fpr', t.fpr, 'FP / (FP + TN)', `${fp} / ${fp + tn}`, report.fpr],
    ['f1', t.f1, '2TP / (2TP + FP + FN)', `${2 * tp} / ${2 * tp + fp + fn}`, report.f1],
  ];
  return (
    <table className="compare-table metrics-table">
      <thead>
        <tr>
          <th scope="col">{t.metric}</th>
          <th scope="col">{t.value}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, label, formula, counts, value]) => (
          <tr key={key} className={key === 'baseline' ? 'metrics-baseline' : undefined}>
            <th scope="row">
              {label}
              <span className="metric-formula">{formula}</span>
            </th>
            <td>
              <span data-value={key}>{percent(value ?? NaN, lang)}</span>
              <span className="metric-formula">{counts}</span>
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">
            {t.auc}
            <span className="metric-formula">{t.aucFormula}</span>
          </th>
          <td>
            <span data-value="auc">{formatNumber(auc, 3)}</span>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
