import { parentPort } from "node:worker_threads";
import { type PieceRequest, pieceBuffers, readPiece } from "../read-piece.js";

/**
 * Reads the later piece of a file read in parallel and hands its columns back without a copy. The worker is
 * started before the piece is known (parallel-read.ts), so the piece arrives as a message.
 */
parentPort?.once("message", (request: PieceRequest) => {
  try {
    const piece = readPiece(request);
    parentPort?.postMessage({ piece }, pieceBuffers(piece));
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
