/**
 * `@mpo/slack-sandbox`: the local Slack an app runs against without credentials. `startSandbox()` starts
 * the emulator with a seeded workspace; `mountSandboxPage()` serves the Slack-like page on the app's server.
 * The emulator alone is `@mpo/slack-sandbox/emulator`, the page's server `@mpo/slack-sandbox/ui`, and the
 * shapes the page and the server exchange `@mpo/slack-sandbox/protocol`.
 */
export type { SlackEmulator } from "./emulator/index.js";
export { type MountOptions, mountSandboxPage, type Sandbox, startSandbox } from "./start-sandbox.js";
