export { handleWebhookCommand, type WebhookCommandContext } from "./webhook-command.js";
export {
  hashWorkspaceSecret,
  isWorkspaceSecret,
  makeWorkspaceSecret,
  WORKSPACE_SECRET_PREFIX,
} from "./webhook-secret.js";
