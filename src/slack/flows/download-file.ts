import type { Config } from "../../config/config.js";
import { IngestError } from "../../ingest/index.js";

/** Exports above this size are refused before download: a Slack upload of this size is a mistake. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Where the bot token may be sent for a file, and how much and how long a download may take. */
export interface DownloadPolicy {
  /** `host` or `host:port` names; the URL must name one of them. */
  hosts: readonly string[];
  maxBytes: number;
  /** The whole download. */
  timeoutMs: number;
  /** Without a byte arriving. */
  idleMs: number;
}

/** Slack serves shared files from this host (`url_private_download`). */
const SLACK_FILE_HOSTS = ["files.slack.com"];

/**
 * Slack's file hosts, SLACK_FILE_HOSTS, and the Web API's own host, which already receives the token (the
 * emulator serves files and API on one loopback host:port).
 */
export function downloadPolicy(config: Pick<Config, "slack" | "slackFileHosts">): DownloadPolicy {
  return {
    hosts: [...SLACK_FILE_HOSTS, ...config.slackFileHosts, new URL(config.slack.apiUrl).host],
    maxBytes: MAX_UPLOAD_BYTES,
    timeoutMs: 120_000,
    idleMs: 15_000,
  };
}

/**
 * Downloads a shared file with the bot token, from an allowed host only: the URL comes from the event, and
 * the token must not go wherever it points. The body is streamed into a buffer no larger than the size
 * Slack declared for the file (or the limit), and stopped as soon as more arrives, so a file that says
 * 10 bytes and sends 600 MB costs 10 bytes. Slack answers a download without a valid token with a sign-in
 * page, not an error; that is recognised and said plainly rather than read as a broken CSV.
 */
export async function downloadFile(
  url: string,
  token: string,
  expectedBytes: number | undefined,
  policy: DownloadPolicy,
): Promise<Uint8Array> {
  const limit = Math.min(expectedBytes ?? policy.maxBytes, policy.maxBytes);
  if (expectedBytes !== undefined && expectedBytes > policy.maxBytes) {
    throw new IngestError(
      `the file is ${(expectedBytes / 1e6).toFixed(0)} MB, over the ${policy.maxBytes / 1e6} MB limit for uploads: export a shorter period or fewer columns, or use \`mpo analyze\` on your machine`,
    );
  }
  const target = allowedUrl(url, policy.hosts);
  const abort = new AbortController();
  const overall = setTimeout(() => abort.abort(), policy.timeoutMs);
  let idle = setTimeout(() => abort.abort(), policy.idleMs);
  const stillArriving = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abort.abort(), policy.idleMs);
  };
  try {
    const response = await fetch(target, {
      headers: { authorization: `Bearer ${token}` },
      redirect: "manual",
      signal: abort.signal,
    });
    const type = response.headers.get("content-type") ?? "";
    if (!response.ok || type.includes("text/html") || !response.body) {
      await response.body?.cancel();
      throw new DownloadError(
        `Slack did not hand over the file (HTTP ${response.status}): check that the app has the files:read scope`,
      );
    }
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > limit) {
      await response.body.cancel();
      throw tooLarge(limit, expectedBytes);
    }
    return await readUpTo(response.body, limit, expectedBytes, stillArriving);
  } catch (error) {
    if (abort.signal.aborted) {
      throw new DownloadError("Slack stopped sending the file part way: try sharing it again in a minute");
    }
    throw error;
  } finally {
    clearTimeout(overall);
    clearTimeout(idle);
  }
}

function allowedUrl(url: string, hosts: readonly string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DownloadError("Slack sent a download link that is not a URL");
  }
  const local =
    parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost" || parsed.hostname === "[::1]";
  const secure = parsed.protocol === "https:" || (local && parsed.protocol === "http:");
  if (!secure || !(hosts.includes(parsed.host) || hosts.includes(parsed.hostname))) {
    throw new DownloadError(
      `the file's link points at ${parsed.host}, not at Slack's file hosts, so it was not downloaded (an operator can allow a host with SLACK_FILE_HOSTS)`,
    );
  }
  return parsed;
}

async function readUpTo(
  body: ReadableStream<Uint8Array>,
  limit: number,
  expectedBytes: number | undefined,
  onChunk: () => void,
): Promise<Uint8Array> {
  let buffer = new Uint8Array(expectedBytes ?? Math.min(limit, 1024 * 1024));
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk();
    if (size + value.byteLength > limit) {
      await reader.cancel();
      throw tooLarge(limit, expectedBytes);
    }
    if (size + value.byteLength > buffer.byteLength) {
      const grown = new Uint8Array(Math.min(limit, Math.max(size + value.byteLength, buffer.byteLength * 2)));
      grown.set(buffer.subarray(0, size));
      buffer = grown;
    }
    buffer.set(value, size);
    size += value.byteLength;
  }
  return buffer.subarray(0, size);
}

function tooLarge(limit: number, expectedBytes: number | undefined): Error {
  return expectedBytes !== undefined
    ? new DownloadError(
        `Slack sent more than the ${expectedBytes.toLocaleString("en-US")} bytes it said the file has`,
      )
    : new IngestError(`the file is over the ${limit / 1e6} MB limit for uploads`);
}

export class DownloadError extends Error {
  override readonly name = "DownloadError";
}
