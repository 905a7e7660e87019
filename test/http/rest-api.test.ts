import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import type { MetricsSummary } from "../../src/http/index.js";
import { readExport } from "../../src/ingest/index.js";
import { analysisJson } from "../../src/report/analysis.js";
import { type Api, METRICS_ROW, postJson, READ_TOKEN, SECRET, signed, startApi } from "./http-harness.js";

let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const BEARER = { authorization: `Bearer ${SECRET}` };

const CSV = [
  "Day,Campaign,Channel,Cost,Impressions,Clicks,Conversions,Revenue",
  "2025-03-01,Brand,Google,120.50,10000,300,12,640.00",
  "2025-03-01,Prospecting,Meta,80.25,22000,150,4,210.10",
  "2025-03-02,Brand,Google,99.99,9000,280,10,600.00",
].join("\n");

function uploadCsv(bytes: Uint8Array<ArrayBuffer> | string, name: string, query = "") {
  const form = new FormData();
  form.set("file", new Blob([bytes]), name);
  return fetch(`${(api as Api).url}/analytics/upload-csv${query}`, {
    method: "POST",
    headers: BEARER,
    body: form,
  });
}

/** The same JSON `mpo analyze --json` prints, once through JSON as the response was. */
function expectedAnalysis(bytes: Uint8Array, name: string, by?: string) {
  return JSON.parse(JSON.stringify(analysisJson(readExport({ bytes, name }), { by })));
}

describe("POST /analytics/upload-csv", () => {
  it("answers with the JSON of mpo analyze --json, with a breakdown when asked", async () => {
    api = await startApi();
    const bytes = Buffer.from(CSV);
    const plain = await uploadCsv(bytes, "march.csv");
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual(expectedAnalysis(bytes, "march.csv"));
    const byCampaign = await uploadCsv(bytes, "march.csv", "?by=campaign");
    const json = await byCampaign.json();
    expect(json).toEqual(expectedAnalysis(bytes, "march.csv", "campaign"));
    expect(json.breakdown.map((row: { key: string }) => row.key)).toEqual(["Brand", "Prospecting"]);
  });

  it("reads an .xlsx upload to the same figures as the CSV", async () => {
    api = await startApi();
    const book = new ExcelJS.Workbook();
    book.addWorksheet("March").addRows(
      CSV.split("\n").map((line, i) =>
        line.split(",").map((cell, column) => {
          if (i === 0 || column === 1 || column === 2) return cell;
          return column === 0 ? new Date(`${cell}T00:00:00Z`) : Number(cell);
        }),
      ),
    );
    const response = await uploadCsv(new Uint8Array(await book.xlsx.writeBuffer()), "march.xlsx");
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json.source).toMatchObject({ file: "march.xlsx", encoding: "xlsx", sheet: "March", rows: 3 });
    expect(json.totals).toEqual(expectedAnalysis(Buffer.from(CSV), "march.csv").totals);
  });

  it("accepts a signed multipart body", async () => {
    api = await startApi();
    const form = new FormData();
    form.set("file", new Blob([CSV]), "march.csv");
    form.set("by", "channel");
    const request = new Request("http://x/", { method: "POST", body: form });
    const body = new Uint8Array(await request.arrayBuffer());
    const headers = { ...signed(body), "content-type": request.headers.get("content-type") as string };
    const response = await fetch(`${api.url}/analytics/upload-csv`, { method: "POST", headers, body });
    expect(response.status).toBe(200);
    expect((await response.json()).breakdown).toHaveLength(2);
  });

  it("answers 422 with the reader's one-line reason for a file that is not a usable table", async () => {
    api = await startApi();
    const response = await uploadCsv("Campaign,Notes\nBrand,great\n", "notes.csv");
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/^no measure found/);
    const unknownBy = await uploadCsv(CSV, "march.csv", "?by=planet");
    expect(unknownBy.status).toBe(422);
  });

  it("answers 422 without a file field and 415 for a body that is not multipart", async () => {
    api = await startApi();
    const form = new FormData();
    form.set("document", new Blob([CSV]), "march.csv");
    const missing = await fetch(`${api.url}/analytics/upload-csv`, {
      method: "POST",
      headers: BEARER,
      body: form,
    });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error).toBe(
      'file: expected the export (CSV or .xlsx) as a file in the multipart field "file"',
    );
    const raw = await fetch(`${api.url}/analytics/upload-csv`, {
      method: "POST",
      headers: { ...BEARER, "content-type": "text/csv" },
      body: CSV,
    });
    expect(raw.status).toBe(415);
  });

  const REAL_EXPORTS = "/work/shared/real-exports";
  const realFiles = existsSync(REAL_EXPORTS)
    ? readdirSync(REAL_EXPORTS, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) =>
          readdirSync(join(REAL_EXPORTS, entry.name))
            .filter((name) => name.toLowerCase().endsWith(".csv"))
            .map((name) => join(REAL_EXPORTS, entry.name, name)),
        )
        .slice(0, 6)
    : [];

  it.skipIf(realFiles.length === 0)(
    "answers for real exports exactly what the reader and metrics compute",
    async () => {
      api = await startApi();
      for (const path of realFiles) {
        const bytes = readFileSync(path);
        const response = await uploadCsv(bytes, basename(path));
        const name = basename(path);
        let expected: unknown;
        try {
          expected = expectedAnalysis(bytes, name);
        } catch (error) {
          expect(response.status, name).toBe(422);
          expect((await response.json()).error).toBe((error as Error).message);
          continue;
        }
        expect(response.status, name).toBe(200);
        expect(await response.json(), name).toEqual(expected);
      }
    },
  );
});

describe("POST /ai/generate-insights", () => {
  const seen: MetricsSummary[] = [];
  const insights = async (summary: MetricsSummary) => {
    seen.push(summary);
    return `**Spend** ${summary.totals.spend} across ${summary.breakdown?.length ?? 0} segments.`;
  };
  const ask = (body: unknown) => {
    const text = JSON.stringify(body);
    return postJson(api as Api, "/ai/generate-insights", text);
  };

  it("takes the analysis JSON as is and answers with the analyst's markdown", async () => {
    seen.length = 0;
    api = await startApi({ insights });
    const analysis = expectedAnalysis(Buffer.from(CSV), "march.csv", "campaign");
    const response = await ask(analysis);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ markdown: "**Spend** 300.74 across 2 segments." });
    expect(seen[0]?.totals).toEqual(analysis.totals);
    expect(seen[0]?.breakdown?.[0]).toEqual(analysis.breakdown[0]);
  });

  it("takes just totals, keeping only metrics", async () => {
    seen.length = 0;
    api = await startApi({ insights });
    const response = await ask({ totals: { spend: 10, roas: null, mood: "good" } });
    expect(await response.json()).toEqual({ markdown: "**Spend** 10 across 0 segments." });
    expect(seen[0]).toEqual({ totals: { spend: 10, roas: null } });
  });

  it("answers 422 naming the field for wrong types, and 400 for malformed JSON", async () => {
    api = await startApi({ insights });
    const wrong = await ask({ totals: { spend: "ten" }, breakdown: [{ key: 3, clicks: 1 }] });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).problems).toEqual([
      "totals.spend: expected a number or null",
      "breakdown.0.key: expected the segment's name as text",
    ]);
    const empty = await ask({ totals: {} });
    expect((await empty.json()).error).toMatch(/^totals: expected at least one of spend/);
    const noTotals = await ask({ breakdown: [] });
    expect((await noTotals.json()).error).toMatch(/^totals: /);
    const malformed = await postJson(api, "/ai/generate-insights", "{totals}");
    expect(malformed.status).toBe(400);
  });

  it("answers 502 without the analyst's internal error when it fails", async () => {
    api = await startApi({
      insights: async () => {
        throw new Error("quota exceeded for key AIza-secret");
      },
    });
    const response = await ask({ totals: { spend: 1 } });
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).toMatch(/could not write insights just now/);
    expect(text).not.toMatch(/AIza/);
  });
});

describe("GET /live, /healthz and the rest", () => {
  it("lists received events newest first, limited", async () => {
    api = await startApi();
    for (const id of ["a", "b", "c"]) {
      const body = JSON.stringify({ ...METRICS_ROW, id });
      expect((await postJson(api, "/webhooks/ingest", body)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const reader = { authorization: `Bearer ${READ_TOKEN}` };
    const response = await fetch(`${api.url}/live?limit=2`, { headers: reader });
    const { events } = await response.json();
    expect(events.map((event: { externalId: string }) => event.externalId)).toEqual(["c", "b"]);
    expect(events[0]).toMatchObject({ kind: "metrics", source: "webhook", campaign: "Brand", spend: 120.5 });
    const bad = await fetch(`${api.url}/live?limit=all`, { headers: reader });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('limit: expected a whole number from 1 to 500, got "all"');
  });

  it("reports health without credentials, and unknown paths as JSON 404s", async () => {
    api = await startApi();
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const missing = await fetch(`${api.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "no such endpoint: GET /nowhere" });
  });

  it("sends no CORS headers by default, and allows only the configured origins", async () => {
    api = await startApi();
    const closed = await fetch(`${api.url}/healthz`, { headers: { origin: "https://dash.example" } });
    expect(closed.headers.get("access-control-allow-origin")).toBeNull();
    await api.close();

    api = await startApi({ corsOrigins: ["https://dash.example"] });
    const preflight = await fetch(`${api.url}/webhooks/ingest`, {
      method: "OPTIONS",
      headers: {
        origin: "https://dash.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-mpo-signature",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://dash.example");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/X-MPO-Signature/);
    const stranger = await fetch(`${api.url}/healthz`, { headers: { origin: "https://evil.example" } });
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
  });
});
