import type { FactTable, ParseReceipt } from "../ingest/index.js";
import { BlendError } from "./blend-error.js";
import type { CurrencyRate } from "./currency-rates.js";

export interface MoneySource {
  receipt: ParseReceipt;
  facts: FactTable;
}

export interface CurrencyPlan {
  /** The one currency of the blend's money, or null when no file states one. */
  currency: string | null;
  /** The facts, money converted where a rate was given; same order as the sources. */
  facts: FactTable[];
  notes: string[];
}

const hasMoney = (facts: FactTable) => Boolean(facts.measures.spend || facts.measures.revenue);

/**
 * One currency for the blend's money. Amounts in different currencies are never added: a file in another
 * currency is converted only with a rate the user gave, and the note says so; without one the blend is
 * refused, naming the files and the flag that fixes it.
 */
export function planCurrency(sources: readonly MoneySource[], rates: readonly CurrencyRate[]): CurrencyPlan {
  const stated = [
    ...new Set(sources.filter((s) => hasMoney(s.facts)).flatMap((s) => s.receipt.currency ?? [])),
  ];
  const target = targetCurrency(stated, rates);
  const notes: string[] = [];
  const facts = sources.map(({ receipt, facts }) => {
    const currency = receipt.currency;
    if (!hasMoney(facts) || target === null) return facts;
    if (currency === null) {
      notes.push(
        `${receipt.file} states no currency: its amounts are taken to be ${target}, like the other files`,
      );
      return facts;
    }
    if (currency === target) return facts;
    const rate = rates.find((r) => r.from === currency && r.to === target) as CurrencyRate;
    notes.push(
      `${receipt.file} is in ${currency}: converted to ${target} at ${rate.rate} (the rate you gave, 1 ${currency} = ${rate.rate} ${target})`,
    );
    return converted(facts, rate.rate);
  });
  return { currency: target, facts, notes };
}

function targetCurrency(stated: string[], rates: readonly CurrencyRate[]): string | null {
  if (stated.length <= 1 && rates.length === 0) return stated[0] ?? null;
  const targets = [...new Set(rates.map((rate) => rate.to))];
  if (targets.length > 1) {
    throw new BlendError(
      `the rates convert into ${targets.join(" and ")}: give rates into one currency only`,
    );
  }
  const target = targets[0] ?? null;
  const missing = stated.filter((currency) => currency !== target && !rates.some((r) => r.from === currency));
  if (target === null || missing.length > 0) {
    const into = target ?? (stated[0] as string);
    const need = stated.filter((currency) => currency !== into);
    throw new BlendError(
      `these files are in ${stated.join(" and ")}, and amounts in different currencies are never added: give a rate for each, e.g. ${need.map((c) => `--rate ${c}:${into}=<rate>`).join(" ")}`,
    );
  }
  return target;
}

function converted(facts: FactTable, rate: number): FactTable {
  const measures = { ...facts.measures };
  for (const measure of ["spend", "revenue"] as const) {
    const values = measures[measure];
    if (values) measures[measure] = values.map((value) => value * rate);
  }
  return { ...facts, measures };
}
