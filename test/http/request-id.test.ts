import { afterEach, describe, expect, it } from "vitest";
import { type Api, READ_TOKEN, startApi } from "./http-harness.js";

let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("request ids (issue 17, item 5)", () => {
  it("names the caller's X-Request-Id, or a fresh one, in the log of a failure", async () => {
    const errors: { message: string; fields: Record<string, unknown> }[] = [];
    api = await startApi({
      logger: { warn: () => {}, error: (message, fields) => errors.push({ message, fields: fields ?? {} }) },
    });
    await api.store.close();
    const broken = await fetch(`${api.url}/live?limit=5`, {
      headers: { "x-request-id": "lb-43", authorization: `Bearer ${READ_TOKEN}` },
    });
    expect(broken.status).toBe(500);
    expect(errors.at(-1)?.fields.requestId).toBe("lb-43");
    await fetch(`${api.url}/live?limit=5`, {
      headers: { "x-request-id": "<script>", authorization: `Bearer ${READ_TOKEN}` },
    });
    expect(errors.at(-1)?.fields.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });
});
