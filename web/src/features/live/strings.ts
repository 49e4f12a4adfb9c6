import { defineStrings } from '../../i18n/catalog';

export const liveStrings = defineStrings(
  {
    // ConnectionIndicator
    live: 'Live',
    connecting: 'Connecting…',
    offline: 'Offline',
    reconnectingIn: (seconds: number) => `Reconnecting in ${seconds} s`,
    reconnecting: 'Reconnecting…',
    connectedTitle: 'Connected: lists update live',
    offlineTitle: 'The browser is offline; live updates resume when it is back',
    pausedTitle: 'Live updates are paused while the connection is restored',
    retryNow: 'Retry now',
    // IndexProgressBar
    indexing: 'Indexing transcripts…',
    listingFiles: (done: number, total: number) => `Listing sessions… ${done} / ${total} files`,
    indexingFiles: (done: number, total: number) => `Indexing transcripts… ${done} / ${total} files`,
    indexingLabel: 'Transcript indexing',
  },
  {
    es: {
      live: 'En directo',
      connecting: 'Conectando…',
      offline: 'Sin conexión',
      reconnectingIn: (seconds: number) => `Reconectando en ${seconds} s`,
      reconnecting: 'Reconectando…',
      connectedTitle: 'Conectado: las listas se actualizan en directo',
      offlineTitle: 'El navegador no tiene conexión; las actualizaciones en directo vuelven cuando se recupere',
      pausedTitle: 'Las actualizaciones en directo están en pausa mientras se restablece la conexión',
      retryNow: 'Reintentar ahora',
      indexing: 'Indexando transcripciones…',
      listingFiles: (done: number, total: number) => `Listando sesiones… ${done} / ${total} archivos`,
      indexingFiles: (done: number, total: number) => `Indexando transcripciones… ${done} / ${total} archivos`,
      indexingLabel: 'Indexación de transcripciones',
    },
    de: {
      live: 'Verbunden',
      connecting: 'Verbinde…',
      offline: 'Ohne Verbindung',
      reconnectingIn: (seconds: number) => `Neue Verbindung in ${seconds} s`,
      reconnecting: 'Verbinde neu…',
      connectedTitle: 'Verbunden: Listen aktualisieren sich live',
      offlineTitle: 'Der Browser ist offline; Live-Updates kommen wieder, sobald er zurück ist',
      pausedTitle: 'Live-Updates sind pausiert, bis die Verbindung wiederhergestellt ist',
      retryNow: 'Jetzt erneut versuchen',
      indexing: 'Transkripte werden indexiert…',
      listingFiles: (done: number, total: number) => `Sitzungen werden aufgelistet… ${done} / ${total} Dateien`,
      indexingFiles: (done: number, total: number) => `Transkripte werden indexiert… ${done} / ${total} Dateien`,
      indexingLabel: 'Indexierung der Transkripte',
    },
  },
);
