/**
 * A local Slack for one Bolt app, over real HTTP. Point the app's Web API client at `apiUrl`
 * (`SLACK_API_URL`), set the app's request URL, then act as people and wait on the transcript:
 *
 *   const slack = await startSlackEmulator({ botToken, signingSecret });
 *   slack.setRequestUrl("http://127.0.0.1:3000/slack/events");
 *   const maria = slack.createUser({ name: "maria" });
 *   const channel = slack.createChannel({ name: "marketing", members: [maria.id], withBot: true });
 *   const { ts } = slack.postMessage({ user: maria.id, channel: channel.id, text: `${slack.botMention} hi` });
 *   const reply = await slack.waitForMessage({ channel: channel.id, threadTs: ts, fromBot: true });
 *
 * More workspaces: `const acme = slack.addWorkspace({ teamName: "Acme" })` has its own people, channels and
 * bot token; `await slack.installApp({ installUrl, teamId: acme.teamId })` goes through the app's OAuth
 * install, and `acme.uninstallApp()` removes it again.
 */
export type { AssistantContextInput, AssistantThread, AssistantThreadInput } from "./actions/app-surfaces.js";
export type { ClickButtonInput, ClickHomeButtonInput, InteractionResult } from "./actions/block-actions.js";
export type { NewChannel, NewUser } from "./actions/directory.js";
export type { SlashCommandInput, SlashCommandResult } from "./actions/slash-command.js";
export type {
  PostedMessage,
  UploadedFile,
  UserMessageInput,
  UserUploadInput,
} from "./actions/user-messages.js";
export { type SlackEmulatorOptions, SUPPORTED_EVENTS } from "./config.js";
export { slackSignature } from "./delivery/signing.js";
export type { InstallAppInput, InstallAppResult } from "./oauth/install-app.js";
export type {
  NewWorkspace,
  SlackEmulator,
  SlackWorkspace,
  UrlVerificationResult,
} from "./slack-emulator.js";
export { startSlackEmulator } from "./start-slack-emulator.js";
export type { ChangeListener, TranscriptChange } from "./store/changes.js";
export type * from "./store/model.js";
export type { Transcript } from "./store/transcript.js";
export type { MessageFilter, WaitOptions } from "./wait-for.js";
export type { ApiCallResponse } from "./web-api/dispatcher.js";
export type { ApiArgs, ApiResult } from "./web-api/method.js";
