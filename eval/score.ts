import { type AnalystAnswer, answerQuestion, silentLogger } from "../src/agent/index.js";
import { formatFigure } from "../src/format/format-figures.js";
import { markdownToPlain } from "../src/format/markdown-to-plain.js";
import type { EvalCase, ExpectedFigure } from "./eval-case.js";
import type { FixtureRecord } from "./fixtures/fixture.js";
import { loadFixture } from "./fixtures/index.js";
import { referenceChange, referenceValue, referenceVerdict } from "./reference.js";

/** Questions are asked as of this day, so the offline analyst's answers never depend on the clock. */
export const EVAL_TODAY = "2024-04-02";

export interface CaseResult {
  id: string;
  question: string;
  passed: boolean;
  /** CORRECT: answered as expected; DECLINED-WELL: declined or refused as expected; WRONG: anything else. */
  grade: "CORRECT" | "DECLINED-WELL" | "WRONG";
  problems: string[];
  /** The answer's text, to print with a failure. */
  answer: Pick<AnalystAnswer, "text">;
}

/** Asks the case's question (after its earlier ones) of the offline analyst and checks the answer. */
export async function scoreCase(evalCase: EvalCase): Promise<CaseResult> {
  const fixture = loadFixture(evalCase.fixture);
  let history: unknown;
  for (const earlier of evalCase.after ?? []) {
    history = (await ask(earlier, fixture.dataset, history)).history;
  }
  const answer = await ask(evalCase.question, fixture.dataset, history);
  const problems: string[] = [];
  if (answer.engine !== "offline") problems.push(`answered by ${answer.engine}, not offline`);
  for (const expected of evalCase.tools) {
    if (
      !answer.toolCalls.some(
        (call) => call.name === expected.name && contains(call.args, expected.args ?? {}),
      )
    ) {
      problems.push(`no call ${expected.name} ${JSON.stringify(expected.args ?? {})}`);
    }
  }
  const failed = answer.toolCalls.find((call) => !call.ok);
  if (failed && !evalCase.refusal) problems.push(`${failed.name} failed: ${failed.error}`);
  if (evalCase.refusal && !failed) problems.push("expected the data to refuse, but every tool answered");
  // A decline answers nothing: a tool call here means a broader question was answered instead.
  if (
    evalCase.declined &&
    (answer.toolCalls.length > 0 || !answer.text.includes("I can't answer that exactly"))
  ) {
    problems.push("expected a decline, but it answered");
  }
  if (!evalCase.declined && answer.text.includes("I can't answer that exactly")) {
    problems.push("declined a question it can answer");
  }
  if (
    !evalCase.declined &&
    !evalCase.refusal &&
    answer.toolCalls.length > 0 &&
    !answer.text.includes("Read as: ")
  ) {
    problems.push("no Read as line");
  }
  for (const figure of evalCase.figures ?? []) {
    const texts = expectedTexts(figure, fixture.records, fixture.currency);
    if (!texts.some((text) => answer.text.includes(text))) {
      problems.push(`missing figure ${texts.join(" or ")} (${describe(figure)})`);
    }
  }
  if (evalCase.verdict) {
    const { metric, asked, current, previous } = evalCase.verdict;
    const opening = referenceVerdict(fixture.records, metric, asked, current, previous);
    if (opening === null) problems.push("the reference has no value to judge the change by");
    else if (!answer.text.startsWith(opening)) problems.push(`expected the answer to open with ${opening}`);
  }
  // A name is looked for as written and as the reader sees it: "MF_TRAFFIC" is "MF\_TRAFFIC" in Markdown.
  const shown = markdownToPlain(answer.text);
  const says = (words: string) => answer.text.includes(words) || shown.includes(words);
  for (const mention of evalCase.mentions ?? []) {
    if (!says(mention)) problems.push(`missing "${mention}"`);
  }
  for (const absent of evalCase.absent ?? []) {
    if (says(absent)) problems.push(`should not say "${absent}"`);
  }
  if (evalCase.charts !== undefined && answer.charts.length !== evalCase.charts) {
    problems.push(`${answer.charts.length} charts, expected ${evalCase.charts}`);
  }
  if (answer.unverified.length > 0) problems.push(`unverified figures: ${answer.unverified.join(", ")}`);
  if (answer.text.includes("something went wrong on my side")) problems.push("the analyst crashed");
  const passed = problems.length === 0;
  // A tool's refusal that says why ("this export has no hour column") is a decline too.
  const grade = !passed ? "WRONG" : evalCase.declined || evalCase.refusal ? "DECLINED-WELL" : "CORRECT";
  return { id: evalCase.id, question: evalCase.question, passed, grade, problems, answer };
}

function ask(question: string, dataset: Parameters<typeof answerQuestion>[0]["dataset"], history: unknown) {
  return answerQuestion({ question, dataset, history, today: EVAL_TODAY, logger: silentLogger });
}

/** The expected text, and its other rounding when the value sits on a rounding tie (85.685 -> 85.68 or 85.69). */
function expectedTexts(
  figure: ExpectedFigure,
  records: readonly FixtureRecord[],
  currency: string | null,
): string[] {
  if ("change" in figure) {
    return [referenceChange(records, figure.metric, figure.change.current, figure.change.previous)];
  }
  const value = referenceValue(records, figure.metric, figure);
  if (value === null) return [formatFigure(figure.metric, null, currency)];
  const nudged = [value, value * (1 + 1e-9), value * (1 - 1e-9)];
  return [...new Set(nudged.map((candidate) => formatFigure(figure.metric, candidate, currency)))];
}

function describe(figure: ExpectedFigure): string {
  return JSON.stringify(figure);
}

/** Whether `actual` holds everything in `expected` (objects by key, arrays and values by equality). */
function contains(actual: unknown, expected: unknown): boolean {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) =>
      contains((actual as Record<string, unknown>)[key], value),
    );
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}
