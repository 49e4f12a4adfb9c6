import { defineStrings } from '../../i18n/catalog';

export const searchStrings = defineStrings(
  {
    searchAll: 'Search all sessions',
    placeholder: 'Search sessions',
    results: 'Search results',
    searching: 'Searching…',
    noMatch: 'No session matches.',
    untitled: (id: string) => `Session ${id}`,
    inProject: 'in project ',
    loading: 'Loading…',
    moreResults: 'More results',
  },
  {
    es: {
      searchAll: 'Buscar en todas las sesiones',
      placeholder: 'Buscar sesiones',
      results: 'Resultados de la búsqueda',
      searching: 'Buscando…',
      noMatch: 'Ninguna sesión coincide.',
      untitled: (id: string) => `Sesión ${id}`,
      inProject: 'en el proyecto ',
      loading: 'Cargando…',
      moreResults: 'Más resultados',
    },
    de: {
      searchAll: 'Alle Sitzungen durchsuchen',
      placeholder: 'Sitzungen durchsuchen',
      results: 'Suchergebnisse',
      searching: 'Suche läuft…',
      noMatch: 'Keine Sitzung passt.',
      untitled: (id: string) => `Sitzung ${id}`,
      inProject: 'im Projekt ',
      loading: 'Wird geladen…',
      moreResults: 'Weitere Ergebnisse',
    },
  },
);
