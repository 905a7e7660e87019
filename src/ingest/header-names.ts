import { foldText } from "./date-text.js";
import type { Measure } from "./fact-table.js";

/**
 * What each header means, in the words platforms use: Google Ads in English, Portuguese, Spanish, German
 * and French; Meta Ads Manager (collaborative ads too); TikTok; LinkedIn; Microsoft Advertising; Amazon
 * Ads; Snapchat; Pinterest; Reddit; X; GA4; Shopify; and the names people give columns in their own sheets. Lists are in order of preference: when a file has both "Link clicks" and
 * "Clicks (all)", the earlier one is the measure and the other is kept as an extra.
 */

export type Target = Measure | "roas" | "date" | "currency" | StandardDimension;
type StandardDimension = "campaign" | "ad_group" | "ad" | "channel" | "device" | "country" | "keyword";

export const HEADER_SYNONYMS: Record<Target, string[]> = {
  spend: [
    "cost",
    "spend",
    "amount spent",
    "spent",
    "total spent",
    "total cost",
    "spend in account currency",
    "total spend",
    "ad spend",
    "media cost",
    "costs",
    "custo",
    "coste",
    "costo",
    "kosten",
    "cout",
    "costi",
    "valor usado",
    "valor gasto",
    "importe gastado",
    "montant depense",
    "betrag ausgegeben",
  ],
  impressions: [
    // Snapchat and Pinterest also count earned (unpaid) impressions: the spend bought the paid ones.
    "paid impressions",
    "impressions",
    "impr.",
    "impr",
    "impressoes",
    "impresiones",
    "impressionen",
    "impressioni",
    "views",
  ],
  clicks: [
    "clicks",
    "link clicks",
    "clicks (destination)",
    "website clicks",
    "clicks (all)",
    "swipe ups",
    "swipes",
    "pin clicks",
    "outbound clicks",
    "cliques",
    "clics",
    "klicks",
    "clic",
    "clique",
  ],
  conversions: [
    "conversions",
    "conv.",
    "total conversion",
    "total conversions",
    "purchases",
    "purchase",
    "purchases with shared items",
    "website purchases",
    "results purchases",
    "orders",
    "total orders",
    "7 day total orders",
    "14 day total orders",
    "total conversions (checkout)",
    "sessions that completed checkout",
    "complete payment",
    "leads",
    "conversoes",
    "conversiones",
    "konversionen",
    "conversioni",
    "approved conversion",
    "approved conversions",
  ],
  revenue: [
    "revenue",
    "total revenue",
    "purchase revenue",
    "conv. value",
    "conversion value",
    "conversion values",
    "total conversion value",
    "conv value",
    "purchases conversion value",
    "purchases conversion value for shared items only",
    "website purchases conversion value",
    "purchase conversion value",
    "purchase value",
    "total purchase value",
    "total complete payment",
    "total complete payment value",
    "purchases value",
    "7 day total sales",
    "14 day total sales",
    "total order value (checkout)",
    "total order value (lead)",
    "total sales",
    "sales",
    "gross sales",
    "net sales",
    "receita",
    "valor de conv.",
    "valor da conv.",
    "valor de conversao",
    "valor de conversion",
    "ingresos",
    "umsatz",
    "conv.-wert",
    "conversionswert",
    "valeur de conv.",
    "valeur de conversion",
    "chiffre d'affaires",
  ],
  sessions: ["sessions", "sessoes", "sesiones", "sitzungen", "sessioni"],
  engaged_sessions: [
    "engaged sessions",
    "sessoes engajadas",
    "sesiones con interaccion",
    "sitzungen mit interaktionen",
    "sessions avec engagement",
    "sessioni con engagement",
  ],
  key_events: [
    "key events",
    "eventos principais",
    "eventos clave",
    "schlusselereignisse",
    "evenements cles",
    "eventi chiave",
  ],
  roas: [
    "purchase roas (return on ad spend)",
    "purchase roas",
    "website purchase roas (return on advertising spend)",
    "website purchase roas",
    "purchase roas for shared items only",
    "roas",
    "conv. value / cost",
    "complete payment roas",
  ],
  date: [
    "day",
    "date",
    "data",
    "dia",
    "fecha",
    "datum",
    "tag",
    "jour",
    "giorno",
    "reporting starts",
    "reporting start",
    "start date (in utc)",
    "start date",
    "start time",
    "gregorian date",
    "time period",
    "stat time",
    "stat time day",
    "by day",
    "week",
    "week start",
    "semana",
    "woche",
    "semaine",
    "month",
    "mes",
    "monat",
    "mois",
    "period",
    "time",
  ],
  currency: [
    "currency code",
    "currency",
    "codigo da moeda",
    "moeda",
    "codigo de moneda",
    "moneda",
    "wahrungscode",
    "wahrung",
    "code de la devise",
    "code devise",
    "devise",
  ],
  campaign: [
    "campaign",
    "campaign name",
    "campanha",
    "nome da campanha",
    "campana",
    "nombre de la campana",
    "kampagne",
    "kampagnenname",
    "campagne",
    "nom de la campagne",
    "campagna",
    "campaign id",
    "xyz campaign id",
  ],
  ad_group: [
    "ad group",
    "ad group name",
    "ad set name",
    "ad set",
    "adset",
    "adset name",
    "ad squad name",
    "grupo de anuncios",
    "conjunto de anuncios",
    "nome do conjunto de anuncios",
    "anzeigengruppe",
    "groupe d'annonces",
    "gruppo di annunci",
  ],
  ad: [
    "ad",
    "ad name",
    "anuncio",
    "nome do anuncio",
    "anzeige",
    "annonce",
    "creative name",
    "ad title",
    "promoted pin name",
  ],
  channel: [
    "channel",
    "channel group",
    "default channel group",
    "session default channel group",
    "session primary channel group (default channel group)",
    "session primary channel group",
    "first user default channel group",
    "first user primary channel group (default channel group)",
    "session source / medium",
    "source / medium",
    "platform",
    "publisher platform",
    "source",
    "canal",
    "network",
    "rede",
  ],
  device: ["device", "device category", "device type", "dispositivo", "gerat", "appareil"],
  country: ["country", "country/region", "country / region", "pais", "land", "pays", "paese"],
  keyword: [
    "keyword",
    "search keyword",
    "keyword text",
    "palavra-chave",
    "palavra-chave da rede de pesquisa",
    "palabra clave",
    "palabra clave de busqueda",
    "mot cle",
    "mot-cle",
  ],
};

/**
 * Column headers that hold platform-computed ratios, averages or settings (CTR, Avg. CPC, Conv. rate,
 * budgets, bids, impression share). They are not additive, so they are neither summed nor kept as extra
 * measures: every KPI is recomputed from the summed measures instead.
 */
const NOT_ADDITIVE =
  /\b(rate|ratio|taxa|tasa|taux|tasso|quote|e?ctr|e?cpc|e?cpm|e?cpa|e?cpv|e?cpl|e?cpsu|acos|roas|frequency|avg|average|media|medio|promedio|durchschn|moyen|per|budget|orcamento|presupuesto|bid|lance|share|score|pontuacao|position|posicao|duration|duracao|percent|index|rank|ranking)\b|%|\/|^(cost|custo|coste|costo|kosten|cout) (per|por|pro|par)\b|\bis\b|\(top\)|\babs\./;

/** Folded and tidied header text used for matching: "Amount spent (USD)" -> "amount spent". */
export function headerKey(header: string): string {
  // "(USD)", "($)" and Amazon's count marker "(#)" say how a figure is written, not what it is.
  const withoutUnit = header.replace(/\s*[([]([A-Z]{3}|[$€£¥₹#])[)\]]\s*$/, "");
  return foldText(withoutUnit)
    .replace(/^\ufeff/, "")
    .replace(/^#\s*of\s+/, "")
    .replace(/[_\s]+/g, " ")
    .trim();
}

/** The ISO currency code a header carries, as in "Amount spent (USD)" or "Spend [USD]". */
export function currencyInHeader(header: string): string | null {
  const match = /[([]([A-Z]{3})[)\]]/.exec(header);
  return match ? (match[1] as string) : null;
}

export function isNotAdditive(header: string): boolean {
  return NOT_ADDITIVE.test(headerKey(header));
}

/** Header words that say the numbers in a column are identifiers or codes, not quantities. */
export function looksLikeIdentifier(header: string): boolean {
  const key = headerKey(header);
  return (
    /(^|[\s_-])(id|ids|code|codigo|zip|zip code|postal code|interest|number|nr)$/.test(key) ||
    /^(year|ano|week|month|hour|age|day of week)$/.test(key)
  );
}

/** Header words that make an eight-digit number such as 20240105 a date (GA4's Date column). */
export function looksLikeDateHeader(header: string): boolean {
  return (
    HEADER_SYNONYMS.date.includes(headerKey(header)) || /\bdate\b|\bdata\b|\bday\b/.test(headerKey(header))
  );
}
