import { countText, formatNumber, percentText } from '../../controls/format';
import type { Lang } from '../../state/params';
import type { Figures } from './measurements';
import type { ServingStrings } from './strings';
import type { Phase } from './useServer';

export const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : formatNumber(v, 3));

/** Each version's source, requests answered, accuracy on them, p50 and p95. */
export function VersionTable({ figures, phase, lang, s }: { figures: Figures; phase: Phase; lang: Lang; s: ServingStrings }) {
  const row = (which: 0 | 1) => {
    const v = figures.versions[which];
    const name = which === 0 ? 'stable' : 'canary';
    const info = phase.kind === 'ready' ? phase.versions[name] : null;
    return (
      <tr data-version={name}>
        <th scope="row">
          {which === 0 ? s.stable : s.canary}
          {info && (
            <span className="serving-source">
              {' '}
              — {s.source[info.source](info.steps)}, {s.parameters(countText(info.parameters, lang))}
            </span>
          )}
        </th>
        <td>{countText(v.count, lang)}</td>
        <td>{v.count ? percentText(v.accuracy, lang) : '—'}</td>
        <td>{ms(v.p50)}</td>
        <td>{ms(v.p95)}</td>
      </tr>
    );
  };
  return (
    <table className="serving-versions">
      <thead>
        <tr>
          <th scope="col">{s.version}</th>
          <th scope="col">{s.requestsCol}</th>
          <th scope="col">{s.accuracy}</th>
          <th scope="col">p50 ({s.ms})</th>
          <th scope="col">p95 ({s.ms})</th>
        </tr>
      </thead>
      <tbody>
        {row(0)}
        {row(1)}
      </tbody>
    </table>
  );
}
