import type { UiChannel, UiSample } from "../../protocol.js";
import { ApiError, uploadFile } from "./api.js";
import { appMark } from "./avatar.js";
import { h } from "./dom.js";
import { fileSize } from "./format.js";
import { icon } from "./icons.js";
import { renderMrkdwn } from "./mrkdwn.js";
import type { Page } from "./page.js";

function sampleCard(sample: UiSample, channel: UiChannel, page: Page): HTMLElement {
  const share = h(
    "button",
    {
      class: "button button--primary button--small",
      attrs: { type: "button", "aria-label": `Upload ${sample.file} to #${channel.name}` },
    },
    icon("upload", "icon icon--small"),
    "Upload",
  );
  share.addEventListener("click", async () => {
    share.disabled = true;
    try {
      await uploadFile(channel.id, { kind: "sample", name: sample.file }, "");
      page.announce(`${sample.file} uploaded to #${channel.name}.`);
    } catch (error) {
      page.notify(error instanceof ApiError ? error.message : "The upload failed.", "error");
    } finally {
      share.disabled = false;
    }
  });
  return h(
    "li",
    { class: "sample-card" },
    h("span", { class: "sample-platform" }, sample.platform),
    h("h3", { class: "sample-title" }, sample.title),
    h("p", { class: "sample-description" }, sample.description),
    h("p", { class: "sample-meta" }, `${sample.file} · ${fileSize(sample.size)}`),
    h(
      "div",
      { class: "sample-actions" },
      share,
      h(
        "a",
        {
          class: "icon-button sample-download",
          attrs: {
            href: `/sandbox/samples/${encodeURIComponent(sample.file)}`,
            download: sample.file,
            "aria-label": `Download ${sample.file}`,
            title: "Download",
          },
        },
        icon("download"),
      ),
    ),
  );
}

/** The top of a channel: what it is for and, in the samples channel, exports to try in one click. */
export function channelIntro(channel: UiChannel, page: Page): HTMLElement {
  const snapshot = page.state.snapshot;
  const botName = snapshot?.bot.name ?? "the app";
  if (channel.kind === "im") {
    return h(
      "section",
      { class: "channel-intro" },
      appMark("avatar avatar--large"),
      h("h2", { class: "channel-intro-title" }, botName),
      h(
        "p",
        { class: "channel-intro-text" },
        `This is your direct message history with ${botName}. Drop an export here or ask about your data in plain words.`,
      ),
    );
  }
  const samples = channel.id === snapshot?.defaultChannel ? (snapshot?.samples ?? []) : [];
  return h(
    "section",
    { class: "channel-intro" },
    h("h2", { class: "channel-intro-title" }, icon("hash", "icon icon--title"), channel.name),
    // A div, not a p: the purpose is rendered as a block of mrkdwn, which a paragraph may not hold.
    h(
      "div",
      { class: "channel-intro-text" },
      `This is the very beginning of the #${channel.name} channel. `,
      channel.purpose
        ? renderMrkdwn(channel.purpose, page.renderContext("home"), "mrkdwn mrkdwn--inline")
        : null,
    ),
    samples.length > 0
      ? h(
          "div",
          { class: "samples" },
          h("h3", { class: "samples-heading" }, "Try it with a sample export"),
          h(
            "p",
            { class: "samples-text" },
            `Generated exports in each platform's own format. Upload one and ${botName} replies in its thread with the KPIs and a chart, then answers follow-up questions.`,
          ),
          h(
            "ul",
            { class: "sample-cards" },
            samples.map((sample) => sampleCard(sample, channel, page)),
          ),
        )
      : null,
  );
}
