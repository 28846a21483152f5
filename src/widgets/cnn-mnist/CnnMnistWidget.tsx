import { CNN_FILES } from '../../ml/cnn-mnist/export-names';
import { useCallback, useState } from 'react';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber, percentText } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { useLang, useStrings } from '../../i18n/LangContext';
import { CNN_MNIST, SHARD_DIGITS } from '../../ml/cnn-mnist/contract';
import { traceIndex } from '../../ml/shared/contract';
import type { WidgetProps } from '../registration';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { ArchitectureTable } from './ArchitectureTable';
import { InsideNetwork } from './InsideNetwork';
import { DataLoadProgress } from '../shared/DataLoadProgress';
import { CNN_RUN_STRINGS } from './run-strings';
import { SaveModel } from '../shared/SaveModel';
import { TrainingCurves } from './TrainingCurves';
import { useMnistData, type LoadedDigits } from './useMnistData';
import { CNN_VIEW_STRINGS } from './view-strings';

const ACCURACY = traceIndex(CNN_MNIST, 'accuracy');
const DENSE_ACCURACY = traceIndex(CNN_MNIST, 'denseAccuracy');
const EPOCH = traceIndex(CNN_MNIST, 'epoch');

export default function CnnMnistWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = CNN_RUN_STRINGS[lang];
  // The digits the worker runs on: set once loaded, so the worker starts only then.
  const [digits, setDigits] = useState<LoadedDigits | null>(null);
  const { values, shareUrl, view, change, shell, controls, trainer, near } = useWidgetRun(CNN_MNIST, id, initial, {
    data: digits?.packed,
    ready: digits !== null,
  });
  const load = useMnistData(values.digits / SHARD_DIGITS, near, (loaded) => {
    // More training digits on request: the running worker restarts on them.
    if (digits) trainer.reset(values, loaded.packed);
    setDigits(loaded);
  });
  const [shown, setShown] = useState<{ digit: number; source: string } | null>(null);
  const onPrediction = useCallback((digit: number, source: string) => {
    setShown((old) => (old?.digit === digit && old.source === source ? old : { digit, source }));
  }, []);

  const info = view.info;
  const state = view.state;
  const width = view.traceWidth;
  const last = width && view.traces.length > width ? view.traces.length - width : -1;
  const at = (index: number) => (last >= 0 ? view.traces[last + index] : -1);
  const accuracy = at(ACCURACY);
  const loaded = digits !== null && digits.shards === values.digits / SHARD_DIGITS;

  return (
    <WidgetShell
      {...shell}
      lr={values.lr}
      figures={{
        'data-accuracy': accuracy >= 0 ? accuracy : '',
        'data-dense-accuracy': at(DENSE_ACCURACY) >= 0 ? at(DENSE_ACCURACY) : '',
        'data-epoch': last >= 0 ? at(EPOCH) : 0,
        'data-prediction': shown?.digit ?? '',
        'data-digit-source': shown?.source ?? '',
        'data-data': loaded ? 'ready' : load.error ? 'error' : 'loading',
      }}
    >
      <DataLoadProgress load={load} ready={loaded} s={s} />
      <p className="cnn-summary" data-summary>
        {digits && s.dataLine(digits.train.count, digits.test.count)} · {s.epoch}{' '}
        <strong>{formatNumber(last >= 0 ? at(EPOCH) : 0, 3)}</strong> · {s.accuracy}{' '}
        <strong>{accuracy >= 0 ? percentText(accuracy, lang, 2) : s.notYet}</strong>
      </p>
      <TrainingCurves
        losses={view.losses}
        traces={view.traces}
        width={width}
        maxX={values.steps}
        dense={values.dense}
        evalEvery={info?.evalEvery ?? 100}
        t={t.widget}
        s={s}
      />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={CNN_MNIST.params} values={values} lang={lang} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <SaveModel request={trainer.request} disabled={!info} files={CNN_FILES} s={s} />
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
      {info && <ArchitectureTable info={info} s={s} />}
      {info && state && state.length === info.layout.size && digits && (
        <InsideNetwork
          info={info}
          state={state}
          test={digits.test}

          onPrediction={onPrediction}
          s={CNN_VIEW_STRINGS[lang]}
        />
      )}
    </WidgetShell>
  );
}
