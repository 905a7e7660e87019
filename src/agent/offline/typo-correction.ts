import { QUESTION_WORDS } from "./question-words.js";

export interface Corrected {
  text: string;
  /** "whcih → which", said in the reading so a wrong guess is visible. */
  corrections: string[];
}

/**
 * Chat spellings too short for the edit-distance pass ("wat was cpa lst wk", "how r we doing", "mob vs
 * desktop"): read as the word meant, and said in the reading like any other correction.
 */
const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  wat: "what",
  wut: "what",
  wht: "what",
  hw: "how",
  whn: "when",
  lst: "last",
  r: "are",
  u: "you",
  ur: "your",
  thx: "thanks",
  ctry: "country",
  kw: "keyword",
  kws: "keywords",
  mob: "mobile",
  mobi: "mobile",
};

/**
 * Misspelt words ("whcih campain") read as the nearest known word: one edit away for words of four to six
 * letters, two from eight letters on, keeping the first letter (people rarely mistype it). Words already known, numbers and short words are left alone, and a word as
 * near to two known words is left for the unread-word check rather than guessed.
 */
export function correctTypos(question: string, known: ReadonlySet<string>): Corrected {
  const corrections: string[] = [];
  const text = question.replace(/\p{L}+(?:'\p{L}+)*/gu, (word) => {
    const lower = word.toLowerCase();
    const bare = lower.replace(/'/g, "");
    if ([lower, bare].some((form) => known.has(form) || QUESTION_WORDS.has(form))) return word;
    const meant = CHAT_SPELLINGS[lower];
    if (meant) {
      corrections.push(`${word} → ${meant}`);
      return meant;
    }
    if (lower.length < 4) return word;
    const nearest = nearestWord(lower, known);
    if (!nearest) return word;
    corrections.push(`${word} → ${nearest}`);
    return nearest;
  });
  return { text, corrections };
}

function nearestWord(word: string, known: ReadonlySet<string>): string | null {
  const limit = word.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of [...known, ...QUESTION_WORDS]) {
    if (
      candidate.length < 4 ||
      candidate[0] !== word[0] ||
      Math.abs(candidate.length - word.length) > limit
    ) {
      continue;
    }
    const distance = editDistance(word, candidate, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && candidate !== best) {
      tie = true;
    }
  }
  return best !== null && !tie && bestDistance <= limit ? best : null;
}

/** Optimal string alignment distance (a swap of two neighbours is one edit), stopping past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
