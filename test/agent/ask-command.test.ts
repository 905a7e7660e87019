import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import { silentLogger } from "../../src/agent/index.js";
import { askCommand } from "../../src/cli/ask-command.js";
import { UsageError } from "../../src/cli/cli-error.js";
import { errorReply, startScriptedGemini, textReply } from "./scripted-gemini.js";

let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "mpo-ask-"));
  file = join(folder, "multi-channel-daily.csv");
  writeFileSync(file, loadFixture("multi").csv);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const offline = { env: {}, logger: silentLogger, today: "2024-04-02" };

describe("mpo ask", () => {
  it("prints the offline answer when no Gemini key is set", async () => {
    const output = await askCommand([file, "Which", "channel", "has", "the", "lowest", "CPA?"], {
      ...offline,
      cwd: folder,
    });
    expect(output).toMatch(/^Lowest CPA by channel: Google Ads at \$\d+\.\d\d\n/);
    expect(output.endsWith("\n")).toBe(true);
  });

  it("writes each chart as ./mpo-chart-<n>.png without overwriting, and prints its path", async () => {
    writeFileSync(join(folder, "mpo-chart-1.png"), "an earlier chart");
    const output = await askCommand([file, "chart ROAS by channel"], { ...offline, cwd: folder });
    expect(output).toContain("Chart: ./mpo-chart-2.png (ROAS by channel)");
    expect(readFileSync(join(folder, "mpo-chart-1.png"), "utf8")).toBe("an earlier chart");
    expect(readFileSync(join(folder, "mpo-chart-2.png")).subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("uses Gemini when GEMINI_API_KEY is set, and prints the fallback note when it fails", async () => {
    const server = await startScriptedGemini([
      textReply("Spend was $1,000,000.00."),
      errorReply(400, "INVALID_ARGUMENT", "API key not valid."),
    ]);
    try {
      const env = { GEMINI_API_KEY: "key", GEMINI_BASE_URL: server.baseUrl };
      const output = await askCommand([file, "What was spend?"], { ...offline, env, cwd: folder });
      expect(output).toContain("Spend was $1,000,000.00.");
      expect(output).toContain(
        ":warning: Not found in this answer's tool results, so unverified: $1,000,000.00",
      );
      const failing = await askCommand([file, "What was spend?"], { ...offline, env, cwd: folder });
      expect(failing.split("\n")[0]).toMatch(/^Note: Gemini refused the request/);
      expect(existsSync(join(folder, "mpo-chart-1.png"))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("needs a file and a question", async () => {
    await expect(askCommand([file], offline)).rejects.toThrow(UsageError);
    await expect(askCommand([], offline)).rejects.toThrow("expected a file and a question");
  });
});
