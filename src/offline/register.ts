/** Registers the service worker in production builds; reports when the course is saved for offline use. */
export function registerServiceWorker(onReady: () => void) {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').then(
      () => navigator.serviceWorker.ready.then(onReady),
      () => {
        /* without a service worker the site still works online */
      },
    );
  });
}
