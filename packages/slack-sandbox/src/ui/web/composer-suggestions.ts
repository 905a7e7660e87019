import type { UiSlashCommand } from "../../protocol.js";
import { avatar } from "./avatar.js";
import type { Suggestion } from "./suggestion-menu.js";
import type { WorkspaceState } from "./workspace-state.js";

/** What the composer offers while typing: the app's commands after "/", people after "@". */

const MENTION_BEFORE_CARET = /(^|\s)@([\w.-]*)$/;

/** The command at the start of the box: its name so far, and whether a space ended it. */
export function typedCommand(value: string): { name: string; finished: boolean } | undefined {
  const match = /^(\/\S*)(\s|$)/.exec(value);
  return match ? { name: (match[1] ?? "/").toLowerCase(), finished: match[2] !== "" } : undefined;
}

export function commandSuggestions(commands: readonly UiSlashCommand[], typed: string): Suggestion[] {
  return commands
    .filter((command) => command.command.startsWith(typed))
    .map((command) => ({
      label: command.command,
      hint: command.usageHint,
      detail: command.description,
      insert: `${command.command} `,
    }));
}

/** The "@name" being typed just before the caret, lowercased, or undefined. */
export function mentionBeforeCaret(textBeforeCaret: string): string | undefined {
  return MENTION_BEFORE_CARET.exec(textBeforeCaret)?.[2]?.toLowerCase();
}

/** People (the app first) whose handle or name starts with what was typed; never the person typing. */
export function mentionSuggestions(state: WorkspaceState, typed: string): Suggestion[] {
  const me = state.snapshot?.me.id;
  return [...state.users.values()]
    .filter(
      (user) =>
        user.id !== me &&
        (user.name.toLowerCase().startsWith(typed) || user.realName.toLowerCase().startsWith(typed)),
    )
    .sort((a, b) => Number(b.isBot) - Number(a.isBot) || a.name.localeCompare(b.name))
    .map((user) => ({
      label: user.realName || user.name,
      detail: user.isBot ? "App" : `@${user.name}`,
      leading: avatar(user.id, user.realName || user.name, user.isBot, "small"),
      insert: `@${user.name} `,
    }));
}
