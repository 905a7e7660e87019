/**
 * Converts a JSON Schema made by `z.toJSONSchema` into the subset Gemini's function declarations accept
 * (ai.google.dev, structured output / function calling: type, description, enum, properties, required,
 * items, minItems, maxItems, minimum, maximum, anyOf). Keywords outside it are rejected with 400 "Unknown
 * name" by the API in the OpenAPI `parameters` form and ignored at best in `parametersJsonSchema`, so they
 * are dropped or turned into what is accepted: const into a one-value enum, exclusive bounds into inclusive
 * ones (zod still enforces the exact bound when the arguments come back), a default into the description.
 */

type Schema = { [key: string]: unknown };

const KEPT = new Set([
  "type",
  "description",
  "enum",
  "required",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
]);

export function toGeminiSchema(schema: Schema): Schema {
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (KEPT.has(key)) result[key] = value;
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== "null");
    result.type = types.length === 1 ? types[0] : types;
  }
  if (schema.const !== undefined) result.enum = [schema.const];
  if (typeof schema.exclusiveMinimum === "number") result.minimum = schema.exclusiveMinimum;
  if (typeof schema.exclusiveMaximum === "number") result.maximum = schema.exclusiveMaximum;
  if (schema.default !== undefined) {
    const said = typeof result.description === "string" ? `${result.description}. ` : "";
    result.description = `${said}Default: ${JSON.stringify(schema.default)}`;
  }
  if (isSchema(schema.properties)) {
    const properties: Schema = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      if (isSchema(property)) properties[name] = toGeminiSchema(property);
    }
    result.properties = properties;
  }
  if (isSchema(schema.items)) result.items = toGeminiSchema(schema.items);
  if (Array.isArray(schema.anyOf)) result.anyOf = schema.anyOf.filter(isSchema).map(toGeminiSchema);
  return result;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
