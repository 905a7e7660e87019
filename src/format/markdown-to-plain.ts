import { decodeHTML } from "entities/decode";
import { Lexer, type Token, type Tokens } from "marked";

/**
 * The analyst's Markdown as a terminal (or a notification) shows it: emphasis and code marks dropped,
 * `[label](url)` as "label (url)", escapes and entities read as the characters they stand for, bullets as
 * "• " and numbered items kept. Every line the writer made stays a line as written, as Slack shows it.
 */
export function markdownToPlain(markdown: string): string {
  return blocks(Lexer.lex(markdown, { gfm: true, breaks: true })).replace(/\n+$/, "");
}

function blocks(tokens: readonly Token[]): string {
  return tokens.map(block).join("");
}

function block(token: Token): string {
  switch (token.type) {
    case "paragraph":
    case "heading":
      return `${inline(token.tokens ?? [])}\n`;
    case "text":
      return `${token.tokens ? inline(token.tokens) : decodeHTML(token.text)}\n`;
    case "list":
      return list(token as Tokens.List);
    case "blockquote":
      return blocks(token.tokens ?? []).replace(/^/gm, "> ");
    case "code":
      return `${token.text}\n`;
    case "space":
      return "\n";
    case "hr":
      return "—\n";
    default:
      return token.raw;
  }
}

function list(token: Tokens.List): string {
  return token.items
    .map((item, index) => {
      const marker = token.ordered ? `${Number(token.start || 1) + index}. ` : "• ";
      return `${marker}${blocks(item.tokens).replace(/\n+$/, "")}\n`;
    })
    .join("");
}

function inline(tokens: readonly Token[]): string {
  return tokens.map(span).join("");
}

function span(token: Token): string {
  switch (token.type) {
    case "text":
      return token.tokens ? inline(token.tokens) : decodeHTML(token.text);
    case "escape":
    case "codespan":
      return token.text;
    case "strong":
    case "em":
    case "del":
      return inline(token.tokens ?? []);
    case "br":
      return "\n";
    case "link":
    case "image": {
      const label = inline(token.tokens ?? []) || token.text;
      return token.href && token.href !== label ? `${label} (${token.href})` : label;
    }
    default:
      return token.raw;
  }
}
