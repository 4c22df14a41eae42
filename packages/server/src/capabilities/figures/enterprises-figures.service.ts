/**
 * Entering and correcting figures. The office and the units the plan gives the duty confirmFigures (区统计局,
 * 区税务局 …) enter official values; a new value
 * for the same enterprise, year, month and metric is a correction: it supersedes the old row, which
 * stays visible. An enterprise submits its own figures as self-reported (official = 0) until a
 * responsible unit confirms them.
 */
import { MoneyFormatError, parseAmountInUnit } from "@beizeng/domain/money";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutyHoldersText, officeName, unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { readActivePlan } from "../../platform/plan/plan-reader";
import {
  enterpriseFor,
  findCurrentFigure,
  findFigure,
  insertFigureRow,
  markOfficial,
  markSuperseded,
  recomputeWarnings,
} from "../register/index";
import { refreshFigureSummaries } from "./figure-summaries.repository";
import { METRICS } from "./import/columns";
import { type MoneyUnit, YUAN_PER_UNIT } from "./import/types";

export interface FigureInput {
  year: number;
  /** 0 = the whole year. */
  month: number;
  metric: string;
  /** Decimal text in `unit` for money ("1234.5"), a whole number for counts. */
  value: string;
  unit?: MoneyUnit;
}

/**
 * Whether the caller is the office or a unit the active plan gives confirmFigures: the name it enters or confirms
 * under (the office's or the unit's), or a 403 naming who may, in the district's own units.
 */
async function figureAuthority(db: DbContext, user: AuthUser, refusal: (holders: string) => string): Promise<string> {
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  if (user.role === "office") return officeName(plan);
  const unit = await unitWithDuty(db, user, "confirmFigures");
  if (unit === null) throw forbidden(refusal(dutyHoldersText(plan, "confirmFigures")));
  return unit.name;
}

function parseValue(input: FigureInput): bigint {
  const definition = METRICS.find((metric) => metric.metric === input.metric);
  if (!definition) throw badRequest(`未知指标：${input.metric}`, [{ path: "metric", message: "未知指标" }]);
  const text = input.value.trim();
  try {
    if (definition.valueKind === "money") return parseAmountInUnit(text, YUAN_PER_UNIT[input.unit ?? "万元"]);
    if (!/^\d+$/.test(text)) throw new MoneyFormatError("count");
    return BigInt(text);
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    const message =
      definition.valueKind === "money"
        ? `${definition.label}应为数字，且换算成元后最多两位小数：${input.value}`
        : `${definition.label}应为非负整数：${input.value}`;
    throw badRequest(message, [{ path: "value", message }]);
  }
}

/** Enters (or corrects) one figure. Staff enter official values; an enterprise self-reports its own. */
export async function enterFigure(
  db: DbContext,
  user: AuthUser,
  enterpriseId: number,
  input: FigureInput,
  actor: Actor,
) {
  const value = parseValue(input);
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, enterpriseId, "figures.enter", "只能填报本企业的数据");
    const selfReport = user.role === "enterprise";
    const authority = selfReport ? null : await figureAuthority(tx, user, (holders) => `经营数据由${holders}录入`);
    const key = { enterpriseId, year: input.year, month: input.month, metric: input.metric };
    // Self-reports replace the enterprise's own pending report; official entries correct the official value.
    const previous = await findCurrentFigure(tx, { ...key, official: !selfReport });
    if (previous && BigInt(previous.value) === value) throw conflict("数值与现有数据相同，无需更正");
    const id = await insertFigureRow(tx, {
      district_id: user.districtId,
      enterprise_id: enterpriseId,
      year: input.year,
      month: input.month,
      metric: input.metric,
      value,
      source_kind: selfReport ? "self_report" : "entry",
      source_ref: selfReport ? user.displayName : `${authority}：${user.displayName}`,
      official: selfReport ? 0 : 1,
      recorded_at: new Date().toISOString(),
      recorded_by: user.id,
    });
    if (previous) await markSuperseded(tx, previous.id, id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: previous ? "update" : "create",
      entityType: "figure",
      entityId: enterpriseId,
      before: previous ? { figureId: previous.id, ...key, value: String(previous.value) } : null,
      after: { figureId: id, ...key, value: value.toString(), official: !selfReport },
    });
    if (!selfReport) await refreshFigureSummaries(tx, user.districtId, [enterpriseId]);
    if (!selfReport && input.metric === "revenue" && input.month > 0) {
      await recomputeWarnings(tx, user.districtId, { enterpriseIds: [enterpriseId] });
    }
    return { id, superseded: previous?.id ?? null, official: !selfReport };
  });
}

/** A responsible unit confirms a self-reported figure: it becomes the official value (the old one superseded). */
export async function confirmFigure(db: DbContext, user: AuthUser, figureId: number, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const figure = await findFigure(tx, figureId);
    if (!figure || figure.district_id !== user.districtId) throw notFound("数据不存在");
    const authority = await figureAuthority(tx, user, (holders) => `企业自报数据由${holders}确认`);
    if (figure.official === 1) throw conflict("该数据已是正式数据");
    if (figure.superseded_by !== null) throw conflict("该自报数据已被新的数据取代");
    const key = {
      enterpriseId: figure.enterprise_id,
      year: figure.year,
      month: figure.month,
      metric: figure.metric,
    };
    const official = await findCurrentFigure(tx, { ...key, official: true });
    await markOfficial(tx, figure.id);
    if (official) await markSuperseded(tx, official.id, figure.id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "confirm",
      entityType: "figure",
      entityId: figure.enterprise_id,
      before: official ? { figureId: official.id, ...key, value: String(official.value) } : null,
      after: { figureId: figure.id, ...key, value: String(figure.value), official: true, confirmedBy: authority },
    });
    await refreshFigureSummaries(tx, user.districtId, [figure.enterprise_id]);
    if (figure.metric === "revenue" && figure.month > 0) {
      await recomputeWarnings(tx, user.districtId, { enterpriseIds: [figure.enterprise_id] });
    }
    return { id: figure.id, superseded: official?.id ?? null };
  });
}
