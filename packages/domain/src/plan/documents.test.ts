/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type PlanIssue, PlanValidationError, parsePlan, validatePlan } from "./load";
import { clauseNumber, clausesByDocument, documentOfClause, findRewardRule } from "./lookup";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const TEST_DISTRICT = "plans/test-district-2024-2026/plan.yaml";
const CHANGJIANG = "plans/changjiang-2021-2023/plan.yaml";
const testDistrictText = readFileSync(`${repoRoot}${TEST_DISTRICT}`, "utf8");
const testDistrict = parsePlan(testDistrictText, TEST_DISTRICT).plan;
const changjiang = parsePlan(readFileSync(`${repoRoot}${CHANGJIANG}`, "utf8"), CHANGJIANG).plan;
const MEASURES_TITLE = "云溪区促进制造业高质量发展若干奖励办法";

/** The test district's file with one exact piece of text replaced: the issues it is refused with. */
function issuesAfter(from: string, to: string): PlanIssue[] {
  expect(testDistrictText.split(from).length - 1, `"${from}" must occur once`).toBe(1);
  try {
    parsePlan(testDistrictText.replace(from, to), TEST_DISTRICT);
  } catch (error) {
    if (error instanceof PlanValidationError) return error.issues;
    throw error;
  }
  throw new Error("the changed plan loaded");
}

const MEASURES_ENTRY = "  - id: reward-measures\n    title: 云溪区促进制造业高质量发展若干奖励办法\n";

describe("a district running its reward measures beside its plan", () => {
  it("lists the reward measures with their own number, issuer and dates", () => {
    expect(testDistrict.documents).toEqual([
      {
        id: "reward-measures",
        title: MEASURES_TITLE,
        titleEn: "Yunxi District Reward Measures for High-Quality Manufacturing Development",
        number: "云政规〔2024〕2号",
        issuers: ["云溪区人民政府"],
        signed: "2024-04-08",
        issued: "2024-04-12",
        revised: "2025-03-10",
      },
    ]);
  });

  it("finds the document of each clause: the measures for their articles, the plan for its own", () => {
    expect(documentOfClause(testDistrict, "JL3")).toEqual({
      id: "reward-measures",
      title: MEASURES_TITLE,
      titleEn: "Yunxi District Reward Measures for High-Quality Manufacturing Development",
      number: "云政规〔2024〕2号",
      issuers: ["云溪区人民政府"],
      issued: "2024-04-12",
      revised: "2025-03-10",
    });
    expect(documentOfClause(testDistrict, "M2")).toEqual({
      id: null,
      title: "云溪区制造业提质增效三年行动方案（2024－2026年）",
      titleEn: "Yunxi District Three-Year Action Programme for Manufacturing Quality (2024–2026)",
      number: "云办发〔2024〕3号",
      issuers: ["中共云溪区委办公室", "云溪区人民政府办公室"],
      issued: "2024-03-20",
    });
    expect(documentOfClause(changjiang, "M4")).toMatchObject({ id: null, number: "昌办字〔2021〕7号" });
    expect(documentOfClause(testDistrict, "JL99")).toBeUndefined();
  });

  it("groups the clauses by document, the plan's own first", () => {
    const groups = clausesByDocument(testDistrict).map((group) => [
      group.document.id,
      group.clauses.map((clause) => clause.id),
    ]);
    expect(groups).toEqual([
      [null, ["G1", "M1", "M2", "M3", "S4"]],
      ["reward-measures", ["JL1", "JL2", "JL3", "JL4", "JL5", "JL6", "JL7"]],
    ]);
    const single = clausesByDocument(changjiang);
    expect(single).toHaveLength(1);
    expect(single[0]?.clauses).toHaveLength(changjiang.clauses.length);
  });

  it("has the new-above-scale and milestone rewards cite the measures, growth and technical transformation the plan", () => {
    const documentOfRule = (ruleId: string) => {
      const rule = findRewardRule(testDistrict, ruleId);
      return rule && documentOfClause(testDistrict, rule.clause)?.id;
    };
    expect(documentOfRule("R-NEW-SCALE")).toBe("reward-measures");
    expect(documentOfRule("R-REV-MILESTONE")).toBe("reward-measures");
    expect(documentOfRule("R-GROWTH")).toBeNull();
    expect(documentOfRule("R-TECH")).toBeNull();
    // The milestone's readings belong to the article that states them.
    expect(testDistrict.parameters.find((parameter) => parameter.id === "sameYearTiers")?.clause).toBe("JL4");
  });

  it("cites an article by the number its text opens with, any other clause by its id", () => {
    const jl3 = testDistrict.clauses.find((clause) => clause.id === "JL3");
    expect(jl3 && clauseNumber(jl3)).toEqual({ zh: "第三条", en: "Article 3" });
    expect(clauseNumber({ id: "M2", text: "2.培育规上企业。" })).toEqual({ zh: "M2", en: "M2" });
    expect(clauseNumber({ id: "A12", text: "第十二条　…" })).toEqual({ zh: "第十二条", en: "Article 12" });
    expect(clauseNumber({ id: "A20", text: "第二十条 …" })).toEqual({ zh: "第二十条", en: "Article 20" });
    expect(clauseNumber({ id: "A105", text: "第一百零五条 …" })).toEqual({ zh: "第一百零五条", en: "Article 105" });
    expect(clauseNumber({ id: "A7", text: "第7条 …" })).toEqual({ zh: "第7条", en: "Article 7" });
    // A sentence that merely mentions an article is not one.
    expect(clauseNumber({ id: "S4", text: "4.依照本办法第三条执行。" })).toEqual({ zh: "S4", en: "S4" });
  });

  it("survives a round trip through JSON, and a plan without further documents gains no field", () => {
    expect(validatePlan(JSON.parse(JSON.stringify(testDistrict)), "stored.json").plan).toEqual(testDistrict);
    expect("documents" in changjiang).toBe(false);
  });
});

describe("further documents are refused with the field named", () => {
  it("a clause naming a document the plan does not list", () => {
    expect(
      issuesAfter("  - id: JL5\n    document: reward-measures\n", "  - id: JL5\n    document: reward-rules\n"),
    ).toEqual([
      expect.objectContaining({
        clause: "JL5",
        path: "clauses[9].document",
        message: expect.stringContaining("引用了不存在的文件“reward-rules”"),
        line: expect.any(Number),
      }),
    ]);
  });

  it("two documents with one id", () => {
    const twice = `${MEASURES_ENTRY}    issued: 2024-04-12\n  - id: reward-measures\n    title: 云溪区人才奖励办法\n`;
    expect(issuesAfter(MEASURES_ENTRY, twice)).toEqual([
      expect.objectContaining({
        path: "documents[1].id",
        message: "文件编号“reward-measures”重复（已在 documents[0].id 出现）",
      }),
    ]);
  });

  it("a revision dated before the document was issued", () => {
    expect(issuesAfter("    revised: 2025-03-10\n", "    revised: 2024-04-01\n")).toEqual([
      expect.objectContaining({
        path: "documents[0].revised",
        message: "修订日期 2024-04-01 不能早于印发日期 2024-04-12",
      }),
    ]);
    // Without an issue date, the revision is held against the date it was signed; issued before signed is refused.
    expect(issuesAfter("    issued: 2024-04-12\n    revised: 2025-03-10\n", "    revised: 2024-04-01\n")).toEqual([
      expect.objectContaining({
        path: "documents[0].revised",
        message: "修订日期 2024-04-01 不能早于成文日期 2024-04-08",
      }),
    ]);
    expect(issuesAfter("    issued: 2024-04-12\n", "    issued: 2024-04-01\n")).toEqual([
      expect.objectContaining({
        path: "documents[0].issued",
        message: "印发日期 2024-04-01 不能早于成文日期 2024-04-08",
      }),
    ]);
    // The day it was issued is not before it.
    expect(() =>
      parsePlan(testDistrictText.replace("revised: 2025-03-10", "revised: 2024-04-12"), TEST_DISTRICT),
    ).not.toThrow();
  });

  it("a blank title, a title in book-title marks, the plan's own title", () => {
    const title = (text: string) => issuesAfter(`    title: ${MEASURES_TITLE}\n`, `    title: ${text}\n`);
    expect(title('""')).toEqual([expect.objectContaining({ path: "documents[0].title", message: "不能为空" })]);
    expect(title('"  "')).toEqual([
      expect.objectContaining({ path: "documents[0].title", message: "文件标题不能为空白" }),
    ]);
    expect(title(`《${MEASURES_TITLE}》`)).toEqual([
      expect.objectContaining({ path: "documents[0].title", message: `文件标题不带书名号，写作“${MEASURES_TITLE}”` }),
    ]);
    expect(title("云溪区制造业提质增效三年行动方案（2024－2026年）")).toEqual([
      expect.objectContaining({
        path: "documents[0].title",
        message: expect.stringContaining("（已在 title 出现），无法区分条款出自哪个文件"),
      }),
    ]);
  });

  it("a missing title and an unknown field", () => {
    expect(
      issuesAfter(`    title: ${MEASURES_TITLE}\n`, "    name: 奖励办法\n").map((issue) => [issue.path, issue.message]),
    ).toEqual(
      expect.arrayContaining([
        ["documents[0].title", "缺少必填字段"],
        ["documents[0].name", "未知字段“name”（字段名拼写有误，或该处不允许此字段）"],
      ]),
    );
  });
});
