import { afterEach, describe, expect, it } from 'vitest';
import { runShortcut } from './shortcuts';

function sidebar(current: string) {
  document.body.innerHTML = `<nav id="sidebar">${['s1', 's2', 's3']
    .map((id) => `<a class="session-link" href="#/p/p1/s/${id}"${id === current ? ' aria-current="page"' : ''}>${id}</a>`)
    .join('')}</nav>`;
}

function altArrow(key: 'ArrowDown' | 'ArrowUp'): boolean {
  return runShortcut(new KeyboardEvent('keydown', { key, altKey: true, cancelable: true }));
}

afterEach(() => {
  document.body.innerHTML = '';
  window.location.hash = '';
});

describe('Alt+↑/↓ between sessions', () => {
  it('goes on from the session in the address even when the sidebar has not caught up yet', () => {
    // The sidebar still marks s1, but the address already moved to s2 (its render is pending).
    sidebar('s1');
    window.location.hash = '#/p/p1/s/s2';
    expect(altArrow('ArrowDown')).toBe(true);
    expect(window.location.hash).toBe('#/p/p1/s/s3');
    expect(altArrow('ArrowUp')).toBe(true);
    expect(window.location.hash).toBe('#/p/p1/s/s2');
  });

  it('stops at the ends of the list and opens the first session from elsewhere', () => {
    sidebar('s3');
    window.location.hash = '#/p/p1/s/s3';
    expect(altArrow('ArrowDown')).toBe(false);
    expect(window.location.hash).toBe('#/p/p1/s/s3');
    window.location.hash = '#/p/p1';
    expect(altArrow('ArrowDown')).toBe(true);
    expect(window.location.hash).toBe('#/p/p1/s/s1');
  });
});

describe('Alt+C, Alt+A and Alt+X in any language', () => {
  function press(code: string, shiftKey = false): boolean {
    return runShortcut(new KeyboardEvent('keydown', { code, altKey: true, shiftKey, cancelable: true }));
  }

  it('find the composer and the approval buttons by place and shortcut, not by their (translated) words', () => {
    const clicked: string[] = [];
    document.body.innerHTML = `<main><section class="permission-card"><div class="permission-actions">
      <button aria-keyshortcuts="Alt+A">Erlauben</button><button aria-keyshortcuts="Alt+Shift+A">Immer erlauben</button>
      <button aria-keyshortcuts="Alt+X">Ablehnen</button></div></section>
      <form class="composer"><textarea aria-label="Nachricht an Claude"></textarea></form></main>`;
    document.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => clicked.push(b.textContent ?? '')));

    expect(press('KeyC')).toBe(true);
    expect(document.activeElement).toBe(document.querySelector('textarea'));
    expect(press('KeyA', true)).toBe(true);
    expect(press('KeyX')).toBe(true);
    expect(press('KeyA')).toBe(true);
    expect(clicked).toEqual(['Immer erlauben', 'Ablehnen', 'Erlauben']);
  });
});
