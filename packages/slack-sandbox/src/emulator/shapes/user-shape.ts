import type { EmulatorConfig } from "../config.js";
import type { User } from "../store/model.js";

/** A user object as `users.info` returns it; `locale` only when asked for, as on Slack. */
export function userShape(
  user: User,
  teamId: string,
  config: EmulatorConfig,
  includeLocale = false,
): Record<string, unknown> {
  const profile: Record<string, unknown> = {
    real_name: user.realName,
    real_name_normalized: user.realName,
    display_name: user.name,
    display_name_normalized: user.name,
    team: teamId,
    status_text: "",
    status_emoji: "",
  };
  if (user.email) profile.email = user.email;
  if (user.isBot) {
    profile.bot_id = config.botId;
    profile.api_app_id = config.appId;
    profile.always_active = true;
  }
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    deleted: false,
    color: "9f69e7",
    real_name: user.realName,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: user.tzOffset,
    profile,
    is_admin: user.isAdmin,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: 0,
    ...(includeLocale ? { locale: user.locale ?? "en-US" } : {}),
  };
}
