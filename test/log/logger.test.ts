import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { throttled } from "../../src/log/throttled.js";

function recording(format: "json" | "text", secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger({ format, secrets, write: (line) => lines.push(line) });
  return { logger, lines };
}

describe("the app's logger", () => {
  it("writes one JSON object per line for log collectors, errors by their message", () => {
    const { logger, lines } = recording("json");
    logger.warn("alert was not posted", { rule: 3, error: new Error("channel_not_found") });
    const line = JSON.parse(lines[0] as string);
    expect(line).toMatchObject({
      level: "warn",
      msg: "alert was not posted",
      rule: 3,
      error: "channel_not_found",
    });
    expect(Date.parse(line.time)).not.toBeNaN();
  });

  it("writes readable text for a terminal", () => {
    const { logger, lines } = recording("text");
    logger.info("started", { port: 3000, storage: "sqlite" });
    expect(lines[0]).toMatch(/^\S+ info started port=3000 storage=sqlite$/);
  });

  it("keeps token-shaped strings and the secrets it was given out of every line, in both forms", () => {
    for (const format of ["json", "text"] as const) {
      const { logger, lines } = recording(format, ["whsec-123456"]);
      logger.error("Gemini failed", {
        error: "key AIzaSyA1234567890abcdefghijk rejected",
        secret: "whsec-123456",
      });
      logger.debug("hidden below the default level");
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toMatch(/AIzaSy|whsec-123456/);
      expect(lines[0]).toContain("[redacted]");
    }
  });

  it("writes a limited number of lines an outsider can trigger, then counts the rest", () => {
    let now = 0;
    const lines: (Record<string, unknown> | undefined)[] = [];
    const warn = throttled((_, context) => lines.push(context), { limit: 2, windowMs: 1000, now: () => now });
    for (let i = 0; i < 5; i++) warn("refused");
    now = 1000;
    warn("refused");
    expect(lines).toEqual([undefined, undefined, { similarLinesNotLogged: 3 }]);
  });
});
