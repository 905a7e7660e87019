import { closeSync, openSync, readSync, statSync } from "node:fs";
import { PRIVATE_STORAGE, SHARED_STORAGE } from "./column-storage.js";
import type { ExportInput, OpenedExport } from "./export-source.js";
import type { PieceRead } from "./fact-builder.js";
import { completeRead, type ReadOptions, type ReadStart, readExport, startRead } from "./read-export.js";
import { type PieceRequest, readPiece } from "./read-piece.js";
import type { Dataset } from "./receipt.js";
import { PARALLEL_FROM_BYTES, takePieceReader } from "./worker/early-piece-reader.js";

/** How far past the middle a line break is looked for; a longer line reads on one thread. */
const BOUNDARY_WINDOW = 1024 * 1024;
const LF = 0x0a;

/**
 * Reads a large UTF-8 export on both cores: the first half on this thread, the second on a worker, then one
 * table. The second half starts after a line break near the middle. A line break may sit inside a quoted
 * cell, so the split is proved rather than assumed: the first half is read exactly as a one-thread read
 * would, and only if that reader ends its last record at the split (no open quote, nothing carried over)
 * is the worker's reading used. Otherwise the first reader simply goes on through the second half, and
 * the result is the one-thread read. Any other file is read on one thread.
 */
export async function readExportInParallel(input: ExportInput, options: ReadOptions = {}): Promise<Dataset> {
  const fromBytes = options.parallel?.fromBytes ?? PARALLEL_FROM_BYTES;
  if (sizeOf(input) < fromBytes) return readExport(input, options);
  // The worker starts now and loads its code while this thread sniffs the layout and plans the columns:
  // started after, it began reading a few hundred milliseconds behind this thread.
  const helper = startHelper(options.parallel?.inThread === true);
  try {
    return await readWithHelper(input, options, fromBytes, helper);
  } finally {
    helper.cancel();
  }
}

async function readWithHelper(
  input: ExportInput,
  options: ReadOptions,
  fromBytes: number,
  helper: Helper,
): Promise<Dataset> {
  const mayRunParallel = (opened: OpenedExport) =>
    opened.encoding.encoding === "utf-8" && opened.sizeBytes >= fromBytes;
  const read = startRead(input, options, (opened) =>
    mayRunParallel(opened) ? SHARED_STORAGE : PRIVATE_STORAGE,
  );
  const { opened } = read;
  const split = mayRunParallel(opened) ? findSplit(input, opened.sizeBytes) : null;
  if (split === null || split <= opened.encoding.bomLength) return finishOnOneThread(read, null, options);
  // The rows expected before the split stay this reader's; the worker writes the rest of each column.
  const capacity = read.builder.rowCapacity;
  const firstRows = Math.min(capacity, Math.ceil((capacity * split) / opened.sizeBytes));

  const piece = helper.read({
    // A copy of just the piece (Buffer.slice would be a view of the whole upload), moved to the worker.
    input:
      "bytes" in input ? { bytes: new Uint8Array(input.bytes.subarray(split)), name: input.name } : input,
    start: "bytes" in input ? 0 : split,
    plan: read.plan,
    delimiter: read.layout.delimiter.charCodeAt(0),
    lent: read.builder.lendTail(firstRows),
    groupingCap: options.groupingCap,
  });
  const { reached, rest } = readUpTo(read, split - opened.encoding.bomLength, (done) =>
    options.onProgress?.(Math.min(opened.sizeBytes, (done / split) * opened.sizeBytes), opened.sizeBytes),
  );
  // What lies past the split in the last chunk read is the worker's: only the scanner's state decides.
  const atBoundary = reached && read.scanner.atRecordBoundary();
  const headerRead = read.scanner.nextLine > read.layout.headerLine;
  const later = atBoundary && headerRead ? await piece().catch(() => null) : null;
  if (!later) return finishOnOneThread(read, rest, options);
  read.text.return(undefined);
  read.scanner.end();
  read.builder.absorb(later, read.scanner.nextLine - 1);
  return completeRead(read);
}

/**
 * Pushes the file's text up to `limit` bytes. `reached` is false when the text ended first; `rest` is what
 * of the last chunk lies past the limit, if anything.
 */
function readUpTo(
  read: ReadStart,
  limit: number,
  progress: (done: number) => void,
): { reached: boolean; rest: Uint8Array | null } {
  let fed = 0;
  while (fed < limit) {
    const next = read.text.next();
    if (next.done) return { reached: false, rest: null };
    const chunk = next.value;
    if (fed + chunk.length > limit) {
      read.scanner.push(chunk.subarray(0, limit - fed));
      progress(limit);
      return { reached: true, rest: chunk.subarray(limit - fed) };
    }
    read.scanner.push(chunk);
    fed += chunk.length;
    progress(fed);
  }
  return { reached: true, rest: null };
}

function finishOnOneThread(read: ReadStart, rest: Uint8Array | null, options: ReadOptions): Dataset {
  if (rest) read.scanner.push(rest);
  for (const chunk of read.text) {
    read.scanner.push(chunk);
    options.onProgress?.(read.opened.bytesRead(), read.opened.sizeBytes);
  }
  read.scanner.end();
  return completeRead(read);
}

/** Just after the first line break at or past the middle of the file, or null when none is near. */
function findSplit(input: ExportInput, size: number): number | null {
  const middle = Math.floor(size / 2);
  let window: Uint8Array;
  if ("bytes" in input) window = input.bytes.subarray(middle, middle + BOUNDARY_WINDOW);
  else {
    const fd = openSync(input.path, "r");
    try {
      const buffer = Buffer.alloc(Math.min(BOUNDARY_WINDOW, size - middle));
      window = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, middle));
    } finally {
      closeSync(fd);
    }
  }
  const lineEnd = window.indexOf(LF);
  if (lineEnd < 0 || middle + lineEnd + 1 >= size) return null;
  return middle + lineEnd + 1;
}

/** A file's size without reading it. */
function sizeOf(input: ExportInput): number {
  return "bytes" in input ? input.bytes.length : statSync(input.path).size;
}

/** The thread that reads the later piece, started before it is known whether the file will be split. */
interface Helper {
  /** Hands the helper its piece; the reading is awaited only once the first piece proved the split. */
  read(request: PieceRequest): () => Promise<PieceRead>;
  cancel(): void;
}

function startHelper(inThread: boolean): Helper {
  if (inThread) return { read: (request) => async () => readPiece(request), cancel: () => undefined };
  const worker = takePieceReader();
  const result = new Promise<PieceRead>((resolve, reject) => {
    worker.once("message", (reply: { piece?: PieceRead; error?: string }) =>
      reply.piece ? resolve(reply.piece) : reject(new Error(reply.error)),
    );
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("the piece reader stopped")));
  });
  result.catch(() => undefined);
  return {
    read: (request) => {
      const transfer = "bytes" in request.input ? [request.input.bytes.buffer as ArrayBuffer] : [];
      worker.postMessage(request, transfer);
      return () => result;
    },
    cancel: () => {
      void worker.terminate();
    },
  };
}
