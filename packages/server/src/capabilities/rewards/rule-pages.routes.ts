/**
 * Reward rule pages: the rules and each rule's page, the try-it calculator, the office's publication of the pages,
 * and the same pages and calculator without login once published.
 */
import {
  PublicRuleAnswerSchema,
  PublicRulesAnswerSchema,
  PublicRulesQuerySchema,
  PublicRuleTryAnswerSchema,
  PublicRuleTrySchema,
  RulePageSchema,
  RuleParamsSchema,
  RulesIndexSchema,
  RulesPublicationSchema,
  RulesPublicationViewSchema,
  RuleTryResultSchema,
  RuleTrySchema,
} from "@beizeng/contract/rule-pages";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { parseInput } from "../../platform/http/validation";
import {
  listRules,
  publicRule,
  publicRules,
  publicTry,
  publishRules,
  rulePage,
  rulesPublication,
  tryRule,
} from "./rule-pages";

export async function rulePagesRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get("/api/rules", { config: { permission: "plan.read", response: RulesIndexSchema } }, async (request) =>
    listRules(db, currentUser(request).districtId),
  );

  app.get(
    "/api/rules/publication",
    { config: { permission: "plan.read", response: RulesPublicationViewSchema } },
    async (request) => rulesPublication(db, currentUser(request).districtId),
  );

  app.put(
    "/api/rules/publication",
    {
      config: {
        request: { body: RulesPublicationSchema },
        permission: "rewards.manage",
        response: RulesPublicationViewSchema,
      },
    },
    async (request) => {
      const { published } = parseInput(RulesPublicationSchema, request.body, "规则页公开");
      return publishRules(db, currentUser(request).districtId, published, actorOf(request));
    },
  );

  app.get(
    "/api/rules/:ruleId",
    { config: { request: { params: RuleParamsSchema }, permission: "plan.read", response: RulePageSchema } },
    async (request) => {
      const { ruleId } = parseInput(RuleParamsSchema, request.params, "奖励规则");
      const user = currentUser(request);
      // An enterprise reads the worked examples of others without their names.
      const naming =
        user.role === "enterprise"
          ? { named: false as const, ownEnterpriseId: user.enterpriseId }
          : { named: true as const };
      return rulePage(db, user.districtId, ruleId, naming);
    },
  );

  app.post(
    "/api/rules/:ruleId/try",
    {
      config: {
        request: { params: RuleParamsSchema, body: RuleTrySchema },
        permission: "plan.read",
        response: RuleTryResultSchema,
      },
    },
    async (request) => {
      const { ruleId } = parseInput(RuleParamsSchema, request.params, "奖励规则");
      const body = parseInput(RuleTrySchema, request.body, "试算");
      const user = currentUser(request);
      return tryRule(db, user.districtId, ruleId, body, user);
    },
  );

  // Without login, when the office publishes the pages; otherwise a plain "not published" (not an error).
  app.get(
    "/api/public/rules",
    { config: { request: { query: PublicRulesQuerySchema }, permission: "public", response: PublicRulesAnswerSchema } },
    async (request) => {
      const { district } = parseInput(PublicRulesQuerySchema, request.query, "奖励规则");
      return publicRules(db, district ?? null);
    },
  );

  app.get(
    "/api/public/rules/:ruleId",
    {
      config: {
        request: { params: RuleParamsSchema, query: PublicRulesQuerySchema },
        permission: "public",
        response: PublicRuleAnswerSchema,
      },
    },
    async (request) => {
      const { ruleId } = parseInput(RuleParamsSchema, request.params, "奖励规则");
      const { district } = parseInput(PublicRulesQuerySchema, request.query, "奖励规则");
      return publicRule(db, district ?? null, ruleId);
    },
  );

  app.post(
    "/api/public/rules/:ruleId/try",
    {
      config: {
        request: { params: RuleParamsSchema, query: PublicRulesQuerySchema, body: PublicRuleTrySchema },
        permission: "public",
        response: PublicRuleTryAnswerSchema,
      },
    },
    async (request) => {
      const { ruleId } = parseInput(RuleParamsSchema, request.params, "奖励规则");
      const { district } = parseInput(PublicRulesQuerySchema, request.query, "奖励规则");
      const body = parseInput(PublicRuleTrySchema, request.body, "试算");
      return publicTry(db, district ?? null, ruleId, body);
    },
  );
}
