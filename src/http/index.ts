export { signWebhookBody } from "./auth/webhook-signature.js";
export { createHttpApp, type HttpApp, type HttpDeps, type HttpLimits } from "./create-http-app.js";
export type { LiveDataArrived } from "./ingest/delivery-receiver.js";
export type { MetricsSummary, SummaryFigures } from "./insights/metrics-summary.js";
export type { InsightsWriter } from "./routes/generate-insights.js";
export { type RunningServer, type ServeOptions, serveHttp } from "./serve-http.js";
