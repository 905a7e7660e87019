/**
 * Category labels (campaign, ad set, keyword names) are shown whole up to 40 characters. Longer ones are
 * cut at the last word boundary that fits and end in an ellipsis, so "Summer Sale 2024 – Prospecting –
 * Lookalike 1% – Advantage+" stays recognisable instead of being chopped mid-word by the renderer.
 */
export const MAX_LABEL_CHARACTERS = 40;

const ELLIPSIS = "\u2026";
/** Characters after which a name may be cut: spaces and the separators ad names are built with. */
const BREAK_AFTER = /[\s/|_\-–—·:,;]/u;
const TRAILING_SEPARATORS = /[\s/|_\-–—·:,;]+$/u;
/** Below this many characters a word-boundary cut would lose too much; cut mid-word instead. */
const SHORTEST_WORD_CUT = 20;

export function elideLabel(label: string, maxCharacters = MAX_LABEL_CHARACTERS): string {
  const text = label.replace(/\s+/g, " ").trim();
  const characters = [...text];
  if (characters.length <= maxCharacters) return text;
  const room = characters.slice(0, maxCharacters - 1);
  let cut = room.length;
  // Cut where a separator sits (possibly the character just past the room, when the room ends a word).
  for (let index = room.length; index >= SHORTEST_WORD_CUT; index--) {
    if (BREAK_AFTER.test(characters[index] ?? "")) {
      cut = index;
      break;
    }
  }
  const kept = room.slice(0, cut).join("").replace(TRAILING_SEPARATORS, "");
  return `${kept}${ELLIPSIS}`;
}

/** Elides every label and keeps them distinct, so two long names sharing a prefix stay two bars. */
export function distinctLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const short = elideLabel(label);
    const count = (seen.get(short) ?? 0) + 1;
    seen.set(short, count);
    return count === 1 ? short : `${elideLabel(label, MAX_LABEL_CHARACTERS - 4)} (${count})`;
  });
}
