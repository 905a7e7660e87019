/** Dimension names as a sentence uses them: "ad_group" -> "ad group", "Campaign Name" -> "campaign name". */
export function dimensionWords(dimension: string): string {
  const words = dimension.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  // Keep acronyms ("UTM source", "GA4") as they are; lower-case ordinary capitalised words.
  return words
    .split(" ")
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()))
    .join(" ");
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Plural of a dimension word for labels such as "Other campaigns (12)": English rules, enough for dimension names. */
export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}
