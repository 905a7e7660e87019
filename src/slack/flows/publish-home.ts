import type { webApi } from "@slack/bolt";
import { type FactTable, workOnDataset } from "../../ingest/index.js";
import type { Figures } from "../../metrics/index.js";
import { datasetTotalsFollowUp } from "../../report/dataset-totals.js";
import type { SlackDeps } from "../slack-deps.js";
import { homeView } from "../views/home-view.js";
import { type Asker, askerChannels, readableDatasets } from "./readable-datasets.js";

const DATASETS_SHOWN = 20;

/**
 * App Home: rebuilt from the store each time it is opened, so it is never stale, and only from datasets
 * of conversations the person belongs to, in their own workspace: a private channel's file and figures
 * never show in the Home of someone outside it.
 */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, asker: Asker): Promise<void> {
  const datasets = await readableDatasets(deps, client, asker, DATASETS_SHOWN);
  const newest = datasets[0] ? await deps.store.getDataset(datasets[0].id, asker.workspace) : null;
  const channels = await askerChannels(deps, client, asker);
  const alertRules = (await deps.store.listAlertRules(undefined, asker.workspace)).filter((rule) =>
    channels.has(rule.channel),
  ).length;
  await client.views.publish({
    user_id: asker.user ?? "",
    view: homeView({
      datasets,
      latest: newest ? { record: newest.record, figures: await figuresOf(newest.facts) } : null,
      alertRules,
    }),
  });
}

/** The dataset's totals, summed in a parse worker (dataset-totals.ts). */
async function figuresOf(facts: FactTable): Promise<Figures> {
  return (await workOnDataset<Figures>({ facts }, datasetTotalsFollowUp)).result;
}
