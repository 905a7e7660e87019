import { readFileSync } from "node:fs";
import type { Authorize } from "@slack/bolt";
import { InstallProvider, type Logger as OAuthLogger } from "@slack/oauth";
import type { SlackOAuthConfig } from "../../config/config.js";
import type { Store } from "../../store/index.js";
import { INSTALLED_PAGE, installFailureMessage, installPage } from "./install-pages.js";
import { NotInstalledError, SealedInstallations } from "./sealed-installations.js";
import { TokenCipher } from "./token-cipher.js";

/** The bot scopes the manifest asks for are the ones an install asks for. */
function manifestBotScopes(): string[] {
  const manifest = JSON.parse(readFileSync(new URL("../../../manifest.json", import.meta.url), "utf8")) as {
    oauth_config: { scopes: { bot: string[] } };
  };
  return manifest.oauth_config.scopes.bot;
}

export interface SlackInstaller {
  /** Slack's installer: `/slack/install` and `/slack/oauth_redirect` hand it their requests. */
  provider: InstallProvider;
  installations: SealedInstallations;
  /** Bolt's `authorize`: each event, command and action gets its own workspace's bot token. */
  authorize: Authorize<boolean>;
  /** How the callback ends: a page that says the app is installed, or what went wrong. */
  callbackOptions: NonNullable<Parameters<InstallProvider["handleCallback"]>[2]>;
}

/**
 * Installing in several workspaces with Slack's own installer (@slack/oauth): a signed `state` in a cookie
 * of the installing browser, the code exchanged with `oauth.v2.access`, and the installation kept sealed in
 * the store. Slack's authorize page sits beside its Web API (`SLACK_API_URL`), so the emulator's is used
 * in tests.
 */
export function createSlackInstaller(
  store: Store,
  oauth: SlackOAuthConfig,
  options: { apiUrl: string; logger: OAuthLogger },
): SlackInstaller {
  const installations = new SealedInstallations(store, new TokenCipher(oauth.encryptionKey));
  const provider = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: installations,
    installUrlOptions: { scopes: manifestBotScopes() },
    directInstall: true,
    authorizationUrl: new URL("../oauth/v2/authorize", options.apiUrl).toString(),
    clientOptions: { slackApiUrl: options.apiUrl },
    // Its Web API client's debug lines quote the code exchange's body, client secret included: never written.
    logger: { ...options.logger, debug: () => undefined },
  });
  return {
    provider,
    installations,
    authorize: async (source) => {
      try {
        return await provider.authorize(source);
      } catch (error) {
        // The installer says only "authorization failed"; a missing installation is told apart from a
        // store that could not answer (that one is retried with its job).
        if (!(await installations.has(source)))
          throw new NotInstalledError(`the app is not installed in ${source.teamId ?? source.enterpriseId}`);
        throw error;
      }
    },
    callbackOptions: {
      success: (_installation, _options, _req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(INSTALLED_PAGE);
      },
      failure: (error, _options, _req, res) => {
        res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
        res.end(installPage("The app was not installed", installFailureMessage(error)));
      },
    },
  };
}
