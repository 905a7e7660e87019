import { inflateRawSync } from "node:zlib";
import { IngestError } from "./ingest-error.js";

/** More than any workbook an ad platform writes; past it a file is refused before anything is inflated. */
const MAX_ENTRIES = 10_000;
/** Inflated size of all parts together: what the workbook reader may hold or spill to disk at most. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_FIELD = 0x0001;

const DAMAGED =
  "the Excel workbook (.xlsx) is damaged (its zip structure does not hold together): open it in Excel and save it again, or download the report again";

interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  inflatedSize: number;
  localOffset: number;
}

/**
 * Refuses a workbook that is not a sound zip of modest size before a library inflates it: the workbook
 * reader trusts the sizes a zip declares, so a zip bomb (or a damaged file) would otherwise exhaust memory
 * or fail deep inside a stream. Every part is inflated here once, capped at its declared size, so a part
 * that lies about its size is caught at that size.
 */
export function checkWorkbookZip(bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const entries = readCentralDirectory(buffer);
  if (!entries.some((entry) => entry.name === "xl/workbook.xml")) {
    throw new IngestError(
      "this is a zip archive, not an Excel workbook (.xlsx): send the CSV or .xlsx report itself, not a zip of it",
    );
  }
  const inflated = entries.reduce((sum, entry) => sum + entry.inflatedSize, 0);
  if (inflated > MAX_INFLATED_BYTES) {
    throw new IngestError(
      `the Excel workbook unpacks to ${megabytes(inflated)} MB, more than the ${megabytes(MAX_INFLATED_BYTES)} MB read from a workbook: export the report as CSV, which has no such limit`,
    );
  }
  for (const entry of entries) checkEntry(buffer, entry);
}

function readCentralDirectory(buffer: Buffer): ZipEntry[] {
  const end = findEnd(buffer);
  const count = buffer.readUInt16LE(end + 10);
  const offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new IngestError(
      "the Excel workbook is too large to read (a zip64 archive): export the report as CSV instead",
    );
  }
  if (count > MAX_ENTRIES) {
    throw new IngestError(
      `the Excel workbook holds ${count} parts, more than any report needs: open it in Excel and save the table alone as .xlsx or CSV`,
    );
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== ENTRY_SIGNATURE)
      throw new IngestError(DAMAGED);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: buffer.toString("utf8", at + 46, at + 46 + nameLength),
      method: buffer.readUInt16LE(at + 10),
      encrypted: (buffer.readUInt16LE(at + 8) & 1) === 1,
      compressedSize: buffer.readUInt32LE(at + 20),
      inflatedSize: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
    };
    readZip64Sizes(buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end record sits in the last 22 bytes plus a comment of at most 64 KiB. */
function findEnd(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === END_SIGNATURE) return at;
  }
  throw new IngestError(DAMAGED);
}

/** Sizes of 0xffffffff mean the real ones are in the zip64 extra field, in this order. */
function readZip64Sizes(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === ZIP64_FIELD) {
      let field = at + 4;
      for (const key of ["inflatedSize", "compressedSize", "localOffset"] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) throw new IngestError(DAMAGED);
        entry[key] = Number(extra.readBigUInt64LE(field));
        field += 8;
      }
    }
    at += 4 + size;
  }
}

function checkEntry(buffer: Buffer, entry: ZipEntry): void {
  if (entry.encrypted) {
    throw new IngestError(
      "the Excel workbook is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again, or export the report as CSV",
    );
  }
  const local = entry.localOffset;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL_SIGNATURE)
    throw new IngestError(DAMAGED);
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw new IngestError(DAMAGED);
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.inflatedSize) throw new IngestError(DAMAGED);
    return;
  }
  if (entry.method !== DEFLATED) {
    throw new IngestError(
      `the Excel workbook uses a zip compression Excel does not write (method ${entry.method}): open it in Excel and save it again`,
    );
  }
  let inflated: Buffer;
  try {
    // One byte more than declared: a part that inflates past its declared size stops there and is refused.
    inflated = inflateRawSync(buffer.subarray(start, end), { maxOutputLength: entry.inflatedSize + 1 });
  } catch {
    throw new IngestError(DAMAGED);
  }
  if (inflated.length !== entry.inflatedSize) throw new IngestError(DAMAGED);
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024)).toLocaleString("en-US");
