/**
 * Group robots of the messaging platforms districts work in (企业微信, 钉钉, 飞书): the request each takes for a
 * list of messages, its signature where the robot asks for one, and whether its answer means the message arrived.
 * Each platform answers HTTP 200 with an error code of its own when it refuses a message (a wrong signature, too
 * many messages a minute), so the status alone says little.
 */
import { createHmac } from "node:crypto";
import type { WebhookFormat as RobotFormat, RobotPlatform } from "@beizeng/contract/supervision";

export interface RobotMessage {
  title: string;
  body: string;
}

export interface RobotTarget {
  platform: RobotPlatform;
  url: string;
  format: RobotFormat;
  /** The signing secret (钉钉 加签, 飞书 签名校验); none when the robot does not ask for one. */
  secret: string | null;
}

/** What the robot's platform lets one message hold (bytes of UTF-8), kept well inside. */
const MAX_CONTENT_BYTES: Record<RobotPlatform, number> = { wecom: 4000, dingtalk: 18_000, feishu: 28_000 };

/** The heading a whole batch goes under where a platform wants one (DingTalk's markdown, Feishu's post). */
function batchTitle(messages: readonly RobotMessage[]): string {
  const first = messages[0]?.title ?? "通知";
  return messages.length > 1 ? `${first} 等 ${messages.length} 条` : first;
}

/** Cuts text to at most `maxBytes` of UTF-8 on a character boundary, saying that it was cut. */
export function fitContent(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const tail = "\n……（内容过长，其余请登录系统查看）";
  const room = maxBytes - Buffer.byteLength(tail, "utf8");
  let used = 0;
  let cut = "";
  for (const character of text) {
    used += Buffer.byteLength(character, "utf8");
    if (used > room) break;
    cut += character;
  }
  return cut + tail;
}

function asText(messages: readonly RobotMessage[]): string {
  return messages.map((m) => `【${m.title}】${m.body}`).join("\n");
}

function asMarkdown(messages: readonly RobotMessage[]): string {
  return messages.map((m) => `### ${m.title}\n${m.body}`).join("\n\n");
}

/** The JSON body the platform's robot takes (without a signature). */
export function robotBody(
  platform: RobotPlatform,
  format: RobotFormat,
  messages: readonly RobotMessage[],
): Record<string, unknown> {
  const limit = MAX_CONTENT_BYTES[platform];
  if (platform === "wecom") {
    return format === "text"
      ? { msgtype: "text", text: { content: fitContent(asText(messages), 2000) } }
      : { msgtype: "markdown", markdown: { content: fitContent(asMarkdown(messages), limit) } };
  }
  if (platform === "dingtalk") {
    // DingTalk's markdown must carry a title: it is what the chat list shows.
    return format === "text"
      ? { msgtype: "text", text: { content: fitContent(asText(messages), limit) } }
      : {
          msgtype: "markdown",
          markdown: { title: batchTitle(messages), text: fitContent(asMarkdown(messages), limit) },
        };
  }
  if (format === "text") return { msg_type: "text", content: { text: fitContent(asText(messages), limit) } };
  // Feishu's rich text ("post"): a title, then one paragraph per message, its title in bold.
  return {
    msg_type: "post",
    content: {
      post: {
        zh_cn: {
          title: batchTitle(messages),
          content: messages.map((m) => [
            { tag: "text", text: `${m.title}：`, style: ["bold"] },
            { tag: "text", text: fitContent(m.body, Math.floor(limit / Math.max(messages.length, 1))) },
          ]),
        },
      },
    },
  };
}

/** DingTalk 加签: HMAC-SHA256 of "timestamp\nsecret" under the secret, Base64, sent in the query with the time (ms). */
export function dingTalkSignature(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

/** Feishu 签名校验: HMAC-SHA256 of nothing under the key "timestamp\nsecret", Base64, sent in the body (seconds). */
export function feishuSignature(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/** The request to send: its address (DingTalk signs in the query) and its JSON body (Feishu signs in the body). */
export function robotRequest(
  target: RobotTarget,
  messages: readonly RobotMessage[],
  nowMs: number = Date.now(),
): { url: string; body: Record<string, unknown> } {
  const body = robotBody(target.platform, target.format, messages);
  if (!target.secret) return { url: target.url, body };
  if (target.platform === "dingtalk") {
    const url = new URL(target.url);
    url.searchParams.set("timestamp", String(nowMs));
    url.searchParams.set("sign", dingTalkSignature(target.secret, nowMs));
    return { url: url.toString(), body };
  }
  if (target.platform === "feishu") {
    const seconds = Math.floor(nowMs / 1000);
    return {
      url: target.url,
      body: { timestamp: String(seconds), sign: feishuSignature(target.secret, seconds), ...body },
    };
  }
  return { url: target.url, body };
}

/** What the robot's answer means: taken, refused for good (a wrong address or signature), or worth trying again. */
export type RobotVerdict = { outcome: "delivered" } | { outcome: "refused" | "retry"; reason: string };

/** Codes that mean "too many messages just now": the platforms' rate limits. */
const RATE_LIMITED = new Set([45009, 130101, 9499, 11232]);

export function judgeRobotAnswer(status: number, answer: unknown): RobotVerdict {
  if (status === 429 || status >= 500) return { outcome: "retry", reason: `机器人服务暂时不可用（HTTP ${status}）` };
  if (status < 200 || status >= 300) return { outcome: "refused", reason: `机器人拒收（HTTP ${status}）` };
  const fields = (answer ?? {}) as {
    errcode?: unknown;
    errmsg?: unknown;
    code?: unknown;
    msg?: unknown;
    StatusCode?: unknown;
  };
  const code = fields.errcode ?? fields.code ?? fields.StatusCode;
  if (code === undefined || code === 0) return { outcome: "delivered" };
  const said = String(fields.errmsg ?? fields.msg ?? "");
  const reason = `机器人返回错误 ${String(code)}${said ? `：${said}` : ""}`;
  return RATE_LIMITED.has(Number(code)) ? { outcome: "retry", reason } : { outcome: "refused", reason };
}
