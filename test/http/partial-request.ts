import { connect } from "node:net";

export interface PartialAnswer {
  status: number;
  body: string;
}

/**
 * Sends a request's head declaring `declaredBytes` of body, then only `sentBytes` of it, and resolves with
 * the server's answer: a server that waits for the whole body before answering never answers, and the
 * test fails on its timeout. The connection is dropped once the answer is in.
 */
export function answerBeforeBody(
  port: number,
  path: string,
  headers: Record<string, string>,
  declaredBytes: number,
  sentBytes = 1024,
): Promise<PartialAnswer> {
  const head = [
    `POST ${path} HTTP/1.1`,
    "host: 127.0.0.1",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${declaredBytes}`,
  ].join("\r\n");
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(`${head}\r\n\r\n`);
      socket.write(Buffer.alloc(Math.min(sentBytes, declaredBytes), 0x61));
    });
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
      const split = received.indexOf("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(received.slice(0, split))?.[1];
      if (split === -1 || length === undefined || received.length < split + 4 + Number(length)) return;
      socket.destroy();
      resolve({
        status: Number(received.split(" ")[1]),
        body: received.slice(split + 4, split + 4 + Number(length)),
      });
    });
    socket.on("error", reject);
  });
}
