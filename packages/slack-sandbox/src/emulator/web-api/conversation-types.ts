import type { Channel } from "../store/model.js";
import { optionalString } from "./args.js";
import type { ApiArgs } from "./method.js";

const TYPE_KINDS: Record<string, Channel["kind"]> = {
  public_channel: "public",
  private_channel: "private",
  im: "im",
};

/** The `types` argument of the listing methods: comma-separated, `public_channel` when absent. */
export function requestedKinds(args: ApiArgs): Set<Channel["kind"]> {
  const types = (optionalString(args, "types") ?? "public_channel").split(",").map((t) => t.trim());
  return new Set(types.map((t) => TYPE_KINDS[t]).filter((k) => k !== undefined));
}
