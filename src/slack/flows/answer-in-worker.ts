import { type AnalystAnswer, type AnswerRequest, answerQuestion } from "../../agent/index.js";
import { currentReader, type Reader, withReader } from "../../format/reader-locale.js";
import { type Dataset, type FollowUp, workOnDataset } from "../../ingest/index.js";

/** A question about a dataset: what answerQuestion takes besides the dataset itself. */
export type QuestionWork = Omit<AnswerRequest, "dataset" | "logger">;

/**
 * The analyst's answer. The offline analyst is worked out in a parse worker: on a stored dataset of
 * millions of rows its tools take seconds of CPU, which on this thread would hold Slack's deliveries and
 * health checks. The worker writes for this work's reader, so figures read exactly as they would here. The
 * dataset's columns move to the worker and back: the caller must not use `dataset` until this settles.
 *
 * With Gemini the answer is worked out here: the model's turns wait seconds on the network, and a worker
 * waiting on them would hold one of the pool's few slots, so uploads and /report would queue behind
 * questions (running only each turn's tool calls in the pool is issue 16's next step for big datasets).
 */
export async function answerInWorker(dataset: Dataset, work: QuestionWork): Promise<AnalystAnswer> {
  if (work.config?.gemini.apiKey) return answerQuestion({ ...work, dataset });
  const { result } = await workOnDataset<AnalystAnswer, Dataset>(dataset, answerFollowUp(work));
  // A Buffer crosses threads as a plain Uint8Array.
  return { ...result, charts: result.charts.map((chart) => ({ ...chart, png: Buffer.from(chart.png) })) };
}

function answerFollowUp(work: QuestionWork): FollowUp {
  return { module: import.meta.url, input: { reader: currentReader(), work } };
}

/** The parse worker's side (FollowUp): the answer, written for the reader the question was asked by. */
export function followUp(dataset: Dataset, input: unknown): Promise<AnalystAnswer> {
  const { reader, work } = input as { reader: Reader; work: QuestionWork };
  return withReader(reader, () => answerQuestion({ ...work, dataset }));
}
