import { parentPort, workerData } from "node:worker_threads";
import { type PieceRequest, pieceBuffers, readPiece } from "../read-piece.js";

/** Reads the later piece of a file read in parallel and hands its columns back without a copy. */
try {
  const piece = readPiece(workerData as PieceRequest);
  parentPort?.postMessage({ piece }, pieceBuffers(piece));
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
