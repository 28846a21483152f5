// Applies the saved theme and text size before the first paint, so a dark classroom never sees a white
// flash. A classic script loaded synchronously from <head> (the Content-Security-Policy allows no inline
// script); the keys are those of src/app/preferences.ts.
try {
  var t = localStorage.getItem('theme');
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  if (localStorage.getItem('text-size') === 'large') document.documentElement.dataset.textSize = 'large';
} catch (e) {
  // Storage may be unavailable (private mode, blocked cookies): the system theme applies.
}
