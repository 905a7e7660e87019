import { ApiError, addAlertRule, simulateLiveData } from "./api.js";
import { h, uniqueId } from "./dom.js";
import { icon } from "./icons.js";
import type { Page } from "./page.js";

async function run(button: HTMLButtonElement, result: HTMLElement, task: () => Promise<string>, page: Page) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  result.className = "live-result";
  result.textContent = "Working…";
  try {
    result.textContent = await task();
    result.classList.add("live-result--ok");
  } catch (error) {
    result.textContent = error instanceof ApiError ? error.message : "The sandbox server did not answer.";
    result.classList.add("live-result--error");
    page.announce(result.textContent);
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

/**
 * "Simulate live data": sends a signed batch of today's ad figures to the app's real webhook, the way an
 * n8n, Make or Zapier workflow would, and offers the alert rule that makes them fire in the alerts channel.
 */
export function openLiveDataDialog(page: Page): void {
  const live = page.state.snapshot?.liveData;
  const alertChannel = live?.alertChannel ? page.state.channels.get(live.alertChannel) : undefined;
  const titleId = uniqueId("live-title");
  const ruleResult = h("p", { class: "live-result", attrs: { role: "status" } });
  const sendResult = h("p", { class: "live-result", attrs: { role: "status" } });
  const ruleButton = h(
    "button",
    { class: "button", attrs: { type: "button" } },
    icon("bell", "icon icon--small"),
    "Add this rule",
  );
  const sendButton = h(
    "button",
    { class: "button button--primary", attrs: { type: "button", disabled: !live?.available } },
    icon("pulse", "icon icon--small"),
    "Send live rows",
  );
  ruleButton.addEventListener("click", () =>
    run(
      ruleButton,
      ruleResult,
      async () => {
        await addAlertRule();
        return `Ran /alert add ${live?.alertRule ?? ""} in #${alertChannel?.name ?? "alerts"}.`;
      },
      page,
    ),
  );
  sendButton.addEventListener("click", () =>
    run(sendButton, sendResult, async () => (await simulateLiveData()).summary, page),
  );

  const dialog = h(
    "dialog",
    { class: "dialog", attrs: { "aria-labelledby": titleId } },
    h(
      "div",
      { class: "dialog-header" },
      h("h2", { class: "dialog-title", id: titleId }, "Simulate live data"),
      h(
        "button",
        {
          class: "icon-button",
          attrs: { type: "button", "aria-label": "Close" },
          on: { click: () => dialog.close() },
        },
        icon("close"),
      ),
    ),
    h(
      "p",
      { class: "dialog-text" },
      "Automation tools such as n8n, Make or Zapier push ad figures to the app's webhook. This sends a batch of today's rows the same way: a signed POST to ",
      h("code", {}, "/webhooks/ingest"),
      ". When a rule fires, the alert is posted",
      alertChannel ? ` in #${alertChannel.name}` : "",
      ".",
    ),
    alertChannel && live?.alertRule
      ? h(
          "section",
          { class: "live-step" },
          h("span", { class: "live-step-number", attrs: { "aria-hidden": "true" } }, "1"),
          h(
            "div",
            { class: "live-step-body" },
            h("h3", { class: "live-step-title" }, `An alert rule in #${alertChannel.name}`),
            h("p", { class: "dialog-text" }, h("code", {}, `/alert add ${live.alertRule}`)),
            ruleButton,
            ruleResult,
          ),
        )
      : null,
    h(
      "section",
      { class: "live-step" },
      h("span", { class: "live-step-number", attrs: { "aria-hidden": "true" } }, alertChannel ? "2" : "1"),
      h(
        "div",
        { class: "live-step-body" },
        h("h3", { class: "live-step-title" }, "Rows from the webhook"),
        h(
          "p",
          { class: "dialog-text" },
          live?.available
            ? "The first click sends this morning's figures for four campaigns, each click after adds an hour. One campaign is losing money."
            : "This sandbox was started without a webhook to send to.",
        ),
        sendButton,
        sendResult,
      ),
    ),
    h(
      "div",
      { class: "dialog-actions" },
      alertChannel
        ? h(
            "button",
            {
              class: "button",
              attrs: { type: "button" },
              on: {
                click: () => {
                  dialog.close();
                  page.navigate({ view: "channel", channel: alertChannel.id });
                },
              },
            },
            `Open #${alertChannel.name}`,
          )
        : null,
      h(
        "button",
        { class: "button", attrs: { type: "button" }, on: { click: () => dialog.close() } },
        "Done",
      ),
    ),
  );
  dialog.addEventListener("close", () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
}
