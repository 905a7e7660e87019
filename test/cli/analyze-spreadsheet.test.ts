import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

const folder = mkdtempSync(join(tmpdir(), "mpo-cli-xlsx-"));

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe("mpo analyze on a spreadsheet", () => {
  it("reads an .xlsx and names the sheet in the JSON source", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Report");
    sheet.addRows([
      ["Campaign", "Cost", "Clicks"],
      ["A", 12.5, 5],
      ["B", 7.5, 3],
    ]);
    const file = join(folder, "report.xlsx");
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));

    const { code, stdout } = await cli("analyze", file, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.source).toMatchObject({ file: "report.xlsx", encoding: "xlsx", sheet: "Report", rows: 2 });
    expect(json.totals).toMatchObject({ spend: 20, clicks: 8, cpc: 2.5 });
  });

  it("refuses a damaged workbook in one line and exits 1", async () => {
    const file = join(folder, "damaged.xlsx");
    writeFileSync(file, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 1)]));
    const { code, stdout, stderr } = await cli("analyze", file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^mpo: the Excel workbook \(\.xlsx\) is damaged[^\n]*\n$/);
  });
});
