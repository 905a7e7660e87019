import { userShape } from "../shapes/user-shape.js";
import { requiredString } from "./args.js";
import { type MethodHandler, SlackApiError } from "./method.js";

const usersInfo: MethodHandler = (ws, args) => {
  const user = ws.store.users.get(requiredString(args, "user", "user_not_found"));
  if (!user) throw new SlackApiError("user_not_found");
  return { user: userShape(user, ws.store.team.id, ws.config) };
};

export const usersMethods: Record<string, MethodHandler> = { "users.info": usersInfo };
