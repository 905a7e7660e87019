import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DownloadError, type DownloadPolicy, downloadFile } from "../../src/slack/flows/download-file.js";

const TOKEN = "xoxb-download-test";
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A file host on loopback that answers with `handler` and records which requests carried the token. */
async function fileHost(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const tokens: (string | undefined)[] = [];
  const server = createServer((request, response) => {
    tokens.push(request.headers.authorization);
    handler(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `http://${host}/files-pri/T1-F1/download/report.csv`, host, tokens };
}

const policy = (hosts: string[], overrides: Partial<DownloadPolicy> = {}): DownloadPolicy => ({
  hosts,
  maxBytes: 1024 * 1024,
  timeoutMs: 10_000,
  idleMs: 10_000,
  ...overrides,
});

const csv = "campaign,spend\nBrand,10\n";

describe("downloading a shared file (issue 13, item 7)", () => {
  it("downloads from an allowed host with the bot token", async () => {
    const host = await fileHost((_, response) => response.end(csv));
    const bytes = await downloadFile(host.url, TOKEN, csv.length, policy([host.host]));
    expect(Buffer.from(bytes).toString()).toBe(csv);
    expect(host.tokens).toEqual([`Bearer ${TOKEN}`]);
  });

  it("never sends the token to a host that is not Slack's", async () => {
    const host = await fileHost((_, response) => response.end(csv));
    const attempt = downloadFile(host.url, TOKEN, csv.length, policy(["files.slack.com"]));
    await expect(attempt).rejects.toThrow(/not at Slack's file hosts.*SLACK_FILE_HOSTS/);
    expect(host.tokens).toEqual([]);
    await expect(
      downloadFile("http://files.slack.com/x", TOKEN, 1, policy(["files.slack.com"])),
    ).rejects.toThrow(DownloadError);
  });

  it("stops a file that sends more than the size Slack declared for it", async () => {
    let sent = 0;
    const host = await fileHost((_, response) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (sent < 600e6 && response.write(chunk)) sent += chunk.length;
        if (sent < 600e6) response.once("drain", pump);
        else response.end();
      };
      pump();
    });
    await expect(downloadFile(host.url, TOKEN, 10, policy([host.host]))).rejects.toThrow(
      /more than the 10 bytes it said the file has/,
    );
    expect(sent).toBeLessThan(64e6);
  });

  it("refuses a declared length over the limit before reading it", async () => {
    const host = await fileHost((_, response) => {
      response.writeHead(200, { "content-length": String(500e6) });
      response.write("a");
    });
    await expect(downloadFile(host.url, TOKEN, undefined, policy([host.host]))).rejects.toThrow(
      /over the 1.048576 MB limit/,
    );
  });

  it("gives up on a host that stops sending, saying so", async () => {
    const host = await fileHost((_, response) => {
      response.writeHead(200, { "content-type": "text/csv" });
      response.write("campaign,");
    });
    const attempt = downloadFile(host.url, TOKEN, 100, policy([host.host], { idleMs: 200 }));
    await expect(attempt).rejects.toThrow(/stopped sending the file part way/);
  });
});
