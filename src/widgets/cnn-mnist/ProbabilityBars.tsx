/**
 * The network's answer: one horizontal bar per digit 0–9 with its probability as a percentage beside it,
 * the most probable digit highlighted and stated in a sentence above the bars ("Prediction: 7 (93.4 %)"),
 * which screen readers announce when it changes. Plain DOM: every number is text.
 */
import { useLang } from '../../i18n/LangContext';
import { percentText } from '../../controls/format';
import { CNN_STRINGS } from './strings';

export interface ProbabilityBarsProps {
  /** Ten probabilities (the softmax output) for digits 0–9; null before there is anything to classify. */
  probabilities: Float32Array | readonly number[] | null;
}

/** The index of the largest finite value (the first of equals); −1 when there is none. */
export function topClass(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i]) && (best < 0 || values[i] > values[best])) best = i;
  }
  return best;
}

export function ProbabilityBars({ probabilities }: ProbabilityBarsProps) {
  const lang = useLang();
  const s = CNN_STRINGS[lang];
  const top = probabilities ? topClass(probabilities) : -1;
  return (
    <figure className="panel cnn-probabilities">
      <figcaption>{s.probabilities}</figcaption>
      <p className="cnn-prediction" aria-live="polite" aria-atomic="true">
        {probabilities && top >= 0 ? s.prediction(top, percentText(probabilities[top], lang, 0)) : s.noPrediction}
      </p>
      {probabilities && (
        <ol className="cnn-bars" start={0}>
          {Array.from({ length: 10 }, (_, digit) => {
            const p = probabilities[digit] ?? NaN;
            const shown = Number.isFinite(p) ? Math.min(Math.max(p, 0), 1) : 0;
            const text = Number.isFinite(p) ? percentText(p, lang) : '–';
            return (
              <li key={digit} className={digit === top ? 'cnn-bar cnn-bar-top' : 'cnn-bar'} aria-label={s.digitProbability(digit, text)}>
                <span className="cnn-bar-digit" aria-hidden="true">
                  {digit}
                </span>
                <span className="cnn-bar-track" aria-hidden="true">
                  <span className="cnn-bar-fill" style={{ transform: `scaleX(${shown})` }} />
                </span>
                <span className="cnn-bar-value" aria-hidden="true" data-value={digit}>
                  {text}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </figure>
  );
}
