import { memo } from 'react';
import { ValueGridCanvas } from '../../charts/ValueGridCanvas';
import { DrawPad } from './DrawPad';
import { ProbabilityBars } from './ProbabilityBars';
import type { CnnViewStrings } from './view-strings';

export type DigitSource = { kind: 'test'; index: number } | { kind: 'drawn'; pixels: Uint8Array };

/**
 * Where the digit comes from (the learner's drawing, or a test digit picked by number), the 28 × 28 the
 * networks see, and each network's ten class probabilities for it.
 */
export const DigitPanel = memo(function DigitPanel({
  source,
  pixels,
  label,
  testCount,
  cnn,
  dense,
  onDrawn,
  onPick,
  s,
}: {
  source: DigitSource;
  pixels: Uint8Array;
  /** The true digit, for a test digit. */
  label: number | null;
  testCount: number;
  cnn: Float32Array | null;
  dense: Float32Array | null;
  onDrawn: (pixels: Uint8Array | null) => void;
  onPick: (index: number) => void;
  s: CnnViewStrings;
}) {
  const index = source.kind === 'test' ? source.index : null;
  const pick = (value: number) => onPick(((Math.round(value) % testCount) + testCount) % testCount);
  return (
    <div className="panel cnn-digit">
      <DrawPad onDigit={onDrawn} />
      <div className="cnn-digit-side">
        <div className="cnn-test-picker" role="group" aria-label={s.pickGroup}>
          <button type="button" className="button small" onClick={() => pick((index ?? 0) - 1)} aria-label={s.previous}>
            ‹
          </button>
          <label>
            {s.testDigit}{' '}
            <input
              type="number"
              min={0}
              max={testCount - 1}
              value={index ?? ''}
              placeholder="—"
              onChange={(e) => pick(Number(e.target.value) || 0)}
            />
          </label>
          <button type="button" className="button small" onClick={() => pick((index ?? -1) + 1)} aria-label={s.next}>
            ›
          </button>
        </div>
        <figure className="cnn-seen">
          <ValueGridCanvas pixels={pixels} width={28} height={28} size={112} label={s.seenLabel} />
          <figcaption>{source.kind === 'drawn' ? s.seenDrawn : s.seenTest(index!, label!)}</figcaption>
        </figure>
      </div>
      <div className="cnn-probabilities" data-network="cnn">
        <p className="cnn-row-label">{s.cnnProbabilities}</p>
        <ProbabilityBars probabilities={cnn} />
      </div>
      {dense && (
        <div className="cnn-probabilities" data-network="dense">
          <p className="cnn-row-label">{s.denseProbabilities}</p>
          <ProbabilityBars probabilities={dense} />
        </div>
      )}
    </div>
  );
});
