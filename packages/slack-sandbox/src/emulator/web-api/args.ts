import { type ApiArgs, SlackApiError } from "./method.js";

/**
 * Form-encoded calls carry every value as a string (objects JSON-encoded); JSON calls carry real
 * types. These readers accept both, as Slack does.
 */
export function optionalString(args: ApiArgs, name: string): string | undefined {
  const value = args[name];
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function requiredString(args: ApiArgs, name: string, error = "invalid_arguments"): string {
  const value = optionalString(args, name);
  if (value === undefined) throw new SlackApiError(error, `[ERROR] missing required field: ${name}`);
  return value;
}

export function optionalBoolean(args: ApiArgs, name: string): boolean | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === "") return undefined;
  return value === true || value === 1 || value === "true" || value === "1";
}

export function optionalNumber(args: ApiArgs, name: string): number | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** A JSON argument; `error` is what Slack answers when it does not parse. */
export function optionalJson(args: ApiArgs, name: string, error = "invalid_arguments"): unknown {
  const value = args[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new SlackApiError(error, `[ERROR] failed to parse ${name} as JSON`);
  }
}

export function optionalArray(
  args: ApiArgs,
  name: string,
  error = "invalid_arguments",
): unknown[] | undefined {
  const value = optionalJson(args, name, error);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new SlackApiError(error, `[ERROR] ${name} must be an array`);
  return value;
}

export function optionalObject(args: ApiArgs, name: string): Record<string, unknown> | undefined {
  const value = optionalJson(args, name);
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SlackApiError("invalid_arguments", `[ERROR] ${name} must be an object`);
  }
  return value as Record<string, unknown>;
}
