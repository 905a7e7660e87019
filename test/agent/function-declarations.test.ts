import { describe, expect, it } from "vitest";
import { toGeminiSchema } from "../../src/agent/gemini/gemini-schema.js";
import { ANALYST_TOOLS, functionDeclarations } from "../../src/agent/index.js";

/** The keywords Gemini's schema subset documents for function declarations. */
const ACCEPTED = new Set([
  "type",
  "description",
  "enum",
  "properties",
  "required",
  "items",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "anyOf",
]);

function keywordsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (schema && typeof schema === "object" && !Array.isArray(schema)) {
    for (const [key, value] of Object.entries(schema)) {
      found.add(key);
      if (key === "properties")
        for (const property of Object.values(value as object)) keywordsOf(property, found);
      else if (key === "items") keywordsOf(value, found);
      else if (key === "anyOf") for (const option of value as unknown[]) keywordsOf(option, found);
    }
  }
  return found;
}

describe("function declarations", () => {
  const declarations = functionDeclarations(ANALYST_TOOLS);

  it("declare every tool, with names Gemini accepts", () => {
    expect(declarations.map((declaration) => declaration.name)).toEqual([
      "describe_dataset",
      "get_kpis",
      "query",
      "other_measures",
      "top_bottom",
      "trend",
      "compare_periods",
      "find_anomalies",
      "explain_change",
      "render_chart",
      "forecast",
      "budget_moves",
      "test_difference",
      "weekday_pattern",
    ]);
    for (const declaration of declarations) {
      expect(declaration.name).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/);
      expect(declaration.description?.length).toBeGreaterThan(40);
    }
  });

  it("use only schema keywords Gemini accepts", () => {
    for (const declaration of declarations) {
      const used = keywordsOf(declaration.parametersJsonSchema);
      expect(
        [...used].filter((keyword) => !ACCEPTED.has(keyword)),
        declaration.name,
      ).toEqual([]);
    }
  });

  it("keep required arguments and enums from the zod schemas", () => {
    const topBottom = declarations.find((declaration) => declaration.name === "top_bottom");
    const schema = topBottom?.parametersJsonSchema as {
      required: string[];
      properties: Record<string, { enum?: string[] }>;
    };
    expect(schema.required).toEqual(["dimension", "metric", "order"]);
    expect(schema.properties.order?.enum).toEqual(["top", "bottom"]);
    expect(schema.properties.metric?.enum).toContain("roas");
  });

  it("leave parameters out for a tool without any", () => {
    expect(declarations[0]).not.toHaveProperty("parametersJsonSchema");
  });

  it("turn keywords Gemini rejects into ones it accepts", () => {
    expect(
      toGeminiSchema({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        type: "object",
        additionalProperties: false,
        properties: {
          n: { type: "integer", exclusiveMinimum: 0, default: 5, description: "How many" },
          kind: { type: "string", const: "trend" },
          note: { type: ["string", "null"], pattern: "^a", minLength: 1, title: "Note" },
        },
      }),
    ).toEqual({
      type: "object",
      properties: {
        n: { type: "integer", minimum: 0, description: "How many. Default: 5" },
        kind: { type: "string", enum: ["trend"] },
        note: { type: "string" },
      },
    });
  });
});
