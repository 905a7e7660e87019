import { CONTROL_HEADER, type LiveDataResult } from "../../protocol.js";

/** The sandbox server's control endpoints. Every call acts as the page's person, through the emulator. */

export class ApiError extends Error {}

async function post<T>(path: string, body: BodyInit | object): Promise<T> {
  const isForm = body instanceof FormData;
  const response = await fetch(path, {
    method: "POST",
    headers: isForm
      ? { [CONTROL_HEADER]: "1" }
      : { [CONTROL_HEADER]: "1", "Content-Type": "application/json" },
    body: isForm ? body : JSON.stringify(body),
  });
  let payload: { ok?: boolean; error?: string } & Record<string, unknown>;
  try {
    payload = await response.json();
  } catch {
    throw new ApiError(`the sandbox server answered ${response.status}`);
  }
  if (!response.ok || payload.ok !== true)
    throw new ApiError(payload.error ?? `request failed (${response.status})`);
  return payload as T;
}

export function sendMessage(channel: string, text: string, threadTs?: string): Promise<{ ts: string }> {
  return post("/sandbox/api/messages", { channel, text, ...(threadTs ? { threadTs } : {}) });
}

export type Attachment = { kind: "file"; file: File } | { kind: "sample"; name: string };

export function uploadFile(
  channel: string,
  attachment: Attachment,
  comment: string,
  threadTs?: string,
): Promise<{ ts: string; fileId: string }> {
  const form = new FormData();
  form.set("channel", channel);
  if (threadTs) form.set("threadTs", threadTs);
  if (comment) form.set("comment", comment);
  if (attachment.kind === "file") form.set("file", attachment.file, attachment.file.name);
  else form.set("sample", attachment.name);
  return post("/sandbox/api/uploads", form);
}

export function runCommand(channel: string, command: string, text: string): Promise<{ outcome: string }> {
  return post("/sandbox/api/commands", { channel, command, text });
}

export function clickMessageAction(
  channel: string,
  ts: string,
  actionId: string,
  value?: string,
): Promise<{ outcome: string }> {
  return post("/sandbox/api/actions", {
    surface: "message",
    channel,
    ts,
    actionId,
    ...(value !== undefined ? { value } : {}),
  });
}

export function clickHomeAction(actionId: string, value?: string): Promise<{ outcome: string }> {
  return post("/sandbox/api/actions", {
    surface: "home",
    actionId,
    ...(value !== undefined ? { value } : {}),
  });
}

export function openHome(): Promise<unknown> {
  return post("/sandbox/api/home", {});
}

export function addAlertRule(): Promise<{ outcome: string }> {
  return post("/sandbox/api/alert-rule", {});
}

export async function simulateLiveData(): Promise<LiveDataResult> {
  return (await post<{ result: LiveDataResult }>("/sandbox/api/live-data", {})).result;
}
