/** Storage that cannot do what was asked (a damaged file, a schema from a newer version), said in one line. */
export class StoreError extends Error {
  override readonly name = "StoreError";
}
