/**
 * The district's group robot (企业微信, 钉钉 or 飞书): its settings, and the delivery of reminders, warnings and
 * bulletins to it. A delivery is a background job, so a slow or failing robot never holds up the request that
 * caused the message, and a robot that is briefly down or over its rate limit is tried again.
 */
import type { RobotDelivery, RobotPlatform, WebhookFormat } from "@beizeng/contract/supervision";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest } from "../../platform/errors";
import { defineJob } from "../../platform/jobs/job-definitions";
import { submitJob } from "../../platform/jobs/jobs.service";
import {
  judgeRobotAnswer,
  type RobotMessage,
  type RobotTarget,
  type RobotVerdict,
  robotRequest,
} from "../../platform/robots/robot-requests";
import { findWebhook, upsertWebhook } from "./tasks.repository";

/** Tries of one delivery, and the pause before each try after the first (a rate limit lasts about a minute). */
const DELIVERY_PAUSES_MS = [0, 2_000, 10_000, 30_000] as const;
/** How long one try may take. */
const TRY_TIMEOUT_MS = 5_000;

export async function getWebhookSettings(db: DbContext, districtId: string) {
  const row = await findWebhook(db, districtId);
  return row
    ? {
        platform: row.platform,
        url: row.url,
        format: row.format,
        enabled: row.enabled === 1,
        // The secret is never shown again, only whether one is kept.
        hasSecret: row.secret !== null && row.secret !== "",
        updatedAt: row.updated_at,
      }
    : null;
}

export async function setWebhookSettings(
  db: DbContext,
  user: AuthUser,
  input: { platform: RobotPlatform; url: string; format: WebhookFormat; enabled: boolean; secret?: string | null },
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const before = await findWebhook(tx, user.districtId);
    // Left out: keep the secret kept; an empty string: remove it.
    const secret = input.secret === undefined ? (before?.secret ?? null) : input.secret || null;
    if (input.platform === "wecom" && secret) throw badRequest("企业微信群机器人不使用签名密钥，请清空“签名密钥”");
    const now = new Date().toISOString();
    await upsertWebhook(tx, {
      district_id: user.districtId,
      platform: input.platform,
      url: input.url,
      format: input.format,
      secret,
      enabled: input.enabled ? 1 : 0,
      updated_at: now,
      updated_by: user.id,
    });
    const shown = (
      row: { platform: string; url: string; format: string; enabled: boolean | number },
      kept: boolean,
    ) => ({
      platform: row.platform,
      url: row.url,
      format: row.format,
      enabled: row.enabled === true || row.enabled === 1,
      secretKept: kept,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: before ? "update" : "create",
      entityType: "webhook_settings",
      entityId: user.districtId,
      before: before ? shown(before, before.secret !== null) : null,
      after: shown(input, secret !== null),
    });
    return getWebhookSettings(tx, user.districtId);
  });
}

/** Posts once; never throws. */
async function tryOnce(
  target: RobotTarget,
  messages: readonly RobotMessage[],
): Promise<RobotVerdict & { status?: number }> {
  const request = robotRequest(target, messages);
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(TRY_TIMEOUT_MS),
    });
    const answer: unknown = await response.json().catch(() => undefined);
    return { ...judgeRobotAnswer(response.status, answer), status: response.status };
  } catch (error) {
    return { outcome: "retry", reason: `无法连接机器人：${networkFailure(error)}` };
  }
}

/** Why a request did not reach the robot, in words an office reads (fetch says only "fetch failed"). */
function networkFailure(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `${TRY_TIMEOUT_MS / 1000} 秒内没有应答`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  // Ports fetch never opens (1, 9, 25 …): the address is refused before anything is sent.
  if (cause?.message === "bad port") return "地址中的端口不允许访问，请换用其他端口";
  switch (cause?.code) {
    case "ECONNREFUSED":
      return "对方拒绝连接（地址或端口不对，或服务未开启）";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "找不到该域名（请检查地址，或本机能否解析外网域名）";
    case "ECONNRESET":
      return "连接被对方中断";
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return "连接超时（请检查本机能否访问外网）";
    case "CERT_HAS_EXPIRED":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return "对方的 HTTPS 证书无效";
    default:
      return cause?.code ? `网络错误 ${cause.code}` : "网络错误";
  }
}

/** Delivers to the robot, trying again while the robot says "later"; what happened, never an error. */
export async function deliverToRobot(
  target: RobotTarget,
  messages: readonly RobotMessage[],
  pauses: readonly number[] = DELIVERY_PAUSES_MS,
): Promise<RobotDelivery> {
  let last: RobotVerdict & { status?: number } = { outcome: "retry", reason: "未发送" };
  let tries = 0;
  for (const pause of pauses) {
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    tries += 1;
    last = await tryOnce(target, messages);
    if (last.outcome !== "retry") break;
  }
  return {
    sent: last.outcome === "delivered",
    tries,
    ...(last.status !== undefined ? { status: last.status } : {}),
    ...(last.outcome !== "delivered" ? { error: last.reason } : {}),
  };
}

interface DeliveryPayload {
  districtId: string;
  messages: RobotMessage[];
}

/** Tries between deliveries in tests; the real pauses otherwise. */
let pausesInUse: readonly number[] = DELIVERY_PAUSES_MS;
export function useRobotPausesForTests(pauses: readonly number[]): void {
  pausesInUse = pauses;
}

const robotDelivery = defineJob<DeliveryPayload>({
  kind: "robots.deliver",
  run: async ({ db, payload }) => {
    const settings = await findWebhook(db, payload.districtId);
    // Switched off (or removed) since the message was queued.
    if (settings?.enabled !== 1) return { sent: false, tries: 0 } satisfies RobotDelivery;
    return deliverToRobot(
      { platform: settings.platform, url: settings.url, format: settings.format, secret: settings.secret },
      payload.messages,
      pausesInUse,
    );
  },
});

/**
 * Sends messages to the district's robot, if one is enabled, as a background job (which tries again while the robot
 * is busy): answers whether they are on their way.
 */
export async function sendWebhook(
  db: DbContext,
  districtId: string,
  messages: RobotMessage[],
): Promise<{ sent: boolean; queued?: boolean }> {
  if (messages.length === 0) return { sent: false };
  const settings = await findWebhook(db, districtId);
  if (settings?.enabled !== 1) return { sent: false };
  await submitJob(db, { definition: robotDelivery, districtId, createdBy: null, payload: { districtId, messages } });
  return { sent: false, queued: true };
}

/** The office's "send a test message": straight to the robot with the settings as saved, answering what it said. */
export async function sendTestMessage(db: DbContext, user: AuthUser): Promise<RobotDelivery> {
  const settings = await findWebhook(db, user.districtId);
  if (!settings) throw badRequest("请先保存通知机器人设置");
  return deliverToRobot(
    { platform: settings.platform, url: settings.url, format: settings.format, secret: settings.secret },
    [{ title: "测试消息", body: `这是一条测试消息，由${user.displayName}从工业倍增行动计划管理平台发送。` }],
    [0],
  );
}
