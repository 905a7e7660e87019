import { runCli } from "../../src/cli/run-cli.js";

/** Runs one `mpo` command in this process, collecting what it prints. */
export async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}
