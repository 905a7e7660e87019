import { type Child, externalLink, h, safeHref } from "./dom.js";
import { emojiFor } from "./emoji.js";
import type { RenderContext } from "./render-context.js";

/**
 * Slack mrkdwn within one line: *bold*, _italic_, ~strike~, `code`, <links|and labels>, <@mentions>,
 * <#channels>, <!here>, <!date^…>, :emoji: and bare URLs. Markers count only at word boundaries, as in
 * Slack, so snake_case_names and 2*3*4 stay as typed.
 */
const TOKEN = new RegExp(
  [
    "(?<code>`[^`\\n]+`)",
    "(?<angle><[^<>\\n]+>)",
    "(?<bold>(?<![\\p{L}\\p{N}*])\\*(?=[^\\s*])[^*\\n]+?(?<=\\S)\\*(?![\\p{L}\\p{N}*]))",
    "(?<italic>(?<![\\p{L}\\p{N}_])_(?=[^\\s_])[^_\\n]+?(?<=\\S)_(?![\\p{L}\\p{N}_]))",
    "(?<strike>(?<![\\p{L}\\p{N}~])~(?=[^\\s~])[^~\\n]+?(?<=\\S)~(?![\\p{L}\\p{N}~]))",
    "(?<emoji>:[a-z0-9_+'-]+:)",
    "(?<url>https?://[^\\s<>]*[^\\s<>.,;:!?)'\"])",
  ].join("|"),
  "giu",
);

/** Slack escapes &, < and > in message text. */
export function unescapeSlack(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

function mention(label: string, isMe: boolean): HTMLElement {
  return h("span", { class: isMe ? "mention mention--me" : "mention" }, label);
}

const DATE_FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  date_num: { year: "numeric", month: "2-digit", day: "2-digit" },
  date: { year: "numeric", month: "long", day: "numeric" },
  date_short: { year: "numeric", month: "short", day: "numeric" },
  date_long: { weekday: "long", year: "numeric", month: "long", day: "numeric" },
  date_pretty: { year: "numeric", month: "long", day: "numeric" },
  date_short_pretty: { year: "numeric", month: "short", day: "numeric" },
  date_long_pretty: { weekday: "long", year: "numeric", month: "long", day: "numeric" },
  time: { hour: "numeric", minute: "2-digit" },
  time_secs: { hour: "numeric", minute: "2-digit", second: "2-digit" },
};

/** `<!date^1392734382^Posted {date_num} {time_secs}|fallback>` */
export function formatSlackDate(seconds: number, template: string): string {
  const date = new Date(seconds * 1000);
  return template.replace(/\{(\w+)\}/g, (whole, token: string) => {
    const options = DATE_FORMATS[token];
    return options ? new Intl.DateTimeFormat("en-US", options).format(date) : whole;
  });
}

function angle(inner: string, context: RenderContext): Child {
  const [target = "", label] = inner.split("|", 2) as [string, string | undefined];
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return mention(`@${label ?? context.userName(id)}`, id === context.me);
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    const name = label ?? context.channelName(id) ?? id;
    return h(
      "button",
      { class: "channel-link", attrs: { type: "button" }, on: { click: () => context.openChannel(id) } },
      `#${name}`,
    );
  }
  if (target.startsWith("!subteam^")) return mention(`@${label ?? "team"}`, false);
  if (target.startsWith("!date^")) {
    const [, seconds, template] = target.split("^");
    const value = Number(seconds);
    return Number.isFinite(value) && template ? formatSlackDate(value, template) : unescapeSlack(label ?? "");
  }
  if (target.startsWith("!")) return mention(`@${target.slice(1)}`, true);
  const href = safeHref(unescapeSlack(target));
  const text = unescapeSlack(label ?? target.replace(/^mailto:/, ""));
  return href ? externalLink(href, text) : text;
}

export function inlineMrkdwn(text: string, context: RenderContext): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) out.push(unescapeSlack(text.slice(last, index)));
    last = index + match[0].length;
    const groups = match.groups ?? {};
    const whole = match[0];
    const inner = whole.slice(1, -1);
    if (groups.code) out.push(h("code", {}, unescapeSlack(inner)));
    else if (groups.angle) out.push(angle(inner, context));
    else if (groups.bold) out.push(h("strong", {}, inlineMrkdwn(inner, context)));
    else if (groups.italic) out.push(h("em", {}, inlineMrkdwn(inner, context)));
    else if (groups.strike) out.push(h("s", {}, inlineMrkdwn(inner, context)));
    else if (groups.emoji) out.push(emojiFor(inner) ?? whole);
    else if (groups.url) {
      const href = safeHref(whole);
      out.push(href ? externalLink(href, whole) : whole);
    }
  }
  if (last < text.length) out.push(unescapeSlack(text.slice(last)));
  return out;
}
