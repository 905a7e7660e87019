/** Exports that cannot be put together as asked; the message says what would fix it. */
export class BlendError extends Error {
  override readonly name = "BlendError";
}
