import {
  createHttpApp,
  type HttpDeps,
  type RunningServer,
  serveHttp,
  signWebhookBody,
} from "../../src/http/index.js";
import type { Store } from "../../src/store/index.js";
import { type TempStore, tempStore } from "../store/temp-store.js";

export const SECRET = "whsec_test_5f0c1d2e3a4b";
/** The live feed's own read token (LIVE_READ_TOKEN): never the webhook secret. */
export const READ_TOKEN = "live_read_test_9a8b7c";

export interface Api {
  url: string;
  store: Store;
  temp: TempStore;
  server: RunningServer;
  close(): Promise<void>;
}

export interface ApiOptions extends Partial<Omit<HttpDeps, "store" | "config">> {
  /** null: no WEBHOOK_SECRET configured. */
  secret?: string | null;
  sandbox?: boolean;
  corsOrigins?: string[];
  /** null: no LIVE_READ_TOKEN configured. */
  liveReadToken?: string | null;
}

/** The real app on a free loopback port, over a real SQLite file in a temporary folder. */
export async function startApi(options: ApiOptions = {}): Promise<Api> {
  const { secret = SECRET, sandbox = false, corsOrigins = [], liveReadToken = READ_TOKEN, ...rest } = options;
  const temp = tempStore();
  const store = await temp.open();
  const app = createHttpApp({
    store,
    config: {
      webhookSecret: secret ?? undefined,
      sandbox,
      corsOrigins,
      liveReadToken: liveReadToken ?? undefined,
      databasePath: temp.path,
    },
    insights: async (summary) => `**Spend** was ${summary.totals.spend ?? "unknown"}.`,
    logger: { warn: () => {}, error: () => {} },
    ...rest,
  });
  const server = await serveHttp(app, { port: 0 });
  return {
    url: server.url,
    store,
    temp,
    server,
    close: async () => {
      await server.close();
      await temp.remove();
    },
  };
}

/** Headers of a correctly signed JSON request, signed at `at` (Unix seconds, now by default). */
export function signed(body: string | Uint8Array, at = Math.floor(Date.now() / 1000), secret = SECRET) {
  return {
    "content-type": "application/json",
    "x-mpo-timestamp": String(at),
    "x-mpo-signature": signWebhookBody(secret, at, body),
  };
}

export function postJson(
  api: Api,
  path: string,
  body: string,
  headers: Record<string, string> = signed(body),
) {
  return fetch(`${api.url}${path}`, { method: "POST", headers, body });
}

export const METRICS_ROW = {
  id: "row-1",
  date: "2025-05-01",
  campaign: "Brand",
  channel: "google",
  spend: 120.5,
  impressions: 10000,
  clicks: 300,
  conversions: 12,
  revenue: 640,
};
