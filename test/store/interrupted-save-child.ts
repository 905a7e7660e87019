/**
 * A process that saves a big dataset in tiny pieces, for interrupted-save.test.ts to kill with SIGKILL
 * midway. Usage: node --import tsx interrupted-save-child.ts <sqlite|postgres> <file or url>
 */
import { openPostgresStore, openSqliteStore } from "../../src/store/index.js";
import { bigDataset, bigFacts } from "./big-facts.js";

const [kind, where = ""] = process.argv.slice(2);
// About 7 MB in pieces of 64 bytes: tens of thousands of transactions, far more than the test waits for.
const options = { datasetPieceBytes: 64 };
const store =
  kind === "sqlite"
    ? openSqliteStore(where, options)
    : await openPostgresStore(where, { ...options, poolSize: 2 });
await store.saveDataset(bigDataset(bigFacts(200_000)));
process.stdout.write("saved\n");
