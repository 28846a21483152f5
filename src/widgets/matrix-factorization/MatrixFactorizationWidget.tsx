import { useLayoutEffect, useMemo, useRef } from 'react';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber, percentText } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { useLang, useStrings } from '../../i18n/LangContext';
import { RECOMMENDER, TRACE_TEST_RMSE, TRACE_TRAIN_RMSE, type RecommenderInfo } from '../../ml/recommender/contract';
import type { Lang } from '../../state/params';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { UserPanel, YouPanel } from './ListPanels';
import { currentFactors, ownRatings, tableFacts, userList, yourList } from './recommendations';
import { RatingsTables } from './RatingsTables';
import { RmseCurves } from './RmseCurves';
import { RECOMMENDER_STRINGS, type RecommenderStrings } from './strings';
import { TasteMap } from './TasteMap';

export default function MatrixFactorizationWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = RECOMMENDER_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(RECOMMENDER, id, initial);

  const info = view.info;
  const width = view.traceWidth;
  const { trainRmse, testRmse } = latestRmse(view.traces, width);

  const facts = useMemo(() => (info ? tableFacts(info) : null), [info]);
  const factors = useMemo(() => currentFactors(info, view.state), [info, view.state]);
  const user = Math.min(values.user, info?.users ?? values.user) - 1;
  const shown = useMemo(
    () => (factors && facts ? userList(factors, facts, user, values.similarity) : []),
    [factors, facts, user, values.similarity],
  );
  const mine = useMemo(() => ownRatings(values.mine, info?.items ?? 0), [values.mine, info]);
  const yours = useMemo(
    () => (facts ? yourList(factors, facts, mine, values.lambda, values.similarity) : { list: [], you: null }),
    [factors, facts, mine, values.lambda, values.similarity],
  );

  const lists = useUpdateCount(factors !== null, [factors, shown, yours]);

  return (
    <WidgetShell
      {...shell}
      lr={values.lr}
      figures={{
        'data-test-rmse': Number.isFinite(testRmse) ? testRmse : '',
        'data-train-rmse': Number.isFinite(trainRmse) ? trainRmse : '',
        ...baselineFigures(info),
        'data-top': shown.map((r) => r.item).join(','),
        'data-your-top': yours.list.map((r) => r.item).join(','),
      }}
    >
      <Summary info={info} testRmse={testRmse} lang={lang} s={s} />
      <RatingsTables info={info} factors={factors} s={s} />
      <div className="widget-panels">
        <RmseCurves traces={view.traces} width={width} maxX={values.steps} info={info} t={t.widget} s={s} />
        <TasteMap factors={factors} favourite={info?.favourite ?? null} shownUser={user} you={yours.you?.p ?? null} s={s} />
      </div>
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel
        specs={RECOMMENDER.params}
        values={values}
        lang={lang}
        onChange={(key, v) => change({ [key]: v })}
        disabled={idle(values.optimizer)}
      />
      <div className="widget-panels mf-lists" ref={lists}>
        <UserPanel
          values={values}
          info={info}
          facts={facts}
          factors={factors}
          user={user}
          shown={shown}
          lang={lang}
          onChange={change}
          s={s}
        />
        <YouPanel
          facts={facts}
          items={info?.items ?? 0}
          codes={values.mine}
          mine={mine}
          yours={yours}
          modelReady={factors !== null}
          lang={lang}
          onChange={change}
          s={s}
        />
      </div>
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => change({ seed: newSeed() })}>
          ⟳ {s.newTable}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}

const show = (v: number) => (Number.isFinite(v) ? formatNumber(v, 3) : '—');

function Summary({ info, testRmse, lang, s }: { info: RecommenderInfo | null; testRmse: number; lang: Lang; s: RecommenderStrings }) {
  return (
    <p className="cnn-summary" data-summary>
      <strong>{info ? s.summary(show(testRmse), show(info.globalMean), show(info.biasOnly), show(info.noiseLevel)) : '—'}</strong>
      {info && (
        <>
          <br />
          {s.table(
            info.users,
            info.items,
            info.trainCount,
            info.heldOutCount,
            percentText(info.rating.length / (info.users * info.items), lang, 0),
          )}
        </>
      )}
    </p>
  );
}

/** Counts in data-view-updates how often the lists follow the model (read by the benchmark). */
function useUpdateCount(counting: boolean, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && counting) el.dataset.viewUpdates = String(Number(el.dataset.viewUpdates ?? 0) + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the lists depend on
  }, deps);
  return ref;
}

/** ALS solves each side exactly: the learning rate and the batch do nothing there. */
const idle = (optimizer: string) => (key: string) => optimizer === 'als' && (key === 'lr' || key === 'batch');

/** The training and held-out RMSE of the latest record (NaN before the first). */
function latestRmse(traces: number[], width: number) {
  const last = width && traces.length >= width ? traces.length - width : -1;
  return {
    trainRmse: last >= 0 ? traces[last + TRACE_TRAIN_RMSE] : NaN,
    testRmse: last >= 0 ? traces[last + TRACE_TEST_RMSE] : NaN,
  };
}

function baselineFigures(info: RecommenderInfo | null) {
  return {
    'data-global-mean': info?.globalMean ?? '',
    'data-bias-only': info?.biasOnly ?? '',
    'data-noise-level': info?.noiseLevel ?? '',
  };
}
