export { BlendError } from "./blend-error.js";
export {
  type BlendOptions,
  blendExports,
  PLATFORM_DIMENSION,
  SOURCE_FILE_DIMENSION,
  type SourceReceipt,
  type WorkspaceView,
} from "./blend-exports.js";
export { type CurrencyRate, parseCurrencyRate } from "./currency-rates.js";
