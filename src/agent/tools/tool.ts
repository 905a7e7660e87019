import type { z } from "zod";
import type { Dataset, FactTable } from "../../ingest/index.js";
import { MetricsError } from "../../metrics/index.js";
import type { WithheldColumn } from "../privacy/personal-columns.js";
import { withheldRefusal } from "../privacy/shareable-data.js";

/** A JSON value as tool results carry it: what the model reads and the number checker searches. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A chart drawn during a turn: the model only sees its handle, the Slack layer uploads the PNG. */
export interface ChartImage {
  id: string;
  kind: string;
  title: string;
  png: Buffer;
}

/** What every tool runs against: the thread's dataset, and what the turn collects. */
export interface ToolContext {
  dataset: Dataset;
  /** Rows pushed by automations (webhooks), when the workspace has any. */
  live?: FactTable;
  /** The wall-clock date (YYYY-MM-DD), used only when a question is asked relative to today. */
  today: string;
  /** Charts drawn so far in this turn. */
  charts: ChartImage[];
  /** Personal or near-unique columns taken out of the data (see `shareableData`): only their counts are told. */
  withheld?: readonly WithheldColumn[];
}

/**
 * A failure carries the message for the model and, when it was our bug, the error to log. `internal`
 * marks a message about the call itself (its arguments, or our bug): the model can correct the call, but
 * a person can do nothing with "metrics: Too small", so it is never shown to one.
 */
export type ToolOutcome =
  | { ok: true; result: JsonObject }
  | { ok: false; error: string; fault?: unknown; internal?: true };

/** One tool: a name and a description for the model, a zod schema for its arguments, and its run. */
export interface AnalystTool {
  name: string;
  description: string;
  schema: z.ZodObject;
  /** Validates model-supplied arguments with the schema, then runs; never throws. */
  execute(context: ToolContext, rawArgs: unknown): Promise<ToolOutcome>;
}

interface ToolSpec<Schema extends z.ZodObject> {
  name: string;
  description: string;
  schema: Schema;
  run(context: ToolContext, args: z.output<Schema>): JsonObject | Promise<JsonObject>;
}

/**
 * Builds a tool whose failures come back as results the model can act on: bad arguments name the field
 * and what is allowed, and a question the data cannot answer (MetricsError) relays its message as is.
 * Anything else is a bug on our side; the model only learns that the tool failed.
 */
export function defineTool<Schema extends z.ZodObject>(spec: ToolSpec<Schema>): AnalystTool {
  return {
    name: spec.name,
    description: spec.description,
    schema: spec.schema,
    async execute(context, rawArgs) {
      const parsed = spec.schema.safeParse(rawArgs ?? {});
      if (!parsed.success)
        return { ok: false, error: `invalid arguments: ${describeIssues(parsed.error)}`, internal: true };
      const refusal = namedDimensions(parsed.data)
        .map((dimension) => withheldRefusal(dimension, context.withheld))
        .find((message) => message !== null);
      if (refusal) return { ok: false, error: refusal };
      try {
        return { ok: true, result: await spec.run(context, parsed.data) };
      } catch (error) {
        if (error instanceof MetricsError) return { ok: false, error: error.message };
        const message = `${spec.name} failed on our side (${errorName(error)}); try another tool`;
        return { ok: false, error: message, fault: error, internal: true };
      }
    },
  };
}

/** The dimensions a call names: to rank, group or chart by, and to filter on. */
function namedDimensions(args: Record<string, unknown>): string[] {
  const filters = Array.isArray(args.filters) ? (args.filters as Array<{ dimension?: unknown }>) : [];
  return [args.dimension, args.group_by, args.then_by, ...filters.map((filter) => filter.dimension)]
    .flat()
    .filter((name): name is string => typeof name === "string");
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "arguments"}: ${issue.message}`)
    .join("; ");
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "unknown error";
}
