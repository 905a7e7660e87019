import { request } from "node:http";
import { startSlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { type Api, startApi } from "./http-harness.js";

let api: Api | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await api?.close();
  api = undefined;
  for (const close of closers.splice(0)) await close();
});

/** A GET with the Host header a browser would send after DNS rebinding. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers: { host } }, (response) => {
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("the sandbox answers only loopback Host names (issue 13, item 10)", () => {
  it("refuses a rebound domain on the app's server, where local calls need no token", async () => {
    api = await startApi({ sandbox: true, liveReadToken: null });
    const rebound = await getWithHost(`${api.url}/live`, "evil.example:80");
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error).toMatch(/only on localhost or 127.0.0.1/);
    for (const host of ["localhost:3000", "127.0.0.1", "[::1]:3000"]) {
      expect((await getWithHost(`${api.url}/live`, host)).status, host).toBe(200);
    }
  });

  it("refuses it on the Slack emulator, whose transcript holds every message", async () => {
    const emulator = await startSlackEmulator({ botToken: "xoxb-test", signingSecret: "secret" });
    closers.push(() => emulator.close());
    const rebound = await getWithHost(`${emulator.baseUrl}/_emulator/transcript`, "evil.example");
    expect(rebound.status).toBe(421);
    expect((await getWithHost(`${emulator.baseUrl}/_emulator/transcript`, "127.0.0.1")).status).toBe(200);
  });

  it("leaves a deployed server (not the sandbox) to its reverse proxy's Host names", async () => {
    api = await startApi();
    expect((await getWithHost(`${api.url}/healthz`, "mpo.example.com")).status).toBe(200);
  });
});
