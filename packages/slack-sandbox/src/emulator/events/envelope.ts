import type { EmulatorConfig } from "../config.js";

/** The Events API `event_callback` wrapper around one event. */
export function eventEnvelope(
  config: EmulatorConfig,
  teamId: string,
  event: Record<string, unknown>,
  eventId: string,
  eventTime: number,
): Record<string, unknown> {
  return {
    token: config.verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: config.appId,
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: config.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: Buffer.from(JSON.stringify({ e: eventId, t: teamId })).toString("base64url"),
  };
}
