import { expect } from "vitest";

/**
 * Campaign names anyone can set (a UTM value in a link is enough): every kind of Slack markup, entities,
 * code fences, a right-to-left override, a 500-character name, and Markdown's own marks beside a link.
 */
export const HOSTILE_NAMES = [
  "<!channel> Spring",
  "<!here> Flash",
  "<!everyone> Promo",
  "<@U1> Retarget",
  "<#C1> Brand",
  "<https://evil.example/login|Reconnect your Google Ads account>",
  "<https://evil.example|x>",
  "Tom &amp; Jerry & Co",
  "`tick` ```fence```",
  "\u202Egnp.exe\u202C Mirror",
  "@channel @here #general plain",
  `${"L".repeat(488)}<!channel>x`,
  "<!channel> *Bold* _Sale_ <http://evil|click> `tick`",
];

/** A CSV of the hostile campaigns, ten days of figures each, quoted as spreadsheets write them. */
export function hostileCsv(): string {
  const lines = ["Date,Campaign,Cost (USD),Impressions,Clicks,Conversions,Revenue (USD)"];
  HOSTILE_NAMES.forEach((name, index) => {
    for (let day = 1; day <= 10; day++) {
      const spend = 100 + index * 37 + day * 3;
      lines.push(
        `2024-04-${String(day).padStart(2, "0")},"${name.replaceAll('"', '""')}",${spend}.25,${5000 + index * 10},${200 + day},${5 + (index % 4)},${spend * (1 + (index % 3))}.50`,
      );
    }
  });
  return `${lines.join("\n")}\n`;
}

/** Live rows for today, one a campaign, spending 500 for 100 of revenue: each crosses `roas < 2`. */
export function losingLiveRows(campaigns: readonly string[]): Array<Record<string, unknown>> {
  const today = new Date().toISOString().slice(0, 10);
  return campaigns.map((campaign, index) => ({
    kind: "metrics",
    id: `r${index}`,
    date: today,
    campaign,
    channel: "meta",
    spend: 500,
    revenue: 100,
    clicks: 50,
    impressions: 4000,
    conversions: 1,
  }));
}

interface TextObject {
  type?: string;
  text?: unknown;
  verbatim?: unknown;
}

/**
 * The texts Slack parses for markup: a message's `text` and every mrkdwn text object in its blocks. Each
 * of those objects must be verbatim, or Slack would turn a plain "@channel" or "#general" into a live one.
 */
export function parsedTexts(message: { text?: string; blocks?: unknown[] }): string[] {
  const texts: string[] = message.text ? [message.text] : [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const object = node as TextObject;
      if (object.type === "mrkdwn" && typeof object.text === "string") {
        expect(object.verbatim, object.text.slice(0, 200)).toBe(true);
        texts.push(object.text);
      }
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit(message.blocks ?? []);
  return texts;
}

/** The text of every `markdown` block of a message: standard Markdown, which Slack renders itself. */
export function markdownTexts(message: { text?: string; blocks?: unknown[]; stream?: unknown }): string[] {
  // A streamed message's text is Markdown, read as a markdown block is.
  const streamed = message.stream && message.text ? [message.text] : [];
  return [
    ...streamed,
    ...(message.blocks ?? []).flatMap((block) => {
      const object = block as TextObject;
      return object.type === "markdown" && typeof object.text === "string" ? [object.text] : [];
    }),
  ];
}

/**
 * No markdown block holds live markup: no `<` at all (so no autolink, HTML or Slack token), no bracket
 * that could open a link or image, no address that could become a link by itself, no bidirectional override.
 */
export function expectInertMarkdown(texts: readonly string[]): void {
  for (const text of texts) {
    expect(text, text.slice(0, 300)).not.toMatch(/[<\u202A-\u202E\u2066-\u2069]/);
    expect(text, text.slice(0, 300)).not.toMatch(/(?<!\\)(?:\\\\)*[[\]]/);
    expect(text, text.slice(0, 300)).not.toMatch(/(?<!\\)(?:\\\\)*:\/\/|\bwww\./i);
  }
}

/**
 * No text Slack parses holds live markup: every `<…>` is one the app wrote itself (the mentions and
 * channel links it is allowed), no broadcast (`<!…>`) at all, and no bidirectional override.
 */
export function expectNoLiveMarkup(texts: readonly string[], allowed: readonly string[]): void {
  for (const text of texts) {
    const tokens = [...text.matchAll(/<[^<>]*>/g)].map((match) => match[0]);
    expect(
      tokens.filter((token) => !allowed.includes(token)),
      text.slice(0, 300),
    ).toEqual([]);
    expect(text).not.toMatch(/<!|<@U1>|<#C1>|<https?:/);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  }
}
