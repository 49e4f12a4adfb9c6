/**
 * Registers /sw.js (installable app, cached hashed assets). Not in development: Vite serves
 * unhashed modules there, which must always come fresh.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without it the app works the same, only not installable.
    });
  });
}
