/**
 * The settings of enterprise account activation. They are the product's, the same for every district and plan:
 * how long a code holds unless the office chooses otherwise (BEIZENG_ACTIVATION_DAYS, 30 days by default), and
 * where the activation page is (BEIZENG_PUBLIC_ORIGIN when set, so a letter names the address enterprises reach
 * the app at, not the office's own).
 */
import type { FastifyRequest } from "fastify";
import { normaliseOrigin } from "../../platform/auth/auth-hooks";

export const DEFAULT_ACTIVATION_DAYS = 30;
export const MAX_ACTIVATION_DAYS = 180;
/** The web's activation page. */
export const ACTIVATION_PATH = "/activate";

/** Days a new code holds by default: BEIZENG_ACTIVATION_DAYS (1–180) or 30. */
export function activationDaysSetting(env: NodeJS.ProcessEnv): number {
  const text = env.BEIZENG_ACTIVATION_DAYS?.trim();
  if (!text) return DEFAULT_ACTIVATION_DAYS;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > MAX_ACTIVATION_DAYS) {
    throw new Error(`BEIZENG_ACTIVATION_DAYS 须为 1–${MAX_ACTIVATION_DAYS} 的整数天数，而不是 "${text}"`);
  }
  return days;
}

// Read once, when the server loads: a bad setting stops it from starting rather than failing the office's request.
const configuredDays = activationDaysSetting(process.env);

/** How long a new code holds unless the office chooses otherwise. */
export function defaultActivationDays(): number {
  return configuredDays;
}

/** The moment a code issued at `now` for `days` days stops holding. */
export function activationExpiry(now: Date, days: number): string {
  return new Date(now.getTime() + days * 24 * 60 * 60_000).toISOString();
}

/** The origin enterprises open the app at: the first configured public origin, else the one this request used. */
export function publicOriginFor(request: FastifyRequest, env: NodeJS.ProcessEnv = process.env): string {
  for (const item of (env.BEIZENG_PUBLIC_ORIGIN ?? "").split(",")) {
    const origin = normaliseOrigin(item);
    if (origin !== null) return origin;
  }
  return `${request.protocol}://${request.host}`;
}

/** The address of the activation page, the username filled in (never the code: addresses end up in logs). */
export function activationUrl(origin: string, username: string): string {
  return `${origin}${ACTIVATION_PATH}?username=${encodeURIComponent(username)}`;
}
