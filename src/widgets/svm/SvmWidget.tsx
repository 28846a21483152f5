import { useLang, useStrings } from '../../i18n/LangContext';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { traceIndex } from '../../ml/shared/contract';
import type { WidgetProps } from '../registration';
import { OwnPointsControls } from '../shared/OwnPointsControls';
import { POINTS_KEY, useOwnPoints } from '../shared/useOwnPoints';
import { newSeed } from '../shared/useParamChange';
import { usePointEditor } from '../shared/usePointEditor';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { SVM_STRINGS } from './strings';
import { SVM } from '../../ml/svm/contract';
import { DecisionFigure } from './DecisionFigure';
import { SvmTable } from './SvmTable';
import { useDecisionFunction } from './useDecisionFunction';

const EXTRA_KEYS = [POINTS_KEY];
const ACCURACY = traceIndex(SVM, 'accuracy');

export default function SvmWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const words = SVM_STRINGS[lang];
  const t = useStrings();
  const own = useOwnPoints(id);
  const { values, update, shareUrl, trainer, view, change, shell, controls } = useWidgetRun(SVM, id, initial, {
    extraKeys: EXTRA_KEYS,
    data: own.data,
  });
  const editor = usePointEditor(own, values, update, trainer.reset, change);

  const info = view.info;
  const width = view.traceWidth;
  const at = view.traces.length - width;
  const { weights, bias, grid, circled, svCount } = useDecisionFunction(info, view.traces, width, at, view.step);
  const linear = info?.features.kind === 'linear';
  const accuracy = width ? view.traces[at + ACCURACY] : NaN;
  const loss = view.losses.length ? view.losses[view.losses.length - 1] : undefined;

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="widget-panels">
        <DecisionFigure
          info={info}
          grid={grid}
          circled={circled}
          svCount={svCount}
          trained={view.step > 0}
          words={words}
          onEdit={editor.edit}
        />
        <div className="panel">
          <SvmTable
            loss={loss}
            accuracy={accuracy}
            svCount={svCount}
            weights={weights}
            bias={bias}
            linear={linear}
            trained={view.step > 0}
            words={words}
          />
          <OwnPointsControls
            addClass={editor.addClass}
            onAddClass={editor.setAddClass}
            ownCount={editor.ownCount}
            onUsePreset={editor.usePreset}
            message={editor.message}
            classNames={[t.points.svmClass1, t.points.svmClass0]}
          />
        </div>
      </div>
      <LossChart
        series={[{ key: 'loss', label: 'J', color: 'var(--accent)', values: view.losses }]}
        label={words.lossChart}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
      />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel
        specs={SVM.params}
        values={values}
        lang={lang}
        disabled={(key) => key === 'gamma' && values.kernel !== 'rbf'}
        onChange={(key, v) => editor.change({ [key]: v })}
      />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => editor.change({ seed: newSeed() })}>
          ⟳ {words.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
