import { useMemo } from 'react';
import { ChartLegend, type LegendItem } from '../../charts/ChartLegend';
import { ScatterLineCanvas, type PlotCurve } from '../../charts/ScatterLineCanvas';
import { formatNumber } from '../../controls/format';
import { ridgeFit, sampleCurve, sampleFunction, target, X_RANGE, type OverfittingInfo, type PenaltyKind } from '../../ml/overfitting/math';
import { COLOR, cssName } from './colors';
import type { EarlyStopMark } from './early-stop-mark';
import type { OverfittingStrings } from './strings';

const TRUTH = sampleFunction(target);

/** Drawn in this order: the truth first, the current fit on top. */
function fitCurves(theta: number[], closed: ArrayLike<number> | null, mark: EarlyStopMark | null): PlotCurve[] {
  const curves: PlotCurve[] = [{ ...TRUTH, color: '--chart-muted', width: 1.5 }];
  if (closed) curves.push({ ...sampleCurve(closed), color: '--chart-text', dashed: true });
  if (mark) curves.push({ ...sampleCurve(mark.theta), color: cssName(COLOR.early), dashed: true, width: 2 });
  curves.push({ ...sampleCurve(theta), color: cssName(COLOR.current) });
  return curves;
}

function fitLegend(s: OverfittingStrings, closed: boolean, mark: EarlyStopMark | null): LegendItem[] {
  return [
    { label: s.trainPoints, color: 'var(--chart-point)', mark: 'dot' },
    { label: s.validationPoints, color: COLOR.validation, mark: 'hollow' },
    { label: s.current, color: COLOR.current, mark: 'line' },
    ...(mark ? [{ label: s.early(mark.step), color: COLOR.early, mark: 'dashed' as const }] : []),
    { label: s.truth, color: 'var(--chart-muted)', mark: 'line' },
    ...(closed ? [{ label: s.closed, color: 'var(--chart-text)', mark: 'dashed' as const }] : []),
  ];
}

/** Why there is no closed-form curve to show, if there is none. */
function closedNote(info: OverfittingInfo | null, kind: PenaltyKind, s: OverfittingStrings): string | null {
  if (!info) return null;
  if (kind === 'l1') return s.noClosedL1;
  const unknowns = info.degree + 1;
  return kind === 'none' && unknowns > info.train.x.length ? s.noClosedUnderdetermined(unknowns, info.train.x.length) : null;
}

export function FitFigure({
  info,
  theta,
  mark,
  kind,
  lambda,
  train,
  validation,
  s,
}: {
  info: OverfittingInfo | null;
  theta: number[];
  mark: EarlyStopMark | null;
  kind: PenaltyKind;
  lambda: number;
  train: number;
  validation: number;
  s: OverfittingStrings;
}) {
  const closed = useMemo(
    () => (info && kind !== 'l1' ? ridgeFit(info.train, info.degree, kind === 'l2' ? lambda : 0) : null),
    [info, kind, lambda],
  );
  const note = closedNote(info, kind, s);

  return (
    <figure className="panel">
      <figcaption>{s.plot}</figcaption>
      {info && (
        <ScatterLineCanvas
          x={info.train.x}
          y={info.train.y}
          hollow={{ ...info.validation, color: cssName(COLOR.validation) }}
          curves={fitCurves(theta, closed, mark)}
          xRange={X_RANGE}
          label={s.plotDescription(
            info.train.x.length,
            info.validation.x.length,
            info.degree,
            formatNumber(train, 3),
            formatNumber(validation, 3),
          )}
        />
      )}
      <ChartLegend items={fitLegend(s, closed !== null, mark)} />
      {note && <p className="widget-hint">{note}</p>}
    </figure>
  );
}
