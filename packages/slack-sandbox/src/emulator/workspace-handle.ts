import { changeAssistantContext, openAppHome, startAssistantThread } from "./actions/app-surfaces.js";
import { clickButton, clickHomeButton } from "./actions/block-actions.js";
import { createChannel, createUser, joinChannel, leaveChannel, openDm } from "./actions/directory.js";
import { runSlashCommand } from "./actions/slash-command.js";
import { uninstallApp } from "./actions/uninstall.js";
import { postUserMessage, uploadUserFile } from "./actions/user-messages.js";
import type { WorkspaceEntry } from "./create-workspace.js";
import type { FaultPlan } from "./faults.js";
import type { SlackWorkspace } from "./slack-emulator.js";
import { transcriptOf } from "./store/transcript.js";
import { matchesMessage, waitForTranscript } from "./wait-for.js";
import { dispatchApiCall } from "./web-api/dispatcher.js";

/** What a test does as the people of one workspace, and what it reads back from it. */
export function workspaceHandle({ ws, delivery }: WorkspaceEntry, faults: FaultPlan): SlackWorkspace {
  const { store, config } = ws;
  const transcript = () => transcriptOf(store, config);
  return {
    teamId: store.team.id,
    teamName: store.team.name,
    botId: config.botId,
    botUserId: config.botUserId,
    botMention: `<@${config.botUserId}>`,
    get botToken() {
      return config.botToken;
    },
    get installed() {
      return config.installed;
    },
    uninstallApp: () => uninstallApp(ws),
    createUser: (input) => createUser(ws, input),
    createChannel: (input) => createChannel(ws, input),
    openDm: (userId) => openDm(ws, userId),
    inviteBot: (channelId, inviteOptions) => joinChannel(ws, channelId, config.botUserId, inviteOptions?.by),
    removeBot: (channelId) => leaveChannel(ws, channelId, config.botUserId),
    joinChannel: (channelId, userId) => joinChannel(ws, channelId, userId),
    postMessage: (input) => postUserMessage(ws, input),
    uploadFile: (input) => uploadUserFile(ws, input),
    runSlashCommand: (input) => runSlashCommand(ws, delivery, input),
    clickButton: (input) => clickButton(ws, delivery, input),
    clickHomeButton: (input) => clickHomeButton(ws, delivery, input),
    openAppHome: (userId) => openAppHome(ws, userId),
    startAssistantThread: (input) => startAssistantThread(ws, input),
    changeAssistantContext: (input) => changeAssistantContext(ws, input),
    callApi: (method, args = {}, token = config.botToken) =>
      dispatchApiCall(ws, faults, { method, args, token }),
    transcript,
    messages: (filter = {}) => store.allMessages().filter((m) => matchesMessage(m, filter)),
    file: (fileId) => store.files.get(fileId),
    subscribe: (listener) => store.subscribe(listener),
    waitFor: (probe, waitOptions) => waitForTranscript(store, transcript, probe, waitOptions),
    waitForMessage: (filter, waitOptions) =>
      waitForTranscript(
        store,
        transcript,
        (t) => t.messages.find((m) => matchesMessage(m, filter)),
        waitOptions,
      ),
  };
}
