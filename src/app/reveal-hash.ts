/**
 * After a search result is opened: waits for the element the URL's #hash names (a lesson renders its body
 * after loading it), scrolls to it and moves keyboard focus there, so a keyboard user goes on reading from
 * the heading rather than from the top of the page.
 */
import { hashTarget } from './router';

const WAIT_MS = 10_000;

function reveal(target: HTMLElement) {
  target.scrollIntoView({ block: 'start' });
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/** Call right after `navigate`: it looks once the new page has rendered (the old one may have the same id). */
export function revealHash() {
  requestAnimationFrame(revealWhenPresent);
}

function revealWhenPresent() {
  const id = hashTarget(window.location.hash);
  if (!id) return;
  const now = document.getElementById(id);
  if (now) {
    reveal(now);
    return;
  }
  const observer = new MutationObserver(() => {
    const target = document.getElementById(id);
    if (!target) return;
    stop();
    reveal(target);
  });
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
}
