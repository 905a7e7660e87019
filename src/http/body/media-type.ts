/** What our JSON answers declare. */
export const JSON_UTF8 = "application/json; charset=utf-8";

/** The media type a Content-Type header declares, lower case and without parameters; "" when absent. */
export function declaredMediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** `application/json`, or any `application/<something>+json` type. */
export function isJsonMediaType(declared: string): boolean {
  return declared === "application/json" || /^application\/[\w.-]+\+json$/.test(declared);
}
