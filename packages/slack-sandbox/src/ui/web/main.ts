import { CHANGE_EVENT, SNAPSHOT_EVENT, type UiChange, type UiSnapshot } from "../../protocol.js";
import { SandboxPage } from "./sandbox-page.js";

/**
 * Boots the sandbox page: one server-sent event stream brings the whole workspace (`snapshot`) and then
 * every change. EventSource reconnects on its own; each reconnection starts with a fresh snapshot.
 */
const root = document.getElementById("app");
if (root) {
  const page = new SandboxPage(root);
  const source = new EventSource("/sandbox/api/events");
  source.addEventListener(SNAPSHOT_EVENT, (event) =>
    page.applySnapshot(JSON.parse(event.data) as UiSnapshot),
  );
  source.addEventListener(CHANGE_EVENT, (event) => page.applyChange(JSON.parse(event.data) as UiChange));
  source.addEventListener("error", () => page.setConnected(false));
}
