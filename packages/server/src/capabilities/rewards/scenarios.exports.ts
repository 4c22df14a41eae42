/**
 * A scenario's results as files: the .xlsx workbook (the one table builder: cost per year against the budget,
 * every enterprise that gains or loses with each rule's difference, the split by rule, chain and town, the budget
 * forecast) and the briefing (测算简报) as an official document in the GB/T 9704 layout (.docx and PDF).
 */
import type { ScenarioChangeInput, ScenarioEnterprise, ScenarioLine } from "@beizeng/contract/reward-scenarios";
import { formatExactForDisplay } from "@beizeng/domain/money";
import { officeUnit } from "@beizeng/domain/rewards/workflow";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import {
  bodyParagraph,
  type DocumentBlock,
  heading1,
  type OfficialDocument,
  tableBlock,
} from "../../platform/documents/official-document";
import { renderOfficialDocx } from "../../platform/documents/official-docx";
import { renderOfficialPdf } from "../../platform/documents/official-pdf";
import { exportWorkbookBuffer } from "../../platform/exports/spreadsheet-cells";
import { newWorkbook, writeTableSheet } from "../../platform/exports/table-export";
import { fullScenarioResult } from "./scenarios.service";
import { activePlan, districtToday } from "./shared";

const wan = (fen: string | null) => (fen === null ? "—" : formatExactForDisplay(BigInt(fen), "万元"));

/** A rule-level difference in words: "2022 年 营业收入增幅奖励（0.15）：20 万元 → 30 万元". */
export function lineText(line: ScenarioLine): string {
  const tier = (value: string | null) => (value === null ? "" : `（${value}）`);
  const before = line.baselineFen === null ? "不予奖励" : `${wan(line.baselineFen)}${tier(line.baselineTier)}`;
  const after = line.scenarioFen === null ? "不予奖励" : `${wan(line.scenarioFen)}${tier(line.scenarioTier)}`;
  return `${line.year} 年 ${line.ruleName}：${before} → ${after}`;
}

/** A change in words, for the briefing: "R-GROWTH tiers.steps[3].amount 调整为 300000". */
export function changeText(change: ScenarioChangeInput): string {
  switch (change.op) {
    case "set":
      return change.value === null
        ? `奖励规则 ${change.ruleId} 删除 ${change.path}`
        : `奖励规则 ${change.ruleId} 的 ${change.path} 调整为 ${typeof change.value === "string" ? change.value : JSON.stringify(change.value)}`;
    case "parameter":
      return `方案参数 ${change.parameterId} 调整为 ${String(change.value)}`;
    case "addRule":
      return `新增奖励规则 ${String(change.rule.id ?? "")}（${String(change.rule.name ?? "")}）`;
    case "removeRule":
      return `取消奖励规则 ${change.ruleId}`;
  }
}

function fileStem(name: string): string {
  return `政策测算-${name.replace(/[\\/:*?"<>|]/g, "_")}`;
}

export async function scenarioXlsx(
  db: DbContext,
  user: AuthUser,
  id: number,
): Promise<{ fileName: string; buffer: Buffer }> {
  const { result, allEnterprises } = await fullScenarioResult(db, user, id);
  const workbook = newWorkbook();
  const subtitle = `现行方案第 ${result.planVersion} 版；金额单位：万元；${
    result.lastActualYear === null ? "全部年度为预测" : `${result.lastActualYear} 年以后为预测数`
  }`;
  const totalsColumns = <Row extends { baselineFen: string; scenarioFen: string; differenceFen: string }>() => [
    { header: "现行方案", kind: "money" as const, value: (row: Row) => BigInt(row.baselineFen) },
    { header: "测算方案", kind: "money" as const, value: (row: Row) => BigInt(row.scenarioFen) },
    { header: "差额", kind: "money" as const, value: (row: Row) => BigInt(row.differenceFen) },
  ];
  writeTableSheet(workbook, {
    sheet: "年度成本",
    title: `测算方案“${result.scenario.name}”年度成本`,
    subtitle,
    columns: [
      { header: "年度", kind: "count", value: (row) => row.year },
      { header: "数据", value: (row) => (row.projected ? "预测" : "实际") },
      ...totalsColumns<(typeof result.years)[number]>(),
      { header: "预算", kind: "money", value: (row) => (row.budgetFen === null ? null : BigInt(row.budgetFen)) },
      {
        header: "预算结余",
        kind: "money",
        value: (row) => (row.budgetFen === null ? null : BigInt(row.budgetFen) - BigInt(row.scenarioFen)),
      },
    ],
    rows: result.years,
  });
  const lines = allEnterprises.flatMap((enterprise: ScenarioEnterprise) =>
    enterprise.lines.map((line) => ({ enterprise, line })),
  );
  writeTableSheet(workbook, {
    sheet: "企业增减",
    title: `增加 ${result.counts.gainers} 户、减少 ${result.counts.losers} 户、不变 ${result.counts.unchanged} 户`,
    subtitle,
    columns: [
      { header: "统一社会信用代码", value: (row) => row.enterprise.creditCode, width: 22 },
      { header: "企业名称", value: (row) => row.enterprise.name, width: 28 },
      { header: "产业链", value: (row) => row.enterprise.chain },
      { header: "乡镇（街道）", value: (row) => row.enterprise.town },
      { header: "企业差额合计", kind: "money", value: (row) => BigInt(row.enterprise.differenceFen) },
      { header: "年度", kind: "count", value: (row) => row.line.year },
      { header: "奖励", value: (row) => row.line.ruleName, width: 24 },
      { header: "现行档次", value: (row) => row.line.baselineTier },
      { header: "测算档次", value: (row) => row.line.scenarioTier },
      {
        header: "现行金额",
        kind: "money",
        value: (row) => (row.line.baselineFen === null ? null : BigInt(row.line.baselineFen)),
      },
      {
        header: "测算金额",
        kind: "money",
        value: (row) => (row.line.scenarioFen === null ? null : BigInt(row.line.scenarioFen)),
      },
      { header: "差额", kind: "money", value: (row) => BigInt(row.line.differenceFen) },
    ],
    rows: lines,
  });
  for (const [sheet, rows] of [
    ["按奖励", result.byRule.map((row) => ({ ...row, name: row.ruleName }))],
    ["按产业链", result.byChain],
    ["按乡镇", result.byTown],
  ] as const) {
    writeTableSheet(workbook, {
      sheet,
      title: `测算方案“${result.scenario.name}”${sheet}`,
      subtitle,
      columns: [{ header: "名称", value: (row: (typeof rows)[number]) => row.name, width: 28 }, ...totalsColumns()],
      rows,
    });
  }
  writeTableSheet(workbook, {
    sheet: "预算预测影响",
    title: "对奖励资金预算预测的影响",
    subtitle,
    columns: [
      { header: "年度", kind: "count", value: (row) => row.year },
      ...totalsColumns<(typeof result.forecast.years)[number]>(),
      { header: "预算", kind: "money", value: (row) => (row.budgetFen === null ? null : BigInt(row.budgetFen)) },
    ],
    rows: result.forecast.years,
  });
  return { fileName: `${fileStem(result.scenario.name)}.xlsx`, buffer: await exportWorkbookBuffer(workbook) };
}

export async function scenarioBriefing(
  db: DbContext,
  user: AuthUser,
  id: number,
  format: "docx" | "pdf",
): Promise<{ fileName: string; buffer: Buffer }> {
  const { result } = await fullScenarioResult(db, user, id);
  const { plan } = await activePlan(db, user.districtId);
  const office = officeUnit(plan)?.name ?? "领导小组办公室";
  const { scenario, total, counts } = result;
  const firstYear = scenario.years[0];
  const lastYear = scenario.years[scenario.years.length - 1];
  const span = firstYear === lastYear ? `${firstYear} 年` : `${firstYear}—${lastYear} 年`;
  const difference = BigInt(total.differenceFen);
  const body: DocumentBlock[] = [
    bodyParagraph(
      `按照${plan.title}的奖励政策，对“${scenario.name}”调整方案进行了测算。测算以现行方案（第 ${result.planVersion} 版）为基准，覆盖 ${span}${
        result.lastActualYear === null
          ? "，各年度均按预测数测算"
          : `，${result.lastActualYear} 年及以前按企业实际数据测算，以后年度按各企业近年增长趋势预测的数据测算，属预测性质`
      }。测算结果不改变任何企业已核定的奖励。现将有关情况报告如下。`,
    ),
    heading1("一、调整内容"),
    ...(scenario.changes.length === 0
      ? [bodyParagraph("本测算未调整奖励规则，结果与现行方案一致。")]
      : scenario.changes.map((change, index) => bodyParagraph(`${index + 1}. ${changeText(change)}。`))),
    ...(scenario.description ? [bodyParagraph(`说明：${scenario.description}`)] : []),
    heading1("二、资金影响"),
    bodyParagraph(
      `${span}奖励资金现行方案合计 ${wan(total.baselineFen)}，调整后合计 ${wan(total.scenarioFen)}，${
        difference === 0n
          ? "总额不变"
          : `${difference > 0n ? "增加" : "减少"} ${wan((difference < 0n ? -difference : difference).toString())}`
      }。`,
    ),
    tableBlock({
      caption: "表1 分年度奖励资金测算",
      unitLine: "单位：万元",
      header: ["年度", "现行方案", "调整后", "差额", "年度预算"],
      rows: result.years.map((year) => [
        `${year.year}${year.projected ? "（预测）" : ""}`,
        wan(year.baselineFen).replace(" 万元", ""),
        wan(year.scenarioFen).replace(" 万元", ""),
        wan(year.differenceFen).replace(" 万元", ""),
        wan(year.budgetFen).replace(" 万元", ""),
      ]),
      widths: [3, 3, 3, 3, 3],
    }),
    heading1("三、企业受影响情况"),
    bodyParagraph(
      `共测算企业 ${counts.evaluated} 户，其中奖励增加 ${counts.gainers} 户、减少 ${counts.losers} 户，获得奖励且金额不变 ${counts.unchanged} 户。`,
    ),
    ...result.enterprises
      .slice(0, 5)
      .map((enterprise, index) =>
        bodyParagraph(
          `${index + 1}. ${enterprise.name}：${BigInt(enterprise.differenceFen) > 0n ? "增加" : "减少"} ${wan(
            (BigInt(enterprise.differenceFen) < 0n
              ? -BigInt(enterprise.differenceFen)
              : BigInt(enterprise.differenceFen)
            ).toString(),
          )}（${enterprise.lines.map(lineText).join("；")}）。`,
        ),
      ),
    tableBlock({
      caption: "表2 分产业链测算",
      unitLine: "单位：万元",
      header: ["产业链", "现行方案", "调整后", "差额"],
      rows: result.byChain.map((row) => [
        row.name,
        wan(row.baselineFen).replace(" 万元", ""),
        wan(row.scenarioFen).replace(" 万元", ""),
        wan(row.differenceFen).replace(" 万元", ""),
      ]),
      widths: [4, 3, 3, 3],
    }),
    tableBlock({
      caption: "表3 分乡镇（街道）测算",
      unitLine: "单位：万元",
      header: ["乡镇（街道）", "现行方案", "调整后", "差额"],
      rows: result.byTown.map((row) => [
        row.name,
        wan(row.baselineFen).replace(" 万元", ""),
        wan(row.scenarioFen).replace(" 万元", ""),
        wan(row.differenceFen).replace(" 万元", ""),
      ]),
      widths: [4, 3, 3, 3],
    }),
    heading1("四、对预算预测的影响"),
    bodyParagraph(
      result.forecast.years.length === 0
        ? "暂无实际年度数据，未作预算预测。"
        : `按预算预测口径（${result.forecast.years[0]?.year}—${result.forecast.years[result.forecast.years.length - 1]?.year} 年），现行方案预计需奖励资金 ${wan(
            result.forecast.baselineFen,
          )}，调整后预计 ${wan(result.forecast.scenarioFen)}，差额 ${wan(result.forecast.differenceFen)}。以上为预测数，供决策参考。`,
    ),
  ];
  const today = districtToday();
  const document: OfficialDocument = {
    issuerMark: `${office}文件`,
    number: "",
    title: `关于“${scenario.name}”奖励政策调整测算情况的报告`,
    addressees: "各位领导：",
    body,
    signature: office,
    date: today,
  };
  const buffer = format === "pdf" ? await renderOfficialPdf(document) : await renderOfficialDocx(document);
  return { fileName: `${fileStem(scenario.name)}-测算简报.${format}`, buffer };
}
