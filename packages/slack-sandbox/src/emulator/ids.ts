import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function code(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Slack-looking identifiers and message timestamps. */
export class IdFactory {
  private lastMicros = 0;

  team(): string {
    return `T${code(10)}`;
  }
  app(): string {
    return `A${code(10)}`;
  }
  bot(): string {
    return `B${code(10)}`;
  }
  user(): string {
    return `U${code(10)}`;
  }
  channel(): string {
    return `C${code(10)}`;
  }
  dm(): string {
    return `D${code(10)}`;
  }
  file(): string {
    return `F${code(10)}`;
  }
  view(): string {
    return `V${code(10)}`;
  }
  event(): string {
    return `Ev${code(10)}`;
  }
  secret(length = 24): string {
    return randomBytes(length).toString("hex").slice(0, length);
  }

  /** `trigger_id`s look like `<digits>.<digits>.<hex>` in Slack payloads. */
  trigger(): string {
    const now = Date.now();
    return `${now}.${Math.floor(now / 1000) % 100000000}.${this.secret(32)}`;
  }

  /**
   * Message timestamps are seconds with six decimals and unique per channel; a strictly increasing
   * microsecond clock keeps them unique and ordered across the whole workspace.
   */
  ts(): string {
    const micros = Math.max(Date.now() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    const fraction = String(micros % 1_000_000).padStart(6, "0");
    return `${seconds}.${fraction}`;
  }
}
