import { navigate, parseRoute } from './route';

/**
 * The page-wide shortcuts that act on what is on screen: the composer, the first permission
 * request waiting in the open chat, and the next or previous session of the sidebar's list.
 * Alt with a letter uses `e.code`: on some layouts Alt+letter types a character, so `e.key` is
 * not the letter there. Returns true when the key was one of them.
 */
export function runShortcut(e: KeyboardEvent): boolean {
  if (!e.altKey || e.ctrlKey || e.metaKey) return false;
  if (e.code === 'KeyC' && !e.shiftKey) {
    // Found by its place, not its label: the label is in the language shown.
    const composer = document.querySelector<HTMLTextAreaElement>('form.composer textarea');
    if (!composer) return false;
    e.preventDefault();
    composer.focus();
    return true;
  }
  if (e.code === 'KeyA' || e.code === 'KeyX') {
    const card = document.querySelector('main .permission-card:not(.decided)');
    // The card's buttons announce their own shortcut; their words are in the language shown.
    const keys = e.code === 'KeyX' ? 'Alt+X' : e.shiftKey ? 'Alt+Shift+A' : 'Alt+A';
    const button = card?.querySelector<HTMLButtonElement>(`.permission-actions button[aria-keyshortcuts="${keys}"]`);
    if (!button || button.disabled) return false;
    e.preventDefault();
    button.click();
    return true;
  }
  if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.shiftKey) {
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('#sidebar a.session-link'));
    if (links.length === 0) return false;
    // The session open is the one in the address, not the link the sidebar marks: right after a
    // move the address is ahead of the sidebar's next render, and a second press must go on from it.
    const open = parseRoute(window.location.hash);
    const at = open.page === 'session' ? links.findIndex((a) => sessionOf(a) === open.sessionId) : -1;
    const next = at < 0 ? 0 : at + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= links.length) return false;
    e.preventDefault();
    navigate(links[next].getAttribute('href') ?? '');
    return true;
  }
  return false;
}

function sessionOf(link: HTMLAnchorElement): string | undefined {
  const route = parseRoute(link.getAttribute('href') ?? '');
  return route.page === 'session' ? route.sessionId : undefined;
}
