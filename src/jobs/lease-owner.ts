import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** Owners whose worker lives in this process and may still be running jobs. */
const aliveHere = new Set<string>();

/**
 * Who holds a job's lease: host, process id and a random part (a restarted container's process often has
 * the same pid as the one that died).
 */
export function newLeaseOwner(): string {
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  aliveHere.add(owner);
  return owner;
}

/** The worker has stopped and runs nothing any more: its leases may be taken over. */
export function retireLeaseOwner(owner: string): void {
  aliveHere.delete(owner);
}

/**
 * Owners that are certainly dead: on this host, and either no such process exists, or it is this process
 * and no worker of it has that name (this process is their successor). Owners on other hosts are left
 * to their lease.
 */
export function deadOwners(owners: readonly string[]): string[] {
  const host = hostname();
  return owners.filter((owner) => {
    if (aliveHere.has(owner)) return false;
    const match = /^(.*):(\d+):[0-9a-f]+$/.exec(owner);
    if (!match || match[1] !== host) return false;
    const pid = Number(match[2]);
    return pid === process.pid || !processExists(pid);
  });
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
