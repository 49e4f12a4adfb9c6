import { defineStrings } from './i18n/catalog';

/** What the app says before a page of a feature is shown: loading, the server unreachable, signed out. */
export const appStrings = defineStrings(
  {
    loading: 'Loading…',
    cannotLoad: 'Cannot load Claude Code UI',
    tryAgain: 'Try again',
    sessionEnded: 'Your session has ended. Sign in again.',
    signedOut: 'You are signed out.',
  },
  {
    es: {
      loading: 'Cargando…',
      cannotLoad: 'No se puede cargar Claude Code UI',
      tryAgain: 'Reintentar',
      sessionEnded: 'Tu sesión ha terminado. Vuelve a iniciar sesión.',
      signedOut: 'Has cerrado la sesión.',
    },
    de: {
      loading: 'Wird geladen…',
      cannotLoad: 'Claude Code UI kann nicht geladen werden',
      tryAgain: 'Erneut versuchen',
      sessionEnded: 'Deine Sitzung ist abgelaufen. Melde dich erneut an.',
      signedOut: 'Du bist abgemeldet.',
    },
  },
);
