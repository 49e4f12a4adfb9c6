import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { ThemeChoice } from '../../api/preferences';
import type { User } from '../../api/types';
import { notificationsBlocked, notificationsOn, setNotifications } from '../notify/notify';
import { updatePreferences, usePreferences } from '../preferences/preferences';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function UserMenu({ user, onNavigate, onSignOut }: {
  user: User;
  onNavigate: (route: string) => void;
  onSignOut: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [notify, setNotify] = useState(notificationsOn);
  const { theme } = usePreferences();
  const [themeError, setThemeError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  function pick(action: () => void) {
    setOpen(false);
    action();
  }

  /** The menu stays open: the page changes at once, so the person can compare before leaving. */
  function chooseTheme(choice: ThemeChoice) {
    setThemeError(null);
    updatePreferences({ theme: choice }).catch((err: unknown) =>
      setThemeError(`Shown here, but not saved for your other browsers: ${errorMessage(err)}`));
  }

  return (
    <div className="user-menu" ref={root}>
      <button ref={button} type="button" className="user-button" aria-haspopup="menu" aria-expanded={open}
        aria-controls="user-menu-list" onClick={() => setOpen((o) => !o)}>
        <span className="avatar" aria-hidden="true">{user.username.slice(0, 1).toUpperCase()}</span>
        <span className="user-name">{user.username}</span>
        <span className="sr-only">, open the user menu</span>
      </button>
      {open && (
        <ul id="user-menu-list" role="menu" aria-label="User menu" className="menu">
          <li role="none" className="menu-label">
            Signed in as <strong>{user.username}</strong> ({user.role})
          </li>
          {user.role === 'admin' && (
            // On a phone the top bar has no room for the admin links: they are here.
            <>
              <li role="none" className="phone-only">
                <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('users'))}>Users</button>
              </li>
              <li role="none" className="phone-only">
                <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('audit'))}>Audit log</button>
              </li>
            </>
          )}
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('password'))}>Change password</button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('api-keys'))}>API keys</button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('notifications'))}>Push notifications</button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('permission-rules'))}>My permission rules</button>
          </li>
          {'Notification' in window && (
            <li role="none">
              <button type="button" role="menuitemcheckbox" aria-checked={notify} disabled={!notify && notificationsBlocked()}
                title={notificationsBlocked() ? 'Notifications are blocked in the browser settings of this site' : undefined}
                onClick={() => void setNotifications(!notify).then(setNotify)}>
                <span aria-hidden="true">🔔 </span>Notify me when a run ends or needs approval
              </button>
            </li>
          )}
          <li role="none">
            <div role="group" aria-labelledby="theme-choice-label" className="theme-choice">
              <span id="theme-choice-label" className="menu-group-label">Theme</span>
              {THEMES.map((t) => (
                <button key={t.value} type="button" role="menuitemradio" aria-checked={theme === t.value}
                  onClick={() => chooseTheme(t.value)}>{t.label}</button>
              ))}
            </div>
            {themeError && <p role="alert" className="menu-error">{themeError}</p>}
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(onSignOut)}>Sign out</button>
          </li>
        </ul>
      )}
    </div>
  );
}
