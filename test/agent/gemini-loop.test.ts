import { afterEach, describe, expect, it } from "vitest";
import { ANALYST_TOOLS, type AnalystLogger, answerQuestion, type LoopLimits } from "../../src/agent/index.js";
import { readerFrom, withReader } from "../../src/format/reader-locale.js";
import { totals } from "../../src/metrics/index.js";
import {
  callsReply,
  errorReply,
  HANG,
  rateLimitedReply,
  type ScriptedGemini,
  type ScriptedReply,
  startScriptedGemini,
  textReply,
} from "./scripted-gemini.js";
import { ROW_VALUES, smallDataset } from "./small-dataset.js";

const API_KEY = "test-key-9f8e7d";
const FAST: LoopLimits = {
  maxSteps: 4,
  retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 1_000, callTimeoutMs: 5_000 },
};

let server: ScriptedGemini | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function recordingLogger(): AnalystLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (line) => lines.push(line) };
}

async function ask(
  script: ScriptedReply[],
  question: string,
  options: { limits?: LoopLimits; history?: unknown } = {},
) {
  server = await startScriptedGemini(script);
  const logger = recordingLogger();
  const dataset = smallDataset();
  const answer = await answerQuestion({
    question,
    dataset,
    history: options.history,
    config: { gemini: { apiKey: API_KEY, model: "gemini-test", baseUrl: server.baseUrl } },
    today: "2024-03-05",
    logger,
    limits: options.limits ?? FAST,
  });
  return { answer, logger, dataset, requests: server.requests };
}

describe("the Gemini loop against a scripted generateContent server", () => {
  it("sends the question with the system prompt and every tool, runs parallel calls and returns the text", async () => {
    const spend = totals(smallDataset().facts).spend as number;
    const { answer, requests } = await ask(
      [
        callsReply([
          { name: "get_kpis", args: { metrics: ["spend", "roas"] }, id: "call-1" },
          {
            name: "top_bottom",
            args: { dimension: "campaign", metric: "roas", order: "top", n: 2 },
            id: "call-2",
          },
        ]),
        textReply(
          `Spend was $${spend.toLocaleString("en-US", { minimumFractionDigits: 2 })} across both campaigns.`,
        ),
      ],
      "How much did we spend, and which campaign is best?",
    );
    expect(answer.engine).toBe("gemini");
    // The reading is rendered from the two calls' own arguments, so it names no filter the model skipped.
    expect(answer.text).toBe(
      [
        "Spend was $8,024.67 across both campaigns.",
        "Read as: spend, ROAS · 2024-03-01 to 2024-03-02 · small.csv; top 2 campaigns by ROAS · 2024-03-01 to 2024-03-02 · small.csv",
      ].join("\n"),
    );
    expect(answer.unverified).toEqual([]);
    expect(answer.toolCalls.map((call) => [call.name, call.ok])).toEqual([
      ["get_kpis", true],
      ["top_bottom", true],
    ]);

    const [first, second] = requests;
    expect(first?.method).toBe("POST");
    expect(first?.path).toMatch(/^\/v1(beta)?\/models\/gemini-test:generateContent$/);
    expect(first?.headers["x-goog-api-key"]).toBe(API_KEY);
    expect(first?.body.systemInstruction?.parts[0]?.text).toContain("senior performance marketer");
    expect(first?.body.contents).toEqual([
      { role: "user", parts: [{ text: "How much did we spend, and which campaign is best?" }] },
    ]);
    const declared = first?.body.tools?.[0]?.functionDeclarations?.map((declaration) => declaration.name);
    expect(declared).toEqual(ANALYST_TOOLS.map((tool) => tool.name));
    expect(first?.body.toolConfig?.functionCallingConfig?.mode).toBe("AUTO");

    const contents = second?.body.contents ?? [];
    expect(contents).toHaveLength(3);
    expect(contents[1]?.role).toBe("model");
    expect(contents[1]?.parts[0]).toMatchObject({
      thoughtSignature: "c2lnbmF0dXJl",
      functionCall: { name: "get_kpis" },
    });
    expect(contents[2]?.role).toBe("user");
    const responses = contents[2]?.parts.map((part) => part.functionResponse) as Array<
      Record<string, unknown>
    >;
    expect(responses.map((response) => [response.id, response.name])).toEqual([
      ["call-1", "get_kpis"],
      ["call-2", "top_bottom"],
    ]);
    expect(responses[0]?.response).toMatchObject({ output: { totals: { spend: 8024.67 } } });
    const ranking = responses[1]?.response as { output: { rows: Array<Record<string, unknown>> } };
    expect(ranking.output.rows[0]).toMatchObject({ rank: 1, key: "Brand Search", roas: 3.34565945 });
  });

  it("returns a tool's argument error to the model, which can correct itself", async () => {
    const { answer, requests } = await ask(
      [
        callsReply([{ name: "top_bottom", args: { dimension: "campaign", metric: "roi", order: "top" } }]),
        callsReply([{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "top" } }]),
        textReply("Brand Search leads on ROAS."),
      ],
      "Best campaign by ROI?",
    );
    const firstResponse = requests[1]?.body.contents[2]?.parts[0]?.functionResponse as {
      response: { error: string };
    };
    expect(firstResponse.response.error).toMatch(/^invalid arguments: metric: /);
    expect(answer.engine).toBe("gemini");
    expect(answer.toolCalls.map((call) => call.ok)).toEqual([false, true]);
  });

  it("tells the model what the data lacks instead of failing", async () => {
    const { requests } = await ask(
      [
        callsReply([{ name: "get_kpis", args: { group_by: "country" } }]),
        textReply("There is no country column."),
      ],
      "Spend by country?",
    );
    const response = requests[1]?.body.contents[2]?.parts[0]?.functionResponse as {
      response: { error: string };
    };
    expect(response.response.error).toBe('unknown dimension "country"; available: channel, campaign');
  });

  it("flags and logs a figure no tool returned", async () => {
    const { answer, logger } = await ask(
      [
        callsReply([{ name: "get_kpis", args: { metrics: ["spend"] } }]),
        textReply("Spend was $9,999.00, up 12% on last month."),
      ],
      "Spend?",
    );
    expect(answer.unverified).toEqual(["$9,999.00", "12%"]);
    expect(logger.lines.join("\n")).toContain(
      "gemini answer states figures no tool produced: $9,999.00, 12%",
    );
  });

  it("retries a 429 after the delay the server's RetryInfo asks for, then answers", async () => {
    const { answer, requests } = await ask([rateLimitedReply("0.02s"), textReply("All good.")], "Hello?");
    expect(requests).toHaveLength(2);
    expect(answer.engine).toBe("gemini");
    expect(answer.text).toBe("All good.");
  });

  it("falls back to the offline analyst with a short note when 5xx errors persist", async () => {
    const { answer, requests, logger } = await ask(
      [
        errorReply(503, "UNAVAILABLE", "The model is overloaded."),
        errorReply(500, "INTERNAL", "Internal error."),
        errorReply(500, "INTERNAL", "Internal error."),
      ],
      "What is the total spend?",
    );
    expect(requests).toHaveLength(3);
    expect(answer.engine).toBe("offline");
    expect(answer.note).toBe(
      "Gemini is unavailable right now, so this answer comes from the built-in analyst.",
    );
    expect(answer.text).toContain("**Spend: $8,024.67**");
    expect(answer.text).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect(logger.lines.join("\n")).toContain("HTTP 500");
    expect(logger.lines.join("\n")).not.toContain(API_KEY);
  });

  it("falls back mid-answer: what the failed attempt drew or called is not kept", async () => {
    const { answer } = await ask(
      [
        callsReply([{ name: "render_chart", args: { kind: "funnel" } }]),
        errorReply(500, "INTERNAL", "Internal error."),
        errorReply(500, "INTERNAL", "Internal error."),
        errorReply(500, "INTERNAL", "Internal error."),
      ],
      "What is the total spend?",
    );
    expect(answer.engine).toBe("offline");
    expect(answer.charts).toEqual([]);
    expect(answer.toolCalls.map((call) => call.name)).toEqual(["get_kpis"]);
    expect(answer.history.messages[1]).toMatchObject({ role: "assistant", engine: "offline" });
  });

  it("gives up at once on a request Gemini rejects (400), without retrying", async () => {
    const { answer, requests } = await ask(
      [errorReply(400, "INVALID_ARGUMENT", "API key not valid.")],
      "Total spend?",
    );
    expect(requests).toHaveLength(1);
    expect(answer.engine).toBe("offline");
    expect(answer.note).toMatch(/^Gemini refused the request/);
  });

  it("abandons a call that takes too long and answers offline", async () => {
    const limits: LoopLimits = {
      maxSteps: 3,
      retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 100, callTimeoutMs: 150 },
    };
    const { answer, requests } = await ask([HANG, HANG], "Total spend?", { limits });
    expect(requests).toHaveLength(2);
    expect(answer.engine).toBe("offline");
    expect(answer.note).toBe(
      "Gemini took too long to answer, so this answer comes from the built-in analyst.",
    );
  });

  it("does not wait longer than allowed when the server asks for a long retry delay", async () => {
    const { answer, requests } = await ask([rateLimitedReply("58s")], "Total spend?");
    expect(requests).toHaveLength(1);
    expect(answer.note).toMatch(/^Gemini is rate-limited right now/);
  });

  it("forbids further calls on the last step, so the model has to answer", async () => {
    const limits: LoopLimits = { ...FAST, maxSteps: 2 };
    const { answer, requests } = await ask(
      [callsReply([{ name: "describe_dataset", args: {} }]), textReply("The file has two campaigns.")],
      "What is in the file?",
      { limits },
    );
    expect(requests[1]?.body.toolConfig?.functionCallingConfig?.mode).toBe("NONE");
    expect(answer.text).toBe("The file has two campaigns.");
  });

  it("falls back when the model answers with neither text nor calls", async () => {
    const empty: ScriptedReply = {
      kind: "json",
      status: 200,
      body: { candidates: [{ content: { role: "model", parts: [] }, finishReason: "SAFETY", index: 0 }] },
    };
    const { answer } = await ask([empty], "Total spend?");
    expect(answer.engine).toBe("offline");
    expect(answer.note).toMatch(/^Gemini sent an answer that could not be used/);
  });

  it("sends aggregates only, never a row of the data", async () => {
    const { requests } = await ask(
      [
        callsReply([
          { name: "describe_dataset", args: {} },
          { name: "get_kpis", args: { group_by: "campaign" } },
          { name: "trend", args: { metrics: ["spend", "impressions"], grain: "day" } },
        ]),
        textReply("Done."),
      ],
      "Overview please",
    );
    const sent = requests.map((request) => request.raw).join("\n");
    expect(sent).toContain("8024.67");
    for (const value of ROW_VALUES) expect(sent).not.toContain(value);
  });

  it("draws a chart: the model gets its handle, the answer carries the PNG", async () => {
    const { answer, requests } = await ask(
      [
        callsReply([
          { name: "render_chart", args: { kind: "breakdown", metric: "spend", dimension: "campaign" } },
        ]),
        textReply("Here is spend by campaign."),
      ],
      "Chart spend by campaign",
    );
    expect(answer.charts).toHaveLength(1);
    expect(answer.charts[0]?.png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(answer.charts[0]).toMatchObject({ id: "chart-1", kind: "breakdown", title: "Spend by campaign" });
    const response = requests[1]?.body.contents[2]?.parts[0]?.functionResponse as {
      response: { output: unknown };
    };
    expect(response.response.output).toMatchObject({ chart: { id: "chart-1", kind: "breakdown" } });
    // The tool declarations alone are some 40 KB now; a PNG sent back would add its own size again.
    const declarations = JSON.stringify(requests[1]?.body.tools ?? []).length;
    expect((requests[1]?.raw.length ?? 0) - declarations).toBeLessThan(20_000);
    expect(answer.charts[0]?.png.length).toBeGreaterThan(20_000);
  });

  it("continues a thread: earlier questions and answers go before the new question", async () => {
    const first = await ask([textReply("Spend was $8,024.67.")], "What was spend?");
    await server?.close();
    const { requests } = await ask([textReply("Brand Search.")], "Which campaign spent most?", {
      history: first.answer.history,
    });
    expect(
      requests[0]?.body.contents.map((content) => [
        content.role,
        (content.parts[0] as { text: string }).text,
      ]),
    ).toEqual([
      ["user", "What was spend?"],
      ["model", "Spend was $8,024.67."],
      ["user", "Which campaign spent most?"],
    ]);
  });

  it("tells the model how the reader writes numbers, and checks its figures written that way", async () => {
    const { answer, requests } = await withReader(readerFrom("pt-BR", null), () =>
      ask(
        [
          callsReply([{ name: "get_kpis", args: { metrics: ["spend"] }, id: "call-1" }]),
          textReply("O investimento foi de R$ 8.024,67."),
        ],
        "How much did we spend?",
      ),
    );
    expect(requests[0]?.body.systemInstruction?.parts[0]?.text).toContain(
      "The reader's locale is pt-BR: write every figure as they write numbers, e.g. US$\u00a01.234,56, 1,23%, 3,20x, 174.572.",
    );
    expect(answer.unverified).toEqual([]);
  });
});
