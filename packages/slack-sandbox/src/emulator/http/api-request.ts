import type { Context } from "hono";
import type { ApiArgs } from "../web-api/method.js";

export type ParsedApiRequest = { args: ApiArgs; token: string | undefined } | { error: string };

function bearer(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Arguments of a Web API call, from the query string and a form, multipart or JSON body — the
 * encodings @slack/web-api and other clients use. As on Slack, a JSON body cannot carry the token:
 * it must come in the `Authorization` header.
 */
export async function readApiRequest(c: Context): Promise<ParsedApiRequest> {
  const args: ApiArgs = Object.fromEntries(new URL(c.req.url).searchParams);
  const contentType = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const header = bearer(c.req.header("authorization"));
  if (c.req.method === "POST" && contentType === "application/json") {
    const text = await c.req.text();
    if (text.trim() !== "") {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { error: "invalid_json" };
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) return { error: "invalid_json" };
      const { token: _ignored, ...fields } = body as ApiArgs;
      Object.assign(args, fields);
    }
    return { args, token: header };
  }
  if (c.req.method === "POST" && contentType === "application/x-www-form-urlencoded") {
    Object.assign(args, Object.fromEntries(new URLSearchParams(await c.req.text())));
  } else if (c.req.method === "POST" && contentType === "multipart/form-data") {
    const form = await c.req.formData();
    form.forEach((value, key) => {
      if (typeof value === "string") args[key] = value;
    });
  }
  const token = header ?? (typeof args.token === "string" ? args.token : undefined);
  return { args, token };
}
