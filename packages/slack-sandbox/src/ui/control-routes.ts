import { randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { CONTROL_HEADER } from "../protocol.js";
import type { SandboxContext } from "./sandbox-context.js";
import { typedMessage } from "./typed-message.js";

/** Slack's own limit for a file is 1 GB; a sandbox upload is an ad export, and 50 MB is plenty. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const MessageBody = z.object({
  channel: z.string().min(1),
  text: z.string().trim().min(1, "type a message first").max(40_000),
  threadTs: z.string().optional(),
});

const CommandBody = z.object({
  channel: z.string().min(1),
  command: z.string().regex(/^\/[a-z0-9_-]+$/i, "a command starts with / and has no spaces"),
  text: z.string().max(4_000).default(""),
});

const ActionBody = z.discriminatedUnion("surface", [
  z.object({
    surface: z.literal("message"),
    channel: z.string().min(1),
    ts: z.string().min(1),
    actionId: z.string().min(1),
    value: z.string().optional(),
  }),
  z.object({ surface: z.literal("home"), actionId: z.string().min(1), value: z.string().optional() }),
]);

class BadRequest extends Error {}

async function jsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new BadRequest("the request body is not JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BadRequest(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

/**
 * Runs a control request and answers `{ ok: true, ... }`, or `{ ok: false, error }` with 400 and the
 * reason in words (an unknown channel, a missing file, a command the app does not have). An app that does
 * not answer is not an error here: the emulator records it and the page hears of it on the change stream.
 */
function handle(run: (c: Context) => Promise<Record<string, unknown>>) {
  return async (c: Context): Promise<Response> => {
    if (c.req.header(CONTROL_HEADER) !== "1")
      return c.json({ ok: false, error: "missing control header" }, 403);
    try {
      return c.json({ ok: true, ...(await run(c)) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return c.json({ ok: false, error: message }, 400);
    }
  };
}

function typed(context: SandboxContext, text: string) {
  const { users, channels } = context.emulator.transcript();
  return typedMessage(text, { users, channels }, randomBytes(3).toString("base64url"));
}

async function uploadFromForm(context: SandboxContext, c: Context): Promise<Record<string, unknown>> {
  const form = await c.req.parseBody();
  const channel = typeof form.channel === "string" ? form.channel : "";
  const threadTs = typeof form.threadTs === "string" && form.threadTs !== "" ? form.threadTs : undefined;
  const comment = typeof form.comment === "string" ? form.comment.trim() : "";
  let filename: string;
  let content: Buffer;
  if (typeof form.sample === "string" && form.sample !== "") {
    const bytes = context.samples.read(form.sample);
    if (!bytes) throw new BadRequest(`there is no sample called ${form.sample}`);
    filename = form.sample;
    content = bytes;
  } else if (form.file instanceof File) {
    filename = form.file.name || "upload";
    content = Buffer.from(await form.file.arrayBuffer());
  } else {
    throw new BadRequest("choose a file or a sample to upload");
  }
  const uploaded = context.emulator.uploadFile({
    user: context.userId,
    channel,
    filename,
    content,
    ...(threadTs ? { threadTs } : {}),
    ...(comment ? { comment: typed(context, comment).text } : {}),
  });
  return { ts: uploaded.ts, fileId: uploaded.fileId };
}

/** The page's actions, done as the sandbox person through the emulator: Slack sees a real client. */
export function addControlRoutes(app: Hono, context: SandboxContext): void {
  const { emulator, userId } = context;

  app.post(
    "/sandbox/api/messages",
    handle(async (c) => {
      const body = await jsonBody(c, MessageBody);
      const message = typed(context, body.text);
      const posted = emulator.postMessage({
        user: userId,
        channel: body.channel,
        text: message.text,
        blocks: message.blocks,
        ...(body.threadTs ? { threadTs: body.threadTs } : {}),
      });
      return { ts: posted.ts };
    }),
  );

  app.post(
    "/sandbox/api/uploads",
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: (c) => c.json({ ok: false, error: "the file is larger than the sandbox's 50 MB limit" }, 413),
    }),
    handle((c) => uploadFromForm(context, c)),
  );

  app.post(
    "/sandbox/api/commands",
    handle(async (c) => {
      const body = await jsonBody(c, CommandBody);
      const known = context.commands.some((command) => command.command === body.command);
      if (!known) throw new BadRequest(`${body.command} is not a valid command`);
      const result = await emulator.runSlashCommand({
        user: userId,
        channel: body.channel,
        command: body.command,
        text: body.text,
      });
      return { outcome: result.outcome ?? "not_sent" };
    }),
  );

  app.post(
    "/sandbox/api/actions",
    handle(async (c) => {
      const body = await jsonBody(c, ActionBody);
      const value = body.value !== undefined ? { value: body.value } : {};
      const result =
        body.surface === "home"
          ? await emulator.clickHomeButton({ user: userId, actionId: body.actionId, ...value })
          : await emulator.clickButton({
              user: userId,
              channel: body.channel,
              ts: body.ts,
              actionId: body.actionId,
              ...value,
            });
      return { outcome: result.outcome ?? "not_sent" };
    }),
  );

  app.post(
    "/sandbox/api/home",
    handle(async () => ({ eventId: emulator.openAppHome(userId) })),
  );

  app.post(
    "/sandbox/api/alert-rule",
    handle(async () => {
      if (!context.alerts) throw new BadRequest("no alert channel is set up in this sandbox");
      const result = await emulator.runSlashCommand({
        user: userId,
        channel: context.alerts.channel,
        command: "/alert",
        text: `add ${context.alerts.rule}`,
      });
      return { outcome: result.outcome ?? "not_sent" };
    }),
  );

  app.post(
    "/sandbox/api/live-data",
    handle(async () => {
      if (!context.simulateLiveData)
        throw new BadRequest("live data is not wired to a webhook in this sandbox");
      const result = await context.simulateLiveData();
      return { result };
    }),
  );
}
