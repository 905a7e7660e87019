import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { type DetectedEncoding, detectEncoding } from "./encoding.js";

/** A file to read: a path on disk, or bytes already in memory (a Slack upload, an HTTP body). */
export type ExportInput = ({ path: string; name?: string } | { bytes: Uint8Array; name: string }) & {
  /** Size of the pieces the file is read in; tests make it tiny to put rows across every boundary. */
  chunkBytes?: number;
};

const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Free bytes kept in front of each chunk read from disk, so a row cut at the chunk's start can be joined without a copy of the chunk. */
const HEADROOM_BYTES = 256 * 1024;
/** Buffers file chunks take turns in (see fileChunks). */
const BUFFER_TURNS = 3;
/** Chunks at least this big hold the whole sniffed head (read-export.ts reads 128 KB) in the first one. */
const SNIFF_SIZED_CHUNK = 1024 * 1024;
const withHeadroom = new WeakSet<ArrayBufferLike>();

/**
 * The end of one chunk (a row cut in two) and the next chunk as one buffer. Chunks of a file in memory are
 * adjacent already; chunks read from disk have headroom in front to copy the cut row into. Only when
 * neither holds (transcoded text, a very long row) are both copied.
 */
export function joinChunks(carry: Buffer, next: Buffer): Buffer {
  if (carry.buffer === next.buffer && carry.byteOffset + carry.length === next.byteOffset) {
    return Buffer.from(carry.buffer, carry.byteOffset, carry.length + next.length);
  }
  if (withHeadroom.has(next.buffer) && next.byteOffset >= carry.length) {
    const start = next.byteOffset - carry.length;
    carry.copy(Buffer.from(next.buffer, start, carry.length));
    return Buffer.from(next.buffer, start, carry.length + next.length);
  }
  return Buffer.concat([carry, next]);
}

export interface OpenedExport {
  name: string;
  sizeBytes: number;
  encoding: DetectedEncoding;
  /** The file as UTF-8, chunk by chunk, BOM removed; the first call yields from the start of the text. */
  utf8Chunks(): Generator<Uint8Array>;
  /** Bytes of the file handed on so far, for progress. */
  bytesRead(): number;
}

/**
 * Opens an export and decides its encoding from its first bytes. Text is handed on as UTF-8 chunks so the
 * tokenizer works on one representation; UTF-8 files pass through untouched, others are transcoded chunk by
 * chunk, so memory does not grow with the file.
 */
export function openExport(input: ExportInput): OpenedExport {
  const name = "bytes" in input ? input.name : (input.name ?? basename(input.path));
  const chunkBytes = input.chunkBytes ?? CHUNK_BYTES;
  const raw = "bytes" in input ? memoryChunks(input.bytes, chunkBytes) : fileChunks(input.path, chunkBytes);
  const head = raw.head;
  const encoding = detectEncoding(head);
  let bytesRead = 0;
  return {
    name,
    sizeBytes: raw.size,
    encoding,
    bytesRead: () => bytesRead,
    *utf8Chunks() {
      const chunks = counted(raw.chunks(encoding.bomLength), (length) => {
        bytesRead += length;
      });
      if (encoding.encoding === "utf-8") {
        yield* chunks;
        return;
      }
      const decoder = new TextDecoder(encoding.encoding);
      for (const chunk of chunks) {
        const text = decoder.decode(chunk, { stream: true });
        if (text.length > 0) yield Buffer.from(text, "utf8");
      }
      const rest = decoder.decode();
      if (rest.length > 0) yield Buffer.from(rest, "utf8");
    },
  };
}

/** The raw bytes of an export from `start` to its end, in chunks: a later piece of a file read in parallel. */
export function bytesFrom(input: ExportInput, start: number): Generator<Uint8Array> {
  const chunkBytes = input.chunkBytes ?? CHUNK_BYTES;
  const raw = "bytes" in input ? memoryChunks(input.bytes, chunkBytes) : fileChunks(input.path, chunkBytes);
  return raw.chunks(start);
}

function* counted(chunks: Generator<Uint8Array>, count: (length: number) => void): Generator<Uint8Array> {
  for (const chunk of chunks) {
    count(chunk.length);
    yield chunk;
  }
}

interface RawChunks {
  head: Uint8Array;
  size: number;
  chunks(offset: number): Generator<Uint8Array>;
}

function memoryChunks(bytes: Uint8Array, chunkBytes: number): RawChunks {
  return {
    head: bytes.subarray(0, HEAD_BYTES),
    size: bytes.length,
    *chunks(offset) {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      for (let start = offset; start < buffer.length; start += chunkBytes) {
        yield buffer.subarray(start, Math.min(start + chunkBytes, buffer.length));
      }
    },
  };
}

function fileChunks(path: string, chunkBytes: number): RawChunks {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    readSync(fd, head, 0, head.length, 0);
    return {
      head,
      size,
      *chunks(offset) {
        const reader = openSync(path, "r");
        // Chunks take turns in a few buffers instead of a fresh one each: garbage chunks waiting for a
        // collection were 50 MB of a 5M-row read's peak memory. A reader keeps at most the chunk it reads
        // and a cut row of the one before (joined into this one's headroom), and the layout is sniffed from
        // the first chunk alone, so a buffer is free again two chunks later. Tiny test chunks (the head
        // then spans many) get fresh buffers.
        const turns: Buffer[] | null = chunkBytes >= SNIFF_SIZED_CHUNK ? [] : null;
        try {
          let position = offset;
          for (let turn = 0; ; turn++) {
            const buffer =
              turns?.[turn % BUFFER_TURNS] ?? Buffer.allocUnsafeSlow(HEADROOM_BYTES + chunkBytes);
            if (turns) turns[turn % BUFFER_TURNS] = buffer;
            withHeadroom.add(buffer.buffer);
            const read = readSync(reader, buffer, HEADROOM_BYTES, chunkBytes, position);
            if (read === 0) return;
            position += read;
            yield buffer.subarray(HEADROOM_BYTES, HEADROOM_BYTES + read);
          }
        } finally {
          closeSync(reader);
        }
      },
    };
  } finally {
    closeSync(fd);
  }
}
