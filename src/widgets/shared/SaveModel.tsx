import { useState } from 'react';
import type { SavedModel, SavedModelFiles } from '../../ml/shared/saved-model';

export interface SaveModelStrings {
  save: string;
  saving: string;
  saved: (stored: boolean) => string;
  saveFailed: (why: string) => string;
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Asks the worker for the trained model in tfjs's format and downloads model.json and its weights. */
export function SaveModel({
  request,
  disabled,
  files,
  s,
}: {
  request: (name: string) => Promise<unknown>;
  disabled: boolean;
  files: SavedModelFiles;
  s: SaveModelStrings;
}) {
  const [status, setStatus] = useState<{ text: string; busy: boolean }>({ text: '', busy: false });
  const save = async () => {
    setStatus({ text: s.saving, busy: true });
    try {
      const saved = (await request('save')) as SavedModel;
      download(files.model, new Blob([saved.modelJson], { type: 'application/json' }));
      download(files.weights, new Blob([saved.weights], { type: 'application/octet-stream' }));
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
