/**
 * Rewards (免申即享): computation batches, entitlements and the plan's workflow, publicities with their public page
 * and objections, recoveries, budget, forecast, exports.
 */
import {
  AwardWorkflowViewSchema,
  BatchListSchema,
  BatchQuerySchema,
  BatchViewSchema,
  BudgetSchema,
  BudgetSummarySchema,
  ConfirmSchema,
  CorrectionListSchema,
  CorrectionQuerySchema,
  EntitlementDetailSchema,
  EntitlementListSchema,
  EntitlementQuerySchema,
  ForecastQuerySchema,
  NoticeSchema,
  ObjectionListSchema,
  ObjectionQuerySchema,
  ObjectionReceiptSchema,
  ObjectionViewSchema,
  PaymentListQuerySchema,
  PaySchema,
  PublicityListSchema,
  PublicityViewSchema,
  PublicObjectionSchema,
  PublicPublicityListSchema,
  PublicPublicityQuerySchema,
  PublicPublicitySchema,
  PublishSchema,
  ReasonSchema,
  RecoverySchema,
  ResolveCorrectionSchema,
  ResolveObjectionSchema,
  ReviewSchema,
  RewardForecastSchema,
  StartBatchSchema,
  WhyNotQuerySchema,
  WhyNotSchema,
  YearParamSchema,
} from "@beizeng/contract/rewards";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { issueApprovalNotice } from "./approval-notice";
import { budgetSummary, rewardForecast, setBudget } from "./budget";
import { getBatch, listRewardBatches, startRewardBatch } from "./compute";
import { paymentListXlsx } from "./exports";
import {
  fileObjection,
  listObjections,
  listPublicities,
  publicPublicity,
  publishPublicity,
  resolveRewardObjection,
  runningPublicities,
} from "./publicity";
import { scenarioRoutes } from "./scenarios.routes";
import { whyNot } from "./why-not";
import {
  approveEntitlement,
  confirmEntitlement,
  declineEntitlement,
  getEntitlement,
  listCorrections,
  listEntitlements,
  payEntitlement,
  recoverEntitlement,
  rejectEntitlement,
  resolveRewardCorrection,
  reviewEntitlement,
  workflowView,
} from "./workflow";

/** An objection is a few hundred words: a request much larger is not one. */
const OBJECTION_BODY_LIMIT = 16 * 1024;

export async function rewardsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  await scenarioRoutes(app, opts);
  const { db } = opts;

  app.get(
    "/api/rewards/batches",
    { config: { request: { query: BatchQuerySchema }, permission: "rewards.read", response: BatchListSchema } },
    async (request) => {
      const { year } = parseInput(BatchQuerySchema, request.query, "查询测算批次");
      return { items: await listRewardBatches(db, currentUser(request), year) };
    },
  );

  app.post(
    "/api/rewards/batches",
    { config: { request: { body: StartBatchSchema }, permission: "rewards.manage", response: BatchViewSchema } },
    async (request, reply) => {
      const { year } = parseInput(StartBatchSchema, request.body, "奖励测算");
      const { batch, done } = await startRewardBatch(db, currentUser(request), actorOf(request), year);
      // The work goes on after the answer; its outcome is written to the batch row.
      void done;
      return reply.code(202).send(batch);
    },
  );

  app.get(
    "/api/rewards/batches/:id",
    { config: { request: { params: idParamSchema }, permission: "rewards.read", response: BatchViewSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return getBatch(db, currentUser(request), id);
    },
  );

  app.get(
    "/api/rewards/entitlements",
    {
      config: {
        request: { query: EntitlementQuerySchema },
        permission: "rewards.view",
        response: EntitlementListSchema,
      },
    },
    async (request) => {
      const query = parseInput(EntitlementQuerySchema, request.query, "查询奖励");
      return listEntitlements(db, currentUser(request), { ...query, ruleId: query.rule });
    },
  );

  app.get(
    "/api/rewards/entitlements/:id",
    { config: { request: { params: idParamSchema }, permission: "rewards.view", response: EntitlementDetailSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return getEntitlement(db, currentUser(request), id);
    },
  );

  app.post(
    "/api/rewards/entitlements/:id/confirm",
    {
      config: {
        request: { params: idParamSchema, body: ConfirmSchema },
        permission: "rewards.confirm",
        response: EntitlementDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const bank = parseInput(ConfirmSchema, request.body, "确认奖励");
      return confirmEntitlement(db, currentUser(request), actorOf(request), id, bank);
    },
  );

  app.post(
    "/api/rewards/entitlements/:id/decline",
    {
      config: {
        request: { params: idParamSchema, body: ReasonSchema },
        permission: "rewards.confirm",
        response: EntitlementDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { reason } = parseInput(ReasonSchema, request.body, "放弃奖励");
      return declineEntitlement(db, currentUser(request), actorOf(request), id, reason);
    },
  );

  app.post(
    "/api/rewards/entitlements/:id/review",
    {
      config: {
        request: { params: idParamSchema, body: ReviewSchema },
        permission: "rewards.step",
        response: EntitlementDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ReviewSchema, request.body ?? {}, "审核奖励");
      return reviewEntitlement(db, currentUser(request), actorOf(request), id, input);
    },
  );

  app.post(
    "/api/rewards/entitlements/:id/approve",
    { config: { request: { params: idParamSchema }, permission: "rewards.step", response: EntitlementDetailSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return approveEntitlement(db, currentUser(request), actorOf(request), id);
    },
  );

  app.post(
    "/api/rewards/entitlements/:id/pay",
    {
      config: {
        request: { params: idParamSchema, body: PaySchema },
        permission: "rewards.pay",
        response: EntitlementDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const payment = parseInput(PaySchema, request.body, "登记支付");
      return payEntitlement(db, currentUser(request), actorOf(request), id, payment);
    },
  );

  app.post(
    "/api/rewards/entitlements/:id/reject",
    {
      config: {
        request: { params: idParamSchema, body: ReasonSchema },
        permission: "rewards.reject",
        response: EntitlementDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { reason } = parseInput(ReasonSchema, request.body, "退回奖励");
      return rejectEntitlement(db, currentUser(request), actorOf(request), id, reason);
    },
  );

  app.post(
    "/api/rewards/entitlements/:id/recover",
    {
      config: {
        request: { params: idParamSchema, body: RecoverySchema },
        permission: "rewards.manage",
        response: EntitlementDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(RecoverySchema, request.body, "登记追回");
      return recoverEntitlement(db, currentUser(request), actorOf(request), id, input);
    },
  );

  app.get(
    "/api/rewards/workflow",
    { config: { permission: "rewards.view", response: AwardWorkflowViewSchema } },
    async (request) => workflowView(db, currentUser(request)),
  );

  app.get(
    "/api/rewards/publicities",
    { config: { permission: "rewards.read", response: PublicityListSchema } },
    async (request) => ({ items: await listPublicities(db, currentUser(request)) }),
  );

  app.post(
    "/api/rewards/publicities",
    { config: { request: { body: PublishSchema }, permission: "rewards.manage", response: PublicityViewSchema } },
    async (request, reply) => {
      const input = parseInput(PublishSchema, request.body, "发布公示");
      const publicity = await publishPublicity(db, currentUser(request), actorOf(request), input);
      return reply.code(201).send(publicity);
    },
  );

  app.get(
    "/api/rewards/objections",
    { config: { request: { query: ObjectionQuerySchema }, permission: "rewards.read", response: ObjectionListSchema } },
    async (request) => {
      const filter = parseInput(ObjectionQuerySchema, request.query, "查询公示异议");
      return { items: await listObjections(db, currentUser(request), filter) };
    },
  );

  app.post(
    "/api/rewards/objections/:id/resolve",
    {
      config: {
        request: { params: idParamSchema, body: ResolveObjectionSchema },
        permission: "rewards.manage",
        response: ObjectionViewSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ResolveObjectionSchema, request.body, "处理公示异议");
      return resolveRewardObjection(db, currentUser(request), actorOf(request), id, input);
    },
  );

  // The public page of a publicity: no login; its list only while it runs.
  app.get(
    "/api/public/rewards/publicities",
    {
      config: {
        request: { query: PublicPublicityQuerySchema },
        permission: "public",
        response: PublicPublicityListSchema,
      },
    },
    async (request) => {
      const { district } = parseInput(PublicPublicityQuerySchema, request.query, "奖励公示");
      return { items: await runningPublicities(db, district) };
    },
  );

  app.get(
    "/api/public/rewards/publicities/:id",
    { config: { request: { params: idParamSchema }, permission: "public", response: PublicPublicitySchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return publicPublicity(db, id);
    },
  );

  app.post(
    "/api/public/rewards/publicities/:id/objections",
    {
      bodyLimit: OBJECTION_BODY_LIMIT,
      config: {
        request: { params: idParamSchema, body: PublicObjectionSchema },
        permission: "public",
        response: ObjectionReceiptSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(PublicObjectionSchema, request.body, "提出异议");
      const receipt = await fileObjection(db, id, input, { address: request.ip });
      return reply.code(201).send(receipt);
    },
  );

  app.get(
    "/api/rewards/why-not",
    { config: { request: { query: WhyNotQuerySchema }, permission: "rewards.read", response: WhyNotSchema } },
    async (request) => {
      const { enterpriseId, year } = parseInput(WhyNotQuerySchema, request.query, "奖励查询");
      return whyNot(db, currentUser(request), enterpriseId, year);
    },
  );

  app.get(
    "/api/rewards/budget",
    { config: { permission: "rewards.read", response: BudgetSummarySchema } },
    async (request) => budgetSummary(db, currentUser(request)),
  );

  app.put(
    "/api/rewards/budgets/:year",
    {
      config: {
        request: { params: YearParamSchema, body: BudgetSchema },
        permission: "rewards.manage",
        response: BudgetSummarySchema,
      },
    },
    async (request) => {
      const { year } = parseInput(YearParamSchema, request.params);
      const input = parseInput(BudgetSchema, request.body, "设置奖励预算");
      return setBudget(db, currentUser(request), actorOf(request), year, input);
    },
  );

  app.get(
    "/api/rewards/forecast",
    { config: { request: { query: ForecastQuerySchema }, permission: "rewards.read", response: RewardForecastSchema } },
    async (request) => {
      const { horizon } = parseInput(ForecastQuerySchema, request.query, "奖励预测");
      return rewardForecast(db, currentUser(request), horizon);
    },
  );

  app.get(
    "/api/rewards/corrections",
    {
      config: { request: { query: CorrectionQuerySchema }, permission: "rewards.read", response: CorrectionListSchema },
    },
    async (request) => {
      const { status } = parseInput(CorrectionQuerySchema, request.query, "查询更正记录");
      return { items: await listCorrections(db, currentUser(request), status) };
    },
  );

  app.post(
    "/api/rewards/corrections/:id/resolve",
    {
      config: {
        request: { params: idParamSchema, body: ResolveCorrectionSchema },
        permission: "rewards.manage",
        response: CorrectionListSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ResolveCorrectionSchema, request.body, "处理更正记录");
      return { items: await resolveRewardCorrection(db, currentUser(request), actorOf(request), id, input) };
    },
  );

  app.get(
    "/api/rewards/exports/payments.xlsx",
    { config: { request: { query: PaymentListQuerySchema }, permission: "rewards.read", response: "file" } },
    async (request, reply) => {
      const filter = parseInput(PaymentListQuerySchema, request.query, "导出支付清单");
      const { fileName, buffer } = await paymentListXlsx(db, currentUser(request), filter);
      return sendDownload(reply, {
        fileName,
        asciiName: "payments.xlsx",
        contentType: CONTENT_TYPES.xlsx,
        body: buffer,
      });
    },
  );

  /** Issues the approval notice (it takes the year's next document number) as Word (.docx) or PDF. */
  for (const format of ["docx", "pdf"] as const) {
    app.post(
      format === "docx" ? "/api/rewards/notices" : "/api/rewards/notices.pdf",
      { config: { request: { body: NoticeSchema }, permission: "rewards.notice", response: "file" } },
      async (request, reply) => {
        const input = parseInput(NoticeSchema, request.body, "出具审批通知");
        const user = currentUser(request);
        const issued = await issueApprovalNotice(db, user, actorOf(request), { ...input, format });
        return sendDownload(reply, {
          fileName: issued.fileName,
          asciiName: `notice.${format}`,
          contentType: CONTENT_TYPES[format],
          body: issued.buffer,
          headers: { "x-document-number": encodeURIComponent(issued.number) },
        });
      },
    );
  }
}
