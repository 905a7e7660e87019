import { isAscii } from "node:buffer";
import { IngestError } from "./ingest-error.js";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/** How the receipt names each encoding (what a person would recognise). */
export const ENCODING_LABELS: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  "windows-1252": "Latin-1 (Windows-1252)",
};

const SIGNATURES: Array<{ bytes: number[]; message: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message:
      "this is an Excel workbook (.xlsx) or another zip archive, not a CSV: open it and use File > Save As > CSV UTF-8, or download the report as CSV",
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message:
      "this is a legacy Excel workbook (.xls), which is not read: open it in Excel and save it as .xlsx or CSV (File > Save As), or download the report as CSV",
  },
  {
    bytes: [0x25, 0x50, 0x44, 0x46],
    message: "this is a PDF document, not a CSV: download the report as CSV",
  },
  {
    bytes: [0x1f, 0x8b],
    message: "this is a gzip-compressed file: decompress it first, then send the CSV inside",
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], message: "this is a PNG image, not a CSV: download the report as CSV" },
  { bytes: [0xff, 0xd8, 0xff], message: "this is a JPEG image, not a CSV: download the report as CSV" },
];

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((byte, i) => head[i] === byte);

/**
 * Decides the text encoding from the first bytes of a file. Google Ads downloads are UTF-16LE with a BOM,
 * Meta and GA4 are UTF-8, and older Excel saves are Windows-1252; anything that is not text is refused
 * here with a message saying what it is.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head.length === 0) {
    throw new IngestError(
      "the file is empty (0 bytes): export the report again; a usable file has a header row and at least one data row",
    );
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", bomLength: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: "utf-16le", bomLength: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: "utf-16be", bomLength: 2 };
  for (const signature of SIGNATURES) {
    if (startsWith(head, signature.bytes)) throw new IngestError(signature.message);
  }
  const utf16 = guessBomlessUtf16(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  const zero = head.indexOf(0);
  if (zero >= 0) {
    throw new IngestError(
      `the file is binary, not text (a zero byte at offset ${zero}): export the report as CSV (comma-, semicolon- or tab-separated text)`,
    );
  }
  // Most exports are ASCII: checked natively, their head need not be walked byte by byte in JavaScript.
  if (isAscii(head) || isUtf8(head)) return { encoding: "utf-8", bomLength: 0 };
  return { encoding: "windows-1252", bomLength: 0 };
}

/** UTF-16 without a BOM shows as a zero byte in every other position for Latin text. */
function guessBomlessUtf16(head: Uint8Array): TextEncoding | null {
  const pairs = Math.min(head.length >> 1, 512);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.1) return "utf-16le";
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.1) return "utf-16be";
  return null;
}

/** True when the bytes are valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  const length = bytes.length;
  while (i < length) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const extra = byte >= 0xf0 && byte <= 0xf4 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc2 && byte < 0xe0 ? 1 : -1;
    if (extra < 0 || byte > 0xf4) return false;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= length) return true;
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}
