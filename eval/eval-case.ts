import type { Metric } from "../src/metrics/index.js";
import type { FixtureName } from "./fixtures/index.js";
import type { Slice } from "./reference.js";

/** A figure the answer must state, computed by the reference from the fixture's records. */
export type ExpectedFigure =
  | ({ metric: Metric } & Slice)
  | { metric: Metric; change: { current: Slice; previous: Slice } };

export interface EvalCase {
  id: string;
  fixture: FixtureName;
  question: string;
  /** Questions asked earlier in the same thread. */
  after?: string[];
  /** Tool calls that must be made; `args` must be contained in the call's arguments. */
  tools: Array<{ name: string; args?: Record<string, unknown> }>;
  figures?: ExpectedFigure[];
  /** Text the answer must contain (names, dates, wording). */
  mentions?: string[];
  /** Text the answer must not contain. */
  absent?: string[];
  /** Charts the answer must carry. */
  charts?: number;
  /** The data cannot answer: a tool is expected to refuse, and the answer to say why. */
  refusal?: boolean;
  /** The question cannot be answered exactly: no tool is called and the answer declines, saying why. */
  declined?: boolean;
}
