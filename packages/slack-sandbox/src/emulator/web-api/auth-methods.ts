import type { MethodHandler } from "./method.js";

const authTest: MethodHandler = (ws) => ({
  url: `${ws.config.baseUrl}/`,
  team: ws.store.team.name,
  user: ws.config.botName,
  team_id: ws.store.team.id,
  user_id: ws.config.botUserId,
  bot_id: ws.config.botId,
  is_enterprise_install: false,
});

export const authMethods: Record<string, MethodHandler> = { "auth.test": authTest };
