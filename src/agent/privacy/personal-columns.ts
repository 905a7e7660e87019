import { type DimensionColumn, type FactTable, STANDARD_DIMENSIONS } from "../../ingest/index.js";

/** A text column the model never sees the values of, and why, in words the model and a person can read. */
export interface WithheldColumn {
  name: string;
  /** How many distinct values it has: the only thing said about it. */
  values: number;
  reason: string;
}

/** Headers that name personal data or identifiers, whatever their cells hold. */
const PERSONAL_HEADERS: ReadonlyArray<[RegExp, string]> = [
  [/\be ?mails?\b/, "email addresses"],
  [/\b(phone|mobile|cell|tel|telephone|whatsapp|sms)\b/, "phone numbers"],
  [
    /^name$|\b(first|last|full|given|family|sur|customer|contact|buyer|billing|shipping|recipient|user|person)\s?name\b/,
    "personal names",
  ],
  [/\b(address|street|zip|postcode|postal|birthday|birth|dob|ip)\b/, "personal details"],
  [/\b(id|ids|uuid|guid|identifier|gclid|fbclid|ttclid|msclkid|cookie|session)\b|number$/, "identifiers"],
];

const EMAIL: [RegExp, string] = [/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, "email addresses"];

/** Cell shapes of personal data: most sampled values matching one is enough. */
const PERSONAL_VALUES: ReadonlyArray<[RegExp, string]> = [
  EMAIL,
  [/^\+?[\d\s().-]{7,20}$/, "phone numbers"],
  [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{24,}$/i, "identifiers"],
];

const SAMPLE = 200;
/** Share of sampled values that must match a personal shape. */
const SHAPE_SHARE = 0.5;
/** A column with more distinct values than this, nearly one per row, names individuals, not segments. */
const NEAR_UNIQUE_VALUES = 500;
const NEAR_UNIQUE_SHARE = 0.8;

const STANDARD = new Set<string>(STANDARD_DIMENSIONS);

/**
 * The dimensions of a table that must not reach the model: headers that name personal data or ids, cells
 * shaped like emails, phone numbers or ids, and near-unique columns (one value per customer or order).
 * The canonical ad dimensions name campaigns, channels and the like whatever their header said, and
 * platforms often use numeric ids as campaign names: of their cells only emails count.
 */
export function personalColumns(facts: FactTable): WithheldColumn[] {
  const withheld: WithheldColumn[] = [];
  for (const [name, column] of Object.entries(facts.dimensions)) {
    const standard = STANDARD.has(name);
    const reason =
      (standard ? null : headerReason(name)) ??
      valueReason(column.values, standard ? [EMAIL] : PERSONAL_VALUES) ??
      nearUniqueReason(column, facts.rowCount);
    if (reason) withheld.push({ name, values: column.values.length, reason });
  }
  return withheld;
}

function headerReason(name: string): string | null {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  const hit = PERSONAL_HEADERS.find(([pattern]) => pattern.test(words));
  return hit ? `its header says it holds ${hit[1]}` : null;
}

function valueReason(values: readonly string[], shapes: ReadonlyArray<[RegExp, string]>): string | null {
  const sample = values.slice(0, SAMPLE).filter((value) => value.trim() !== "");
  if (sample.length === 0) return null;
  for (const [pattern, what] of shapes) {
    const matching = sample.filter((value) => pattern.test(value.trim())).length;
    const enoughDigits = what !== "phone numbers" || sample.some((value) => /(\d\D*){7}/.test(value));
    if (matching / sample.length >= SHAPE_SHARE && enoughDigits) return `its values look like ${what}`;
  }
  return null;
}

function nearUniqueReason(column: DimensionColumn, rows: number): string | null {
  const distinct = column.values.length;
  return distinct > NEAR_UNIQUE_VALUES && distinct >= NEAR_UNIQUE_SHARE * rows
    ? "it has nearly one value per row, so its values identify individual records"
    : null;
}
