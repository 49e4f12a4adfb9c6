/*
 * Puts the theme this browser last showed on <html data-theme> before the stylesheet paints, so a
 * dark page never flashes white while the app loads. A classic script in <head>, not inline: the
 * CSP allows scripts from this origin only. The app (src/features/theme/theme.ts, which keeps the
 * choice under the same key) takes over once loaded and reads the person's choice from the server.
 */
(function () {
  var choice = null;
  try {
    choice = window.localStorage.getItem('ccui.theme');
  } catch {
    // storage refused (private mode): follow the system
  }
  var systemDark = !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  var dark = choice === 'dark' || (choice !== 'light' && systemDark);
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
})();
