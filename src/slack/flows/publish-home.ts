import type { webApi } from "@slack/bolt";
import { totals } from "../../metrics/index.js";
import type { SlackDeps } from "../slack-deps.js";
import { homeView } from "../views/home-view.js";

const DATASETS_SHOWN = 20;

/** App Home: rebuilt from the store each time it is opened, so it is never stale. */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, user: string): Promise<void> {
  const datasets = deps.store.listDatasets({ limit: DATASETS_SHOWN });
  const newest = datasets[0] ? deps.store.getDataset(datasets[0].id) : null;
  await client.views.publish({
    user_id: user,
    view: homeView({
      datasets,
      latest: newest ? { record: newest.record, figures: totals(newest.facts) } : null,
      alertRules: deps.store.listAlertRules().length,
    }),
  });
}
