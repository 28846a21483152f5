import { useState } from 'react';
import { MODEL_FILE, WEIGHTS_FILE, type SavedModel } from '../../ml/cnn-mnist/export-names';
import type { CnnRunStrings } from './run-strings';

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Asks the worker for the trained CNN in tfjs's format and downloads model.json and its weights. */
export function SaveModel({ request, disabled, s }: { request: (name: string) => Promise<unknown>; disabled: boolean; s: CnnRunStrings }) {
  const [status, setStatus] = useState<{ text: string; busy: boolean }>({ text: '', busy: false });
  const save = async () => {
    setStatus({ text: s.saving, busy: true });
    try {
      const saved = (await request('save')) as SavedModel;
      download(MODEL_FILE, new Blob([saved.modelJson], { type: 'application/json' }));
      download(WEIGHTS_FILE, new Blob([saved.weights], { type: 'application/octet-stream' }));
      setStatus({ text: s.saved(saved.stored), busy: false });
    } catch (error) {
      setStatus({ text: s.saveFailed(error instanceof Error ? error.message : String(error)), busy: false });
    }
  };
  return (
    <>
      <button type="button" className="button" data-action="save-model" onClick={save} disabled={disabled || status.busy}>
        ⤓ {s.save}
      </button>
      <span className="cnn-save-status" role="status" data-save-status>
        {status.text}
      </span>
    </>
  );
}
