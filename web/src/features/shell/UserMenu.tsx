import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { ThemeChoice } from '../../api/preferences';
import type { User } from '../../api/types';
import { useStrings } from '../../i18n/catalog';
import { LANGUAGE_NAMES, LANGUAGES, type Lang } from '../../i18n/languages';
import { notificationsBlocked, notificationsOn, setNotifications } from '../notify/notify';
import { updatePreferences, usePreferences } from '../preferences/preferences';
import { userMenuStrings } from './UserMenu.strings';

const THEMES: { value: ThemeChoice; label: 'themeSystem' | 'themeLight' | 'themeDark' }[] = [
  { value: 'system', label: 'themeSystem' },
  { value: 'light', label: 'themeLight' },
  { value: 'dark', label: 'themeDark' },
];

export function UserMenu({ user, onNavigate, onSignOut }: {
  user: User;
  onNavigate: (route: string) => void;
  onSignOut: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [notify, setNotify] = useState(notificationsOn);
  const { theme, language } = usePreferences();
  const t = useStrings(userMenuStrings);
  const [choiceError, setChoiceError] = useState<string | null>(null);
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
  function choose(patch: { theme: ThemeChoice } | { language: Lang | null }) {
    setChoiceError(null);
    updatePreferences(patch).catch((err: unknown) => setChoiceError(t.notSaved(errorMessage(err))));
  }

  return (
    <div className="user-menu" ref={root}>
      <button ref={button} type="button" className="user-button" aria-haspopup="menu" aria-expanded={open}
        aria-controls="user-menu-list" onClick={() => setOpen((o) => !o)}>
        <span className="avatar" aria-hidden="true">{user.username.slice(0, 1).toUpperCase()}</span>
        <span className="user-name">{user.username}</span>
        <span className="sr-only">{t.openMenu}</span>
      </button>
      {open && (
        <ul id="user-menu-list" role="menu" aria-label={t.menu} className="menu">
          <li role="none" className="menu-label">
            {t.signedInAs} <strong>{user.username}</strong> ({t.role(user.role)})
          </li>
          {user.role === 'admin' && (
            // On a phone the top bar has no room for the admin links: they are here.
            <>
              <li role="none" className="phone-only">
                <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('users'))}>{t.users}</button>
              </li>
              <li role="none" className="phone-only">
                <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('audit'))}>{t.audit}</button>
              </li>
            </>
          )}
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('password'))}>{t.changePassword}</button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('api-keys'))}>{t.apiKeys}</button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(() => onNavigate('notifications'))}>{t.pushNotifications}</button>
          </li>
          {'Notification' in window && (
            <li role="none">
              <button type="button" role="menuitemcheckbox" aria-checked={notify} disabled={!notify && notificationsBlocked()}
                title={notificationsBlocked() ? t.notificationsBlocked : undefined}
                onClick={() => void setNotifications(!notify).then(setNotify)}>
                <span aria-hidden="true">🔔 </span>{t.notifyMe}
              </button>
            </li>
          )}
          <li role="none">
            <div role="group" aria-labelledby="theme-choice-label" className="theme-choice">
              <span id="theme-choice-label" className="menu-group-label">{t.theme}</span>
              {THEMES.map((choice) => (
                <button key={choice.value} type="button" role="menuitemradio" aria-checked={theme === choice.value}
                  onClick={() => choose({ theme: choice.value })}>{t[choice.label]}</button>
              ))}
            </div>
          </li>
          <li role="none">
            <div role="group" aria-labelledby="language-choice-label" className="theme-choice language-choice">
              <span id="language-choice-label" className="menu-group-label">{t.language}</span>
              <button type="button" role="menuitemradio" aria-checked={language == null}
                onClick={() => choose({ language: null })}>{t.languageBrowser}</button>
              {LANGUAGES.map((lang) => (
                // Each language in its own words, marked as such for screen readers.
                <button key={lang} type="button" role="menuitemradio" lang={lang} aria-checked={language === lang}
                  onClick={() => choose({ language: lang })}>{LANGUAGE_NAMES[lang]}</button>
              ))}
            </div>
            {choiceError && <p role="alert" className="menu-error">{choiceError}</p>}
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => pick(onSignOut)}>{t.signOut}</button>
          </li>
        </ul>
      )}
    </div>
  );
}
