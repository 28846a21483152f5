/** Whether the service worker has saved the course for offline use, as a store React can subscribe to. */
import { registerServiceWorker } from './register';

let ready = false;
const listeners = new Set<() => void>();

export function startOfflineSupport() {
  registerServiceWorker(() => {
    ready = true;
    listeners.forEach((listener) => listener());
  });
}

export function subscribeOffline(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isOfflineReady() {
  return ready;
}
