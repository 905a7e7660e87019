import type { CodedError } from "@slack/oauth";
import { ErrorCode } from "@slack/oauth";

/** A small page for the person's browser; `message` is ours, never a value from the request. */
export function installPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${message}</p></body></html>`;
}

export const INSTALLED_PAGE = installPage(
  "Marketing Analyst is installed",
  "Invite it to a channel (<code>/invite @Marketing Analyst</code>), drop an ad-platform export there, and ask about it in the thread. You can close this tab.",
);

const START_AGAIN = 'Start again from <a href="/slack/install">/slack/install</a>.';

/**
 * What went wrong with an install, said to the person installing: what happened and what to do. The
 * installer's own messages can quote the request (a state, a code), so they are never shown.
 */
export function installFailureMessage(error: CodedError): string {
  switch (error.code) {
    case ErrorCode.MissingStateError:
      return `Slack's answer came back without its <code>state</code>, so it cannot be tied to an install started here. ${START_AGAIN}`;
    case ErrorCode.InvalidStateError:
      return `This install link is not from this browser, or it is older than 10 minutes (the <code>state</code> did not match). ${START_AGAIN}`;
    case ErrorCode.MissingCodeError:
      return `Slack's answer came back without the <code>code</code> it is exchanged for. ${START_AGAIN}`;
    case ErrorCode.AuthorizationError:
      return `The install was cancelled in Slack, so nothing was installed. ${START_AGAIN}`;
    default: {
      const slackError = slackErrorOf(error);
      return slackError
        ? `Slack did not accept the install (${slackError}). If it keeps failing, check SLACK_CLIENT_ID and SLACK_CLIENT_SECRET. ${START_AGAIN}`
        : `The install could not be finished here (the app could not keep it), so nothing was installed. Try again in a minute. ${START_AGAIN}`;
    }
  }
}

/** Slack's own error code (e.g. invalid_code) when the Web API gave one; a code is a plain word. */
function slackErrorOf(error: CodedError): string | null {
  const code = (error as CodedError & { data?: { error?: unknown } }).data?.error;
  return typeof code === "string" && /^[a-z_]+$/.test(code) ? code : null;
}
