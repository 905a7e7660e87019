export type Fault = { kind: "rate_limited"; retryAfter: number } | { kind: "error"; error: string };

/** Failures a test asks for: the next N calls of a method are rate limited or answer an error. */
export class FaultPlan {
  private readonly queued = new Map<string, Fault[]>();

  rateLimitNext(method: string, options: { count?: number; retryAfter?: number } = {}): void {
    this.queue(method, { kind: "rate_limited", retryAfter: options.retryAfter ?? 1 }, options.count ?? 1);
  }

  failNext(method: string, error: string, options: { count?: number } = {}): void {
    this.queue(method, { kind: "error", error }, options.count ?? 1);
  }

  /** The fault for this call, if one is queued; each is used once. */
  take(method: string): Fault | undefined {
    return this.queued.get(method)?.shift();
  }

  private queue(method: string, fault: Fault, count: number): void {
    const list = this.queued.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push(fault);
    this.queued.set(method, list);
  }
}
