/** A configuration the program cannot start with; its own file so that catching it does not load the schema library. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
