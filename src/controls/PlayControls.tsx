import type { Strings } from '../i18n/strings';

/** Play / Pause, Step and Reset, the same in every widget. */
export function PlayControls({
  t,
  running,
  canRun,
  onPlay,
  onPause,
  onStep,
  onReset,
}: {
  t: Strings['widget'];
  running: boolean;
  canRun: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
}) {
  return (
    <div className="play-controls" role="group">
      {running ? (
        <button type="button" className="button primary" data-action="pause" onClick={onPause}>
          ❚❚ {t.pause}
        </button>
      ) : (
        <button type="button" className="button primary" data-action="play" onClick={onPlay} disabled={!canRun}>
          ▶ {t.play}
        </button>
      )}
      <button type="button" className="button" data-action="step" onClick={onStep} disabled={!canRun || running}>
        ⇥ {t.step}
      </button>
      <button type="button" className="button" data-action="reset" onClick={onReset}>
        ↺ {t.reset}
      </button>
    </div>
  );
}
