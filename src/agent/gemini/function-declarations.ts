import type { FunctionDeclaration } from "@google/genai";
import { z } from "zod";
import type { AnalystTool } from "../tools/tool.js";
import { toGeminiSchema } from "./gemini-schema.js";

/** The registry as Gemini function declarations: the same zod schemas that validate the calls. */
export function functionDeclarations(tools: readonly AnalystTool[]): FunctionDeclaration[] {
  return tools.map((tool) => {
    const schema = toGeminiSchema(z.toJSONSchema(tool.schema, { io: "input" }) as Record<string, unknown>);
    const hasParameters = Object.keys((schema.properties as object | undefined) ?? {}).length > 0;
    return {
      name: tool.name,
      description: tool.description,
      ...(hasParameters ? { parametersJsonSchema: schema } : {}),
    };
  });
}
