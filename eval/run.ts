import { EVAL_CASES } from "./cases/index.js";
import { EVAL_CATEGORIES } from "./eval-case.js";
import { fixtureAvailable } from "./fixtures/index.js";
import { type CaseResult, scoreCase } from "./score.js";

/**
 * `npm run eval`: asks every question of the evaluation set of the offline analyst and prints each
 * failure, then the grades (CORRECT, DECLINED-WELL, WRONG) overall, per fixture and per category. Exits
 * non-zero on any WRONG answer, a crash included.
 */
const cases = EVAL_CASES.filter((evalCase) => fixtureAvailable(evalCase.fixture));
if (cases.length < EVAL_CASES.length) {
  process.stdout.write(
    `skipped ${EVAL_CASES.length - cases.length} questions on real exports: ../shared/real-exports is not here\n`,
  );
}
const results: CaseResult[] = [];
for (const evalCase of cases) {
  try {
    results.push(await scoreCase(evalCase));
  } catch (error) {
    const problem = `crashed: ${error instanceof Error ? error.message : String(error)}`;
    const { id, question } = evalCase;
    results.push({ id, question, passed: false, grade: "WRONG", problems: [problem], answer: { text: "" } });
  }
}
const failures = results.filter((result) => !result.passed);
for (const failure of failures) {
  process.stdout.write(`✗ ${failure.id}: ${failure.question}\n`);
  for (const problem of failure.problems) process.stdout.write(`    ${problem}\n`);
  process.stdout.write(`${failure.answer.text.replace(/^/gm, "    | ")}\n`);
}
const fixtures = [...new Set(cases.map((evalCase) => evalCase.fixture))];
process.stdout.write("per fixture:\n");
for (const fixture of fixtures) {
  const own = results.filter((_, index) => cases[index]?.fixture === fixture);
  process.stdout.write(`  ${fixture}: ${gradeCounts(own)}\n`);
}
process.stdout.write("per category:\n");
for (const category of EVAL_CATEGORIES) {
  const own = results.filter((_, index) => cases[index]?.category === category);
  if (own.length > 0) process.stdout.write(`  ${category}: ${gradeCounts(own)}\n`);
}
process.stdout.write(`grades: ${gradeCounts(results)}\n`);
const passed = results.length - failures.length;
const score = ((passed / results.length) * 100).toFixed(1);
process.stdout.write(`eval: ${passed}/${results.length} questions passed (${score}%)\n`);
process.exitCode = failures.length === 0 ? 0 : 1;

function gradeCounts(graded: readonly CaseResult[]): string {
  const count = (grade: CaseResult["grade"]) => graded.filter((result) => result.grade === grade).length;
  return `${count("CORRECT")} CORRECT, ${count("DECLINED-WELL")} DECLINED-WELL, ${count("WRONG")} WRONG`;
}
