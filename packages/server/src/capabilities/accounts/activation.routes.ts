import {
  AccountActivationListSchema,
  ActivateAccountSchema,
  ActivationAnswerSchema,
  ActivationCodeAnswerSchema,
  ActivationCodeIssueSchema,
  EnterpriseAccountsPreviewSchema,
  EnterpriseAccountsSelectionSchema,
} from "@beizeng/contract/accounts";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { beijingDay, buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { activateAccount } from "./activation.service";
import { activationUrl, publicOriginFor } from "./activation-settings";
import { AUTH_BODY_LIMIT } from "./auth.routes";
import {
  type CreatedEnterpriseAccount,
  createEnterpriseAccounts,
  issueActivationCode,
  listWaitingActivations,
  previewEnterpriseAccounts,
} from "./enterprise-accounts.service";

/** A moment as the district reads it on paper: "2026-01-04 16:30（北京时间）". */
function chinaTime(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}（北京时间）`;
}

export async function accountActivationRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.post(
    "/api/users/enterprise-accounts/preview",
    {
      config: {
        request: { body: EnterpriseAccountsSelectionSchema },
        permission: "users.manage",
        response: EnterpriseAccountsPreviewSchema,
      },
    },
    async (request) => {
      const selection = parseInput(EnterpriseAccountsSelectionSchema, request.body ?? {}, "企业账号");
      return previewEnterpriseAccounts(db, currentUser(request).districtId, selection);
    },
  );

  // The codes exist in clear only in this answer: the spreadsheet is the one copy.
  app.post(
    "/api/users/enterprise-accounts",
    { config: { request: { body: EnterpriseAccountsSelectionSchema }, permission: "users.manage", response: "file" } },
    async (request, reply) => {
      const selection = parseInput(EnterpriseAccountsSelectionSchema, request.body ?? {}, "企业账号");
      const result = await createEnterpriseAccounts(db, currentUser(request).districtId, selection, actorOf(request));
      const origin = publicOriginFor(request);
      const expiry = chinaTime(result.expiresAt);
      const body = await buildTableXlsx<CreatedEnterpriseAccount>({
        title: "企业账号激活码",
        filters: result.filters,
        columns: [
          { header: "企业名称", value: (row) => row.name, width: 36 },
          { header: "统一社会信用代码", value: (row) => row.creditCode, width: 22 },
          { header: "用户名", value: (row) => row.username, width: 22 },
          { header: "激活码", value: (row) => row.activationCode, width: 18 },
          { header: "有效期至", value: () => expiry, width: 26 },
          { header: "激活地址", value: (row) => activationUrl(origin, row.username), width: 60 },
        ],
        rows: result.created,
      });
      const stamp = beijingDay(new Date());
      return sendDownload(reply, {
        fileName: `企业账号激活码-${stamp}.xlsx`,
        asciiName: `enterprise-activation-codes-${stamp}.xlsx`,
        contentType: CONTENT_TYPES.xlsx,
        body,
        headers: { "x-accounts-created": String(result.created.length), "x-accounts-skipped": String(result.skipped) },
      });
    },
  );

  app.get(
    "/api/users/activations",
    { config: { permission: "users.manage", response: AccountActivationListSchema } },
    async (request) => ({ items: await listWaitingActivations(db, currentUser(request).districtId) }),
  );

  // The new code is answered once; the account waits for activation again.
  app.post(
    "/api/users/:id/activation-code",
    {
      config: {
        request: { params: idParamSchema, body: ActivationCodeIssueSchema },
        permission: "users.manage",
        response: ActivationCodeAnswerSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const body = parseInput(ActivationCodeIssueSchema, request.body ?? {}, "发放激活码");
      const issued = await issueActivationCode(
        db,
        currentUser(request).districtId,
        id,
        body.validDays,
        actorOf(request),
      );
      return { ...issued, activationUrl: activationUrl(publicOriginFor(request), issued.username) };
    },
  );

  // No session is needed nor used (the code is the proof), so a session the browser may hold asks no CSRF token.
  app.post(
    "/api/auth/activate",
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: {
        request: { body: ActivateAccountSchema },
        permission: "public",
        csrfExempt: true,
        response: ActivationAnswerSchema,
      },
    },
    async (request) => {
      const body = parseInput(ActivateAccountSchema, request.body, "激活账号");
      return activateAccount(db, { ...body, ip: request.ip });
    },
  );
}
