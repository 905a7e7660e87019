import { createRequire } from "node:module";
import { signWebhookBody } from "../../src/http/index.js";

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
export interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
}
interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; setupRequest: (request: RawRequest) => RawRequest }[];
}) => Promise<AutocannonResult>;

// autocannon ships no types; this is the part of its programmatic API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

let sequence = 0;

/** A fresh record per request (its own id, so every one is stored), signed now with `secret`. */
function signedRecord(secret: string, request: RawRequest): RawRequest {
  sequence += 1;
  const body = JSON.stringify({
    id: `bench-${process.pid}-${sequence}`,
    date: "2025-05-10",
    campaign: `Campaign ${sequence % 50}`,
    channel: "meta",
    spend: 12.5,
    impressions: 1000,
    clicks: 30,
    conversions: 2,
    revenue: 48,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    ...request,
    method: "POST",
    path: "/webhooks/ingest",
    headers: {
      "content-type": "application/json",
      "x-mpo-timestamp": String(timestamp),
      "x-mpo-signature": signWebhookBody(secret, timestamp, body),
    },
    body,
  };
}

/** Signed single-record webhook deliveries to `url` from `connections` connections for `duration` s. */
export function webhookLoad(
  url: string,
  options: { secret: string; connections: number; duration: number },
): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [{ method: "POST", setupRequest: (request) => signedRecord(options.secret, request) }],
  });
}
