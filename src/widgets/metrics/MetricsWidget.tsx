import { useLang, useStrings } from '../../i18n/LangContext';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { EVAL_SIZE, TRAIN_SIZE } from '../../ml/metrics/data';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { METRICS_STRINGS } from './strings';
import { ConfusionTables } from './ConfusionTables';
import { METRICS } from '../../ml/metrics/contract';
import { HistogramFigure } from './HistogramFigure';
import { LossCurves } from './LossCurves';
import { PlaneFigure } from './PlaneFigure';
import { RocFigure } from './RocFigure';
import { useScoredEvaluation } from './useScoredEvaluation';

const OTHER_KEYS = ['positives', 'separation', 'lr', 'steps', 'speed'];

export default function MetricsWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const m = METRICS_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(METRICS, id, initial);
  const threshold = values.threshold;

  const info = view.info;
  const { scored, report, baseline } = useScoredEvaluation(info, view.traces, view.traceWidth, threshold);
  const tText = formatNumber(threshold, 2);

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <p className="widget-hint">{m.heldOut(TRAIN_SIZE, EVAL_SIZE)}</p>
      <div className="widget-panels">
        <PlaneFigure info={info} grid={scored?.grid ?? null} threshold={threshold} tText={tText} m={m} />
        <HistogramFigure histograms={scored?.histograms ?? null} report={report} threshold={threshold} tText={tText} m={m} />
      </div>
      <div className="metrics-threshold">
        <ParamPanel specs={METRICS.params} values={values} lang={lang} keys={['threshold']} onChange={(key, v) => change({ [key]: v })} />
      </div>
      <div className="widget-panels">
        <RocFigure scored={scored} report={report} tText={tText} m={m} />
        <div className="panel">
          {report && scored && (
            <ConfusionTables t={m} tText={tText} report={report} auc={scored.auc} baseline={baseline} total={EVAL_SIZE} />
          )}
        </div>
      </div>
      <LossCurves losses={view.losses} traces={view.traces} maxX={values.steps} t={t.widget} m={m} />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={METRICS.params} values={values} lang={lang} keys={OTHER_KEYS} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => change({ seed: newSeed() })}>
          ⟳ {m.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
