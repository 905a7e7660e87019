#!/usr/bin/env node
import { startPieceReaderEarly } from "./ingest/worker/early-piece-reader.js";

// A big file is read on two threads: the second starts now and loads its code while the command's loads.
startPieceReaderEarly(process.argv.slice(3));
const { runCli } = await import("./cli/run-cli.js");

// A reader that stops early (`mpo analyze … | head -1`) closes the pipe: that ends the output, not in error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
