import { connect } from "node:net";

export interface RawRequest {
  method?: string;
  path: string;
  /** Sent as written, in order, repeats included. */
  headers: [string, string][];
  body?: string | Buffer;
  /** Send the body with chunked transfer encoding instead of a Content-Length. */
  chunked?: boolean;
}

export interface RawAnswer {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** One request over its own connection, byte for byte as described: what fetch cannot send (repeated headers). */
export function rawExchange(port: number, request: RawRequest): Promise<RawAnswer> {
  const body =
    typeof request.body === "string" ? Buffer.from(request.body) : (request.body ?? Buffer.alloc(0));
  const lines = [
    `${request.method ?? "POST"} ${request.path} HTTP/1.1`,
    "host: 127.0.0.1",
    "connection: close",
  ];
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  lines.push(request.chunked ? "transfer-encoding: chunked" : `content-length: ${body.byteLength}`);
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  const payload = request.chunked
    ? Buffer.concat([Buffer.from(`${body.byteLength.toString(16)}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")])
    : body;
  return new Promise((resolve, reject) => {
    // No half-close after the request: the server would take it for a sender that gave up.
    const socket = connect(port, "127.0.0.1", () => socket.write(Buffer.concat([head, payload])));
    const received: Buffer[] = [];
    socket.on("data", (chunk) => received.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(received).toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      const headLines = text.slice(0, split).split("\r\n");
      const header = (name: string) =>
        headLines
          .find((line) => line.toLowerCase().startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim();
      resolve({
        status: Number(headLines[0]?.split(" ")[1]),
        contentType: header("content-type"),
        body: text.slice(split + 4),
      });
    });
  });
}
