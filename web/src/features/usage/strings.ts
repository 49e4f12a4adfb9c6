import { defineStrings } from '../../i18n/catalog';

export const usageStrings = defineStrings(
  {
    title: 'Usage',
    introEveryProject: 'Tokens and cost of every project: turns run here, and sessions run outside the app (counted on their last day).',
    introYourProjects: 'Tokens and cost of your projects: turns run here, and sessions run outside the app (counted on their last day).',
    from: 'From',
    to: 'To',
    by: 'By',
    show: 'Show',
    project: 'Project',
    model: 'Model',
    user: 'User',
    day: 'Day',
    group: 'Group',
    cost: 'Cost',
    tokens: 'Tokens',
    exportCsv: 'Export CSV',
    loading: 'Loading…',
    // After the total cost; the figures are formatted already (format.ts).
    totalRest: (tokensIn: string, tokensOut: string, turns: number, turnsText: string) =>
      `, ${tokensIn} tokens in, ${tokensOut} out, ${turnsText} ${turns === 1 ? 'turn' : 'turns'}`,
    totalLabel: 'Total: ',
    nothing: 'Nothing in this period.',
    inputTokens: 'Input tokens',
    outputTokens: 'Output tokens',
    turns: 'Turns',
    // The chart
    chartLabel: (metric: 'cost' | 'tokens', from: string, to: string, highest: string) =>
      `${metric === 'cost' ? 'Cost' : 'Tokens'} per day from ${from} to ${to}; highest ${highest}`,
    chartCaption: (metric: 'cost' | 'tokens', highest: string) =>
      `${metric === 'cost' ? 'Cost' : 'Tokens'} per day (UTC), highest ${highest}`,
  },
  {
    es: {
      title: 'Uso',
      introEveryProject: 'Tokens y coste de todos los proyectos: turnos ejecutados aquí y sesiones ejecutadas fuera de la app (contadas en su último día).',
      introYourProjects: 'Tokens y coste de tus proyectos: turnos ejecutados aquí y sesiones ejecutadas fuera de la app (contadas en su último día).',
      from: 'Desde',
      to: 'Hasta',
      by: 'Por',
      show: 'Mostrar',
      project: 'Proyecto',
      model: 'Modelo',
      user: 'Usuario',
      day: 'Día',
      group: 'Grupo',
      cost: 'Coste',
      tokens: 'Tokens',
      exportCsv: 'Exportar CSV',
      loading: 'Cargando…',
      totalRest: (tokensIn: string, tokensOut: string, turns: number, turnsText: string) =>
        `, ${tokensIn} tokens de entrada, ${tokensOut} de salida, ${turnsText} ${turns === 1 ? 'turno' : 'turnos'}`,
      totalLabel: 'En total: ',
      nothing: 'Nada en este periodo.',
      inputTokens: 'Tokens de entrada',
      outputTokens: 'Tokens de salida',
      turns: 'Turnos',
      chartLabel: (metric: 'cost' | 'tokens', from: string, to: string, highest: string) =>
        `${metric === 'cost' ? 'Coste' : 'Tokens'} por día del ${from} al ${to}; máximo ${highest}`,
      chartCaption: (metric: 'cost' | 'tokens', highest: string) =>
        `${metric === 'cost' ? 'Coste' : 'Tokens'} por día (UTC), máximo ${highest}`,
    },
    de: {
      title: 'Nutzung',
      introEveryProject: 'Tokens und Kosten aller Projekte: hier gelaufene Durchgänge und außerhalb der App gelaufene Sitzungen (gezählt an ihrem letzten Tag).',
      introYourProjects: 'Tokens und Kosten deiner Projekte: hier gelaufene Durchgänge und außerhalb der App gelaufene Sitzungen (gezählt an ihrem letzten Tag).',
      from: 'Von',
      to: 'Bis',
      by: 'Nach',
      show: 'Anzeigen',
      project: 'Projekt',
      model: 'Modell',
      user: 'Benutzer',
      day: 'Tag',
      group: 'Gruppe',
      cost: 'Kosten',
      tokens: 'Tokens',
      exportCsv: 'Als CSV exportieren',
      loading: 'Wird geladen…',
      totalRest: (tokensIn: string, tokensOut: string, turns: number, turnsText: string) =>
        `, ${tokensIn} Tokens Eingabe, ${tokensOut} Ausgabe, ${turnsText} ${turns === 1 ? 'Durchgang' : 'Durchgänge'}`,
      totalLabel: 'Gesamt: ',
      nothing: 'Nichts in diesem Zeitraum.',
      inputTokens: 'Eingabe-Tokens',
      outputTokens: 'Ausgabe-Tokens',
      turns: 'Durchgänge',
      chartLabel: (metric: 'cost' | 'tokens', from: string, to: string, highest: string) =>
        `${metric === 'cost' ? 'Kosten' : 'Tokens'} pro Tag vom ${from} bis ${to}; Höchstwert ${highest}`,
      chartCaption: (metric: 'cost' | 'tokens', highest: string) =>
        `${metric === 'cost' ? 'Kosten' : 'Tokens'} pro Tag (UTC), Höchstwert ${highest}`,
    },
  },
);
