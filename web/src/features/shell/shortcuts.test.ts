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
