/** The learner's own data for the playground: paste or open a CSV of x₁, x₂, label, or download the current points. */
import { useId, useState } from 'react';
import { asInLink, type Points2D } from '../../ml/shared/classification-data';
import { formatCsvPoints, parseCsvPoints, type CsvProblem } from '../../ml/shared/points-csv';
import type { PlaygroundStrings } from './strings';

function describe(s: PlaygroundStrings, problem: CsvProblem): string {
  switch (problem.kind) {
    case 'empty':
    case 'one-class':
      return s.csvProblem[problem.kind];
    case 'too-many':
      return s.csvProblem['too-many'](problem.count);
    default:
      return s.csvProblem[problem.kind](problem.line);
  }
}

export function OwnDataPanel({
  s,
  range,
  current,
  onPoints,
}: {
  s: PlaygroundStrings;
  range: readonly [number, number];
  /** The points shown now, for the download link. */
  current: Points2D | null;
  onPoints: (points: Points2D) => void;
}) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const textId = useId();

  function applyCsv(csv: string) {
    const parsed = parseCsvPoints(csv, range);
    if ('problem' in parsed) {
      setMessage({ ok: false, text: describe(s, parsed.problem) });
      return;
    }
    // Rounded as a link holds them, so the shared link trains on exactly these points.
    const points = asInLink(parsed);
    setMessage({ ok: true, text: s.csvLoaded(points.x1.length) });
    onPoints(points);
  }

  async function open(file: File | undefined) {
    if (!file) return;
    const content = await file.text();
    setText(content);
    applyCsv(content);
  }

  // The file is made when asked for, not on every frame the widget draws.
  function download() {
    if (!current) return;
    const url = URL.createObjectURL(new Blob([formatCsvPoints(current)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'playground-points.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <details className="own-data">
      <summary>{s.ownData}</summary>
      <label htmlFor={textId}>{s.csvLabel}</label>
      <textarea
        id={textId}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'x1,x2,label\n1.5,-2,1\n-3,4,0'}
        spellCheck={false}
        data-csv="text"
      />
      <div className="widget-actions">
        <button type="button" className="button" data-action="use-csv" onClick={() => applyCsv(text)}>
          {s.useCsv}
        </button>
        <label className="button file-button">
          {s.openCsv}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            className="visually-hidden"
            data-csv="file"
            onChange={(e) => void open(e.target.files?.[0])}
          />
        </label>
        <button type="button" className="button" data-action="download-csv" disabled={!current} onClick={download}>
          {s.downloadCsv}
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'widget-hint' : 'widget-notice'} role="status" data-csv-message={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
