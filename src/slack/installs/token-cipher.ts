import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** How to make a key, said whenever ENCRYPTION_KEY is missing or unusable. */
export const KEY_ADVICE =
  "set ENCRYPTION_KEY to 32 random bytes, e.g. the output of `openssl rand -base64 32`";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A sealed value names its format, so a later format can be told apart from this one. */
const FORMAT = "v1";

export class EncryptionKeyError extends Error {
  override readonly name = "EncryptionKeyError";
}

/** ENCRYPTION_KEY as 32 bytes: 64 hex digits or base64 (standard or URL-safe). */
export function readEncryptionKey(text: string | undefined): Buffer {
  const value = text?.trim() ?? "";
  if (value === "") throw new EncryptionKeyError(`ENCRYPTION_KEY is not set: ${KEY_ADVICE}`);
  const key = /^[0-9a-f]{64}$/i.test(value)
    ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value)
      ? Buffer.from(value, "base64")
      : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    throw new EncryptionKeyError(
      `ENCRYPTION_KEY must be 32 bytes written as 64 hex digits or base64 (it is ${key.length === 0 ? "neither" : `${key.length} bytes`}): ${KEY_ADVICE}`,
    );
  }
  return key;
}

/**
 * Seals text (an installation with its tokens) with AES-256-GCM: a fresh 12-byte nonce per value, and the
 * authentication tag that makes a changed or wrongly-keyed value fail to open instead of opening wrong.
 * `context` (the workspace the value belongs to) is bound in as associated data, so one workspace's sealed
 * row copied onto another's does not open.
 */
export class TokenCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new EncryptionKeyError(`the key must be ${KEY_BYTES} bytes`);
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
    return [FORMAT, ...parts].join(".");
  }

  /** The text, or an error that says the key is wrong or the value was changed (never the value itself). */
  open(sealed: string, context: string): string {
    const [format, iv, tag, body] = sealed.split(".");
    if (format !== FORMAT || !iv || !tag || body === undefined) {
      throw new EncryptionKeyError("a stored installation is not in a format this program reads");
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    } catch {
      throw new EncryptionKeyError(
        "a stored installation does not open with this ENCRYPTION_KEY: it was sealed with another key (restore that key, or install the app in the workspace again)",
      );
    }
  }
}
