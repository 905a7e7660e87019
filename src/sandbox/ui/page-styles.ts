import { BASE_CSS } from "./styles/base.js";
import { COMPOSER_CSS } from "./styles/composer.js";
import { LAYOUT_CSS } from "./styles/layout.js";
import { MESSAGES_CSS } from "./styles/messages.js";
import { SURFACES_CSS } from "./styles/surfaces.js";
import { TEXT_AND_BLOCKS_CSS } from "./styles/text-and-blocks.js";

/**
 * The page's one stylesheet. It lives in TypeScript modules so the build carries it into `dist/` with the
 * server, with no copy step.
 */
export const PAGE_CSS = [
  BASE_CSS,
  LAYOUT_CSS,
  MESSAGES_CSS,
  TEXT_AND_BLOCKS_CSS,
  COMPOSER_CSS,
  SURFACES_CSS,
].join("\n");
