import { useState } from 'react';
import type { ModelFilesMessage } from '../../engine/protocol';
import type { ServingStrings } from './strings';

/** Opens lesson 10's downloaded model.json and weights file and hands them to the server as the canary. */
export function OpenModel({
  open,
  failure,
  disabled,
  s,
}: {
  open: (files: ModelFilesMessage) => void;
  /** Why the server could not load the files it was sent, if it could not. */
  failure: string | null;
  disabled: boolean;
  s: ServingStrings;
}) {
  const [error, setError] = useState<string | null>(null);
  const choose = async (files: FileList | null) => {
    setError(null);
    const list = [...(files ?? [])];
    const json = list.find((f) => f.name.endsWith('.json'));
    const bin = list.find((f) => !f.name.endsWith('.json'));
    if (!json || !bin) return setError(s.openFailed('model.json + .bin'));
    try {
      open({ modelJson: await json.text(), weights: await bin.arrayBuffer() });
    } catch (reason) {
      setError(s.openFailed(reason instanceof Error ? reason.message : String(reason)));
    }
  };
  return (
    <>
      <label className="serving-open">
        {s.open}{' '}
        <input
          type="file"
          multiple
          accept=".json,.bin"
          data-action="open-model"
          onChange={(e) => void choose(e.target.files)}
          disabled={disabled}
        />
      </label>
      <p className="widget-hint">{s.openHint}</p>
      {(error ?? failure) && (
        <p className="widget-alert" role="alert">
          {error ?? s.openFailed(failure!)}
        </p>
      )}
    </>
  );
}
