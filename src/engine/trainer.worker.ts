/// <reference lib="webworker" />
/** The training worker: tfjs lives here and only here. */
import { chooseBackend } from './backend';
import { MODELS } from './models';
import { PAINTERS } from './painters';
import type { ToWorker } from './protocol';
import { TrainingSession } from './training-session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new TrainingSession((message, transfer = []) => scope.postMessage(message, transfer), MODELS, chooseBackend, PAINTERS);

// Messages are handled in order: a reset sent while the backend is still starting waits for it.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue
    .then(() => session.handle(event.data))
    .then(() => {
      if (event.data.type === 'dispose') scope.close();
    });
};
