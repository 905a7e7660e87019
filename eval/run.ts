import { EVAL_CASES } from "./cases/index.js";
import { scoreCase } from "./score.js";

/**
 * `npm run eval`: asks every question of the evaluation set of the offline analyst and prints the score
 * and each failure. Exits non-zero below 100%.
 */
const results = [];
for (const evalCase of EVAL_CASES) results.push(await scoreCase(evalCase));
const failures = results.filter((result) => !result.passed);
for (const failure of failures) {
  process.stdout.write(`✗ ${failure.id}: ${failure.question}\n`);
  for (const problem of failure.problems) process.stdout.write(`    ${problem}\n`);
  process.stdout.write(`${failure.answer.text.replace(/^/gm, "    | ")}\n`);
}
const passed = results.length - failures.length;
const score = ((passed / results.length) * 100).toFixed(1);
process.stdout.write(`eval: ${passed}/${results.length} questions passed (${score}%)\n`);
process.exitCode = failures.length === 0 ? 0 : 1;
