/**
 * "didn't", "isn't", "wasn't": the apostrophe would split them into a word nobody said ("didn") and a
 * stray "t". They are read as the two words they stand for ("did not"), and a question that opens with a
 * negated yes-or-no ("didn't we spend more in November?") asks the same as its plain form ("did we spend
 * more…"), so that leading "not" is dropped. Any other "not" stays a word of the question, which is declined
 * unless something reads it, never answered as if it were not there.
 */
const NEGATED = /\b(\p{L}+?)n['’‘`]t\b/giu;
const IRREGULAR: Readonly<Record<string, string>> = { ca: "can", wo: "will", sha: "shall" };
// "don't include brand" is an order, not a question: "do not" is rhetorical only before who is asked.
const RHETORICAL =
  /^(\s*)(?:(did|does|is|are|was|were|has|have|had|can|could|will|would|should) not |(do) not (?=(?:we|they|you|i)\b))/i;

export function readNegations(question: string): string {
  const expanded = question.replace(
    NEGATED,
    (_, stem: string) => `${IRREGULAR[stem.toLowerCase()] ?? stem} not`,
  );
  return expanded.replace(
    RHETORICAL,
    (_, space: string, verb?: string, doVerb?: string) => `${space}${verb ?? doVerb} `,
  );
}
