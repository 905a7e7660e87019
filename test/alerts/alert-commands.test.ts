import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handleAlertCommand } from "../../src/alerts/index.js";
import type { Store } from "../../src/store/index.js";
import { type TempStore, tempStore } from "../store/temp-store.js";

let temp: TempStore;
let store: Store;
beforeEach(async () => {
  temp = tempStore();
  store = await temp.open();
});
afterEach(() => temp.remove());

const inChannel = { channel: "C100", user: "U1" };

describe("/alert", () => {
  it("adds a rule to the channel it is typed in, in the parser's own words", async () => {
    let changes = 0;
    const reply = await handleAlertCommand("add roas &lt; 2 window 24h by campaign", {
      ...inChannel,
      store,
      onRulesChanged: () => changes++,
    });
    expect(reply.text).toBe(
      "Added rule 1: ROAS below 2.00x today, per campaign. Alerts go to <#C100>; the live data is checked as it arrives. `/alert remove 1` stops it.",
    );
    expect(await store.listAlertRules("C100")).toMatchObject([
      { id: 1, definition: "roas < 2 by campaign", createdBy: "U1", channel: "C100" },
    ]);
    expect(changes).toBe(1);
  });

  it("explains a rule it cannot read and lists the forms it can", async () => {
    const reply = await handleAlertCommand("add roas is bad", { ...inChannel, store });
    expect(reply.text).toMatch(
      /^I could not read that rule: expected &lt;, &lt;=, &gt; or &gt;= after roas, found "is"\./,
    );
    expect(reply.text).toContain("`spend today &gt; 1.3 x daily average`");
    expect(reply.text).toContain("`anomaly cpa`");
    expect(await store.listAlertRules()).toEqual([]);
  });

  it("lists and removes the channel's rules only", async () => {
    await handleAlertCommand("add cpa > 60 for channel meta", { ...inChannel, store });
    await handleAlertCommand("add anomaly cpa", { channel: "C200", user: "U2", store });
    const list = (await handleAlertCommand("list", { ...inChannel, store })).text;
    expect(list).toBe(
      'Alert rules in <#C100>:\n• *1* `cpa &gt; 60 for channel "meta"` — CPA above 60.00 today, for channel meta',
    );
    expect((await handleAlertCommand("remove 2", { ...inChannel, store })).text).toBe(
      "There is no rule 2 in <#C100>; `/alert list` shows the rules here.",
    );
    expect((await handleAlertCommand("remove 1", { ...inChannel, store })).text).toMatch(/^Removed rule 1/);
    expect((await handleAlertCommand("list", { ...inChannel, store })).text).toMatch(
      /^No alert rules in <#C100> yet/,
    );
    expect((await handleAlertCommand("remove", { ...inChannel, store })).text).toMatch(/^Which rule\?/);
  });

  it("sends rules typed in a direct message to ALERT_CHANNEL", async () => {
    const context = { channel: "D9", user: "U1", store, alertChannel: "C777" };
    expect((await handleAlertCommand("add spend today > 1.3x daily average", context)).text).toMatch(
      /Alerts go to <#C777>/,
    );
    expect(await store.listAlertRules("C777")).toHaveLength(1);
    expect((await handleAlertCommand("list", context)).text).toMatch(/^Alert rules in <#C777>/);
  });

  it("answers help, nothing and unknown words with the usage", async () => {
    for (const text of ["", "help", "frobnicate"]) {
      const reply = (await handleAlertCommand(text, { ...inChannel, store })).text;
      expect(reply).toContain("`/alert add &lt;rule&gt;`");
      expect(reply).toContain("`/alert remove &lt;number&gt;`");
    }
  });
});
