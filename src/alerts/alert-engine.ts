import { formatFigure } from "../format/format-figures.js";
import { DEFAULT_READER, type Reader, withReader } from "../format/reader-locale.js";
import { dayToIso, type FactTable, isoToDay } from "../ingest/index.js";
import type { Logger } from "../log/logger.js";
import { METRIC_CATALOG } from "../metrics/index.js";
import type { AlertRuleRecord, Store, Workspace } from "../store/index.js";
import { type AlertChartRenderer, renderAlertChart } from "./alert-chart.js";
import { explainVerdict, soleCurrency } from "./alert-explanation.js";
import { alertMessage, alertSummary, resolvedMessage, scopeWords } from "./alert-message.js";
import type { AlertPoster } from "./alert-poster.js";
import type { AlertRule } from "./alert-rule.js";
import { evaluateRule, type Verdict } from "./evaluate-rule.js";
import { HOURS_SHOWN, hourlySeries } from "./hourly-series.js";
import { parseRule } from "./parse-rule.js";

export interface AlertEngineOptions {
  store: Store;
  poster: AlertPoster;
  /** Wait after the first arrival before evaluating, so a burst of deliveries is judged once; 2 s by default. */
  debounceMs?: number;
  /** After a resolution, the same rule and key stay quiet this long (a metric hovering at its line does not flap); 4 h by default. */
  cooldownMs?: number;
  /** The calendar "today" is taken in this zone (the ad account's); UTC by default. */
  timeZone?: string;
  now?: () => Date;
  renderChart?: AlertChartRenderer;
  logger?: Logger;
  /** Who a rule's alerts are written for (its author's locale and time zone); en-US in UTC by default. */
  readerOf?: (rule: AlertRuleRecord) => Promise<Reader>;
  /**
   * Runs an evaluation while no other instance runs one (see JobQueue.exclusively), so two instances
   * never both fire or resolve the same alert; in this process alone by default.
   */
  exclusively?: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface AlertActivity {
  kind: "fired" | "resolved";
  ruleId: number;
  key: string;
  alertId: number;
}

/** Live data loaded per evaluation: enough history for the anomaly detector and the alert's chart. */
const LOOKBACK_DAYS = 42;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Watches the live data for the rules people set with `/alert`. Evaluations run one at a time, after a
 * debounce, each over a fresh read of the store; every rule and key has at most one open alert (one
 * problem, one message), resolved in the alert's thread once the metric is back on the right side. State
 * lives in the store, so a restart neither repeats nor forgets an alert.
 */
export class AlertEngine {
  private readonly store: Store;
  private readonly poster: AlertPoster;
  private readonly debounceMs: number;
  private readonly cooldownMs: number;
  /** Writes a moment as the YYYY-MM-DD it is in the account's time zone. */
  private readonly calendarDay: Intl.DateTimeFormat;
  private readonly now: () => Date;
  private readonly renderChart: AlertChartRenderer;
  private readonly logger: Logger;
  private readonly readerOf: (rule: AlertRuleRecord) => Promise<Reader>;
  private readonly exclusively: <T>(work: () => Promise<T>) => Promise<T>;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(options: AlertEngineOptions) {
    this.store = options.store;
    this.poster = options.poster;
    this.debounceMs = options.debounceMs ?? 2000;
    this.cooldownMs = options.cooldownMs ?? 4 * HOUR_MS;
    // Built once, so an unknown zone fails here, at start-up, rather than at every evaluation.
    this.calendarDay = new Intl.DateTimeFormat("en-CA", {
      timeZone: options.timeZone ?? "UTC",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    this.now = options.now ?? (() => new Date());
    this.renderChart = options.renderChart ?? renderAlertChart;
    this.logger = options.logger ?? console;
    this.readerOf = options.readerOf ?? (async () => DEFAULT_READER);
    this.exclusively = options.exclusively ?? ((work) => work());
  }

  /** New live data is committed: evaluate soon. Arrivals during the wait join the same evaluation. */
  notifyDataArrived(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.evaluateNow().catch(() => {
        // Logged where it happened; the next arrival tries again.
      });
    }, this.debounceMs);
  }

  /** Evaluates every rule now, after any evaluation already running. */
  evaluateNow(): Promise<AlertActivity[]> {
    this.inFlight += 1;
    const run = this.chain.then(() => this.exclusively(() => this.evaluateAll()));
    this.chain = run.then(
      () => undefined,
      (error) => this.logger.error("alert evaluation failed", { error: errorText(error) }),
    );
    return run.finally(() => {
      this.inFlight -= 1;
      this.settle();
    });
  }

  /** Resolves once nothing is scheduled or running. */
  idle(): Promise<void> {
    if (!this.timer && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Cancels a scheduled evaluation and ignores later arrivals (an evaluation running finishes). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.settle();
  }

  private settle(): void {
    if (this.timer || this.inFlight > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private async evaluateAll(): Promise<AlertActivity[]> {
    const now = this.now();
    const today = isoToDay(this.calendarDay.format(now));
    const activity: AlertActivity[] = [];
    // Each workspace's rules are judged on that workspace's live data only.
    for (const workspace of await this.store.alertRuleWorkspaces()) {
      activity.push(...(await this.evaluateWorkspace(workspace, today, now)));
    }
    return activity;
  }

  private async evaluateWorkspace(workspace: Workspace, today: number, now: Date): Promise<AlertActivity[]> {
    const rules = await this.store.listAlertRules(undefined, workspace);
    if (rules.length === 0) return [];
    const facts = await this.store.liveFacts({
      since: dayToIso(today - LOOKBACK_DAYS),
      until: dayToIso(today),
      workspace,
    });
    const activity: AlertActivity[] = [];
    for (const record of rules) {
      try {
        const reader = await this.readerOf(record);
        activity.push(...(await withReader(reader, () => this.evaluateOne(record, facts, today, now))));
      } catch (error) {
        this.logger.error("alert rule could not be evaluated", {
          ruleId: record.id,
          error: errorText(error),
        });
      }
    }
    return activity;
  }

  private async evaluateOne(record: AlertRuleRecord, facts: FactTable, today: number, now: Date) {
    const rule = parseRule(record.definition);
    const { window, verdicts } = evaluateRule(rule, facts, today);
    const byKey = new Map(verdicts.map((verdict) => [verdict.key, verdict]));
    const activity: AlertActivity[] = [];
    const currency = soleCurrency(facts);

    for (const open of await this.store.openAlerts(record.id)) {
      const verdict = byKey.get(open.key);
      if (!verdict?.judged || verdict.breached) continue;
      await this.store.resolveAlert(open.id, now);
      activity.push({ kind: "resolved", ruleId: record.id, key: open.key, alertId: open.id });
      const message = resolvedMessage(rule, verdict, window, currency);
      await this.postQuietly("resolution", { alertId: open.id }, () =>
        this.poster.postMessage({
          channel: open.channel,
          threadTs: open.messageTs ?? undefined,
          workspace: { team: record.team, enterprise: record.enterprise },
          ...message,
        }),
      );
    }

    for (const verdict of verdicts) {
      if (!verdict.breached || !(await this.mayFire(record.id, verdict.key, now))) continue;
      const alertId = await this.fire(record, rule, verdict, facts, today, window);
      if (alertId !== null) activity.push({ kind: "fired", ruleId: record.id, key: verdict.key, alertId });
    }
    return activity;
  }

  /** Not while the same problem's alert is open, nor within the cooldown after it was resolved. */
  private async mayFire(ruleId: number, key: string, now: Date): Promise<boolean> {
    const latest = await this.store.latestAlert(ruleId, key);
    if (!latest) return true;
    if (latest.resolvedAt === null) return false;
    return now.getTime() - Date.parse(latest.resolvedAt) >= this.cooldownMs;
  }

  /**
   * Records the alert first (its id is the button's value), then posts it; when Slack refuses for good the
   * record is dropped so the next evaluation tries again. The chart follows in the thread; without it the
   * alert still stands.
   */
  private async fire(
    record: AlertRuleRecord,
    rule: AlertRule,
    verdict: Verdict,
    facts: FactTable,
    today: number,
    window: { from: string; to: string },
  ): Promise<number | null> {
    const explanation = explainVerdict(rule, verdict, facts, window, today);
    const summary = alertSummary(rule, verdict, window, explanation.currency);
    const alert = await this.store.openAlert({
      ruleId: record.id,
      key: verdict.key,
      channel: record.channel,
      summary,
      details: {
        metric: rule.metric,
        value: verdict.value,
        limit: verdict.limit,
        window,
        scope: scopeWords(rule, verdict),
        rule: record.definition,
      },
      firedAt: this.now(),
    });
    const message = alertMessage({
      alertId: alert.id,
      ruleId: record.id,
      definition: record.definition,
      rule,
      verdict,
      window,
      explanation,
    });
    let ts: string;
    try {
      ts = await this.poster.postMessage({
        channel: record.channel,
        workspace: { team: record.team, enterprise: record.enterprise },
        ...message,
      });
    } catch {
      await this.store.discardAlert(alert.id);
      return null;
    }
    await this.store.setAlertMessage(alert.id, ts);
    await this.postQuietly("chart", { alertId: alert.id }, async () => {
      const label = METRIC_CATALOG[rule.metric].label;
      const limitLabel =
        verdict.limit === null
          ? ""
          : `${rule.kind === "anomaly" ? "Usual range edge" : "Alert line"} ${formatFigure(rule.metric, verdict.limit, explanation.currency)}`;
      const hourly = await hourlySeries(
        (options) =>
          this.store.liveFacts({
            ...options,
            workspace: { team: record.team, enterprise: record.enterprise },
          }),
        rule,
        verdict.segment,
        window,
        this.now(),
      );
      const png = await this.renderChart({
        metric: rule.metric,
        trend: explanation.trend,
        hourly,
        limit: rule.kind === "anomaly" ? null : verdict.limit,
        limitLabel,
        anomalies: verdict.anomaly ? [verdict.anomaly] : [],
        scope: scopeWords(rule, verdict),
        currency: explanation.currency,
      });
      await this.poster.uploadPng({
        channel: record.channel,
        workspace: { team: record.team, enterprise: record.enterprise },
        threadTs: ts,
        png,
        filename: `alert-${alert.id}-${rule.metric}.png`,
        title:
          hourly.length > 0
            ? `${label} hour by hour, last ${HOURS_SHOWN} hours`
            : `${label} per day, last 14 days`,
        altText: `${label} ${hourly.length > 0 ? `hour by hour over the last ${HOURS_SHOWN} hours` : "per day over the last 14 days"}, ${scopeWords(rule, verdict)}, with the alert line`,
      });
    });
    return alert.id;
  }

  /** A follow-up that may fail without undoing what is already posted; the poster has logged why. */
  private async postQuietly(what: string, context: Record<string, unknown>, post: () => Promise<unknown>) {
    try {
      await post();
    } catch (error) {
      this.logger.warn(`alert ${what} was not posted`, { ...context, error: errorText(error) });
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
