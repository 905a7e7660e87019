import type { DayMonthOrder } from "./date-column.js";
import { headerKey } from "./header-names.js";
import type { DecimalStyle } from "./number-text.js";

/**
 * Words that give away the language of a localized export. When a column's own values cannot tell
 * whether "1.234" has a decimal point, or whether "03/05/2025" is 3 May, the report's language decides:
 * Portuguese, Spanish, German, French and Italian reports write decimal commas and day before month.
 */
const MARKERS: Array<{ words: RegExp; decimal: DecimalStyle; dayMonth: DayMonthOrder }> = [
  {
    words: /^(custo|cliques|campanha|conversoes|impressoes|moeda|codigo da moeda|orcamento|palavra-chave)\b/,
    decimal: "comma",
    dayMonth: "day-month",
  },
  {
    words: /^(coste|costo|clics|campana|conversiones|impresiones|moneda|presupuesto)\b/,
    decimal: "comma",
    dayMonth: "day-month",
  },
  {
    words: /^(kosten|klicks|kampagne|konversionen|impressionen|wahrung|anzeigengruppe)\b/,
    decimal: "comma",
    dayMonth: "day-month",
  },
  {
    words: /^(cout|campagne|devise|groupe d'annonces|budget quotidien)\b/,
    decimal: "comma",
    dayMonth: "day-month",
  },
  { words: /^(costi|campagna|conversioni|impressioni)\b/, decimal: "comma", dayMonth: "day-month" },
];

export function localeHints(header: string[]): {
  decimal: DecimalStyle | null;
  dayMonth: DayMonthOrder | null;
} {
  const keys = header.map(headerKey);
  for (const marker of MARKERS) {
    if (keys.some((key) => marker.words.test(key)))
      return { decimal: marker.decimal, dayMonth: marker.dayMonth };
  }
  return { decimal: null, dayMonth: null };
}
