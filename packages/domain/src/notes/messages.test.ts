import { describe, expect, it } from "vitest";
import { isNoteMessageKey, NoteList, type NoteMessage, noteMessage, noteTexts, renderNote } from "./messages";

/** One message of every key, with parameters that should show in the text. */
const EVERY_KEY: NoteMessage[] = [
  noteMessage("target.baselineCurrentOnly", {
    metric: "涉企服务事项网上可办率",
    metricEn: "Share of enterprise services available online",
    year: 2020,
  }),
  noteMessage("target.baselineMissing", { year: 2020 }),
  noteMessage("target.baselineMissingEnterprises", { count: 2, names: ["长江精工", "江北新材"] }),
  noteMessage("target.yearIncomplete", { year: 2022 }),
  noteMessage("target.yearMissingEnterprises", { year: 2022, count: 1, names: ["长江精工"] }),
  noteMessage("targets.listingWithoutDate", { count: 3 }),
  noteMessage("forecast.missingRevenue", { year: 2022, count: 3 }),
  noteMessage("forecast.carriedForward", { amount: "1234567800" }),
  noteMessage("forecast.monthsPriorSpread", {}),
  noteMessage("forecast.noRevenue", {}),
  noteMessage("forecast.trendPriorSpread", { sd: 0.08 }),
  noteMessage("forecast.noGrowthRates", {}),
  noteMessage("forecast.aboveScale.priorSpread", {}),
  noteMessage("forecast.aboveScale.monthlyAverage", {}),
  noteMessage("forecast.aboveScale.noBaselineDirectory", { year: 2020 }),
  noteMessage("forecast.aboveScale.newEnterprisesExcluded", {}),
  noteMessage("rewards.budgetMethod", { threshold: "2000000000" }),
  noteMessage("forecast.aboveScale.deadlineDirectoryKnown", {}),
  noteMessage("forecast.aboveScale.decidingRevenueKnown", { year: 2023 }),
  noteMessage("forecast.aboveScale.noRevenueStays", {}),
  noteMessage("forecast.aboveScale.noRevenueEnterprise", {}),
  noteMessage("records.aboveScaleRevenue", {
    year: 2022,
    filter: "智能装备·城关镇",
    filterEn: "Smart equipment·城关镇",
  }),
  noteMessage("records.aboveScaleCount", { year: 2022, filter: "", filterEn: "" }),
  noteMessage("records.noDirectory", {}),
  noteMessage("records.monthRevenue", { year: 2023, month: 6, filter: "", filterEn: "" }),
  noteMessage("records.periodRevenue", { year: 2023, month: 6, filter: "城关镇", filterEn: "城关镇" }),
  noteMessage("records.directoryScope", { year: 2022 }),
  noteMessage("records.projectsAll", {}),
  noteMessage("records.projectsInStage", { stage: "construction" }),
  noteMessage("records.reserve", { directoryYear: 2022, lastYear: 2022 }),
  noteMessage("records.target", { name: "规上工业企业营业收入", nameEn: "Above-scale revenue", year: 2022 }),
  noteMessage("records.missingRevenue", { name: "长江精工", year: 2022 }),
  noteMessage("records.noDataForYear", {}),
  noteMessage("records.netIncrease", {}),
  noteMessage("records.ratio", { numerator: "45", denominator: "60" }),
  noteMessage("records.status.entered", { year: 2021 }),
  noteMessage("records.status.exited", { year: 2022 }),
  noteMessage("records.status.listed", { year: 2023 }),
  noteMessage("records.item.manufacturingInvestment", {}),
  noteMessage("records.item.fixedAssetInvestment", {}),
  noteMessage("records.item.online", {}),
  noteMessage("records.item.notOnline", {}),
  noteMessage("records.item.keyEnterprise", { name: "长江精工" }),
  noteMessage("records.item.keyProject", { name: "新能源电池项目" }),
  noteMessage("records.item.leaderAssigned", {}),
  noteMessage("records.item.noLeader", {}),
];

const HAN = /[\u4e00-\u9fff]/;

describe("note messages", () => {
  it("render every key in Chinese and in English, the English without Chinese except names", () => {
    const keys = new Set(EVERY_KEY.map((message) => message.key));
    expect(keys.size).toBe(EVERY_KEY.length);
    for (const message of EVERY_KEY) {
      const zh = renderNote(message, "zh-CN");
      const en = renderNote(message, "en");
      expect(zh, message.key).toMatch(HAN);
      expect(en, message.key).toBeTruthy();
      const names = Object.values(message.params).flatMap((value) =>
        Array.isArray(value) ? value : typeof value === "string" && HAN.test(value) ? [value] : [],
      );
      let stripped = en as string;
      for (const name of names) stripped = stripped.replaceAll(name, "");
      expect(stripped, message.key).not.toMatch(HAN);
      // Numbers and years appear in both languages (a month is named in English).
      for (const [param, value] of Object.entries(message.params)) {
        if (typeof value === "number" && param !== "month") {
          expect(zh, message.key).toContain(String(value));
          expect(en, message.key).toContain(String(value));
        }
      }
    }
  });

  it("write the texts the results used to hold, in Chinese", () => {
    expect(renderNote(noteMessage("forecast.missingRevenue", { year: 2022, count: 3 }), "zh-CN")).toBe(
      "2022年有 3 家规上企业缺少年度营业收入，按零计",
    );
    expect(
      renderNote(noteMessage("target.baselineMissingEnterprises", { count: 2, names: ["甲", "乙"] }), "zh-CN"),
    ).toBe("基期缺少 2 家企业的数据：甲、乙");
    expect(renderNote(noteMessage("targets.listingWithoutDate", { count: 4 }), "zh-CN")).toBe(
      "4 家企业登记了挂牌上市阶段但没有记录达到该阶段的日期，未计入挂牌上市目标",
    );
  });

  it("name enterprises as they are and agree in number in English", () => {
    expect(
      renderNote(noteMessage("target.yearMissingEnterprises", { year: 2022, count: 2, names: ["甲", "乙"] }), "en"),
    ).toBe("2022 lacks the data of 2 enterprises: 甲, 乙");
    expect(renderNote(noteMessage("forecast.missingRevenue", { year: 2022, count: 1 }), "en")).toBe(
      "In 2022, 1 above-scale enterprise lacks its annual revenue, counted as zero",
    );
    expect(renderNote(noteMessage("targets.listingWithoutDate", { count: 3 }), "en")).toMatch(
      /^3 enterprises have a listing stage/,
    );
  });

  it("write amounts exactly: 万元 or 亿元 in Chinese, yuan in English", () => {
    const carried = noteMessage("forecast.carriedForward", { amount: "1234567800" });
    expect(renderNote(carried, "zh-CN")).toContain("1234.5678 万元");
    expect(renderNote(carried, "en")).toContain("12,345,678 yuan");
    const method = noteMessage("rewards.budgetMethod", { threshold: "2000000000" });
    expect(renderNote(method, "zh-CN")).toContain("（2000 万元）");
    expect(renderNote(method, "en")).toContain("(20,000,000 yuan)");
  });

  it("collect each message beside its Chinese text", () => {
    const list = new NoteList();
    list.add("target.baselineMissing", { year: 2020 });
    list.add("forecast.noGrowthRates", {});
    expect(list.notes).toEqual(["缺少基期（2020年）数据", "没有年度增速数据，趋势按零增长"]);
    expect(list.messages.map((message) => message.key)).toEqual(["target.baselineMissing", "forecast.noGrowthRates"]);
  });

  it("fall back to the stored notes for unknown keys or missing messages", () => {
    expect(isNoteMessageKey("forecast.noRevenue")).toBe(true);
    expect(isNoteMessageKey("forecast.unknown")).toBe(false);
    expect(renderNote({ key: "forecast.unknown", params: {} }, "en")).toBeUndefined();
    const notes = ["缺少基期（2020年）数据"];
    expect(noteTexts(notes, [{ key: "target.baselineMissing", params: { year: 2020 } }], "en")).toEqual([
      "No data for the baseline year (2020)",
    ]);
    expect(noteTexts(notes, undefined, "en")).toEqual(notes);
    expect(noteTexts(notes, [{ key: "later.key", params: {} }], "en")).toEqual(notes);
    expect(noteTexts(notes, [], "en")).toEqual(notes);
  });

  it("title and annotate the records behind a figure as they always read in Chinese, and in English", () => {
    const zh = (message: NoteMessage) => renderNote(message, "zh-CN");
    const en = (message: NoteMessage) => renderNote(message, "en");
    const filtered = noteMessage("records.aboveScaleRevenue", {
      year: 2022,
      filter: "智能装备",
      filterEn: "Smart equipment",
    });
    expect(zh(filtered)).toBe("2022年规上工业企业营业收入（智能装备）");
    expect(en(filtered)).toBe("Revenue of above-scale industrial enterprises, 2022 (Smart equipment)");
    expect(zh(noteMessage("records.aboveScaleCount", { year: 2022, filter: "", filterEn: "" }))).toBe(
      "2022年规上工业企业",
    );
    const month = noteMessage("records.monthRevenue", { year: 2023, month: 6, filter: "", filterEn: "" });
    expect(zh(month)).toBe("2023年6月规上工业企业营业收入");
    expect(en(month)).toBe("Revenue of above-scale industrial enterprises, June 2023");
    const toDate = noteMessage("records.periodRevenue", { year: 2023, month: 6, filter: "", filterEn: "" });
    expect(zh(toDate)).toBe("2023年1—6月规上工业企业营业收入");
    expect(en(toDate)).toBe("Revenue of above-scale industrial enterprises, January–June 2023");
    const wholeYear = noteMessage("records.periodRevenue", { year: 2022, month: 12, filter: "", filterEn: "" });
    expect(zh(wholeYear)).toBe("2022年规上工业企业营业收入");
    expect(en(wholeYear)).toBe("Revenue of above-scale industrial enterprises, 2022");
    expect(zh(noteMessage("records.projectsInStage", { stage: "signed" }))).toBe("项目（签约落地）");
    expect(en(noteMessage("records.projectsInStage", { stage: "signed" }))).toBe("Projects (signed)");
    expect(zh(noteMessage("records.reserve", { directoryYear: "—", lastYear: 2022 }))).toBe(
      "规上企业后备库（—年名录，营业收入为2022年）",
    );
    const target = noteMessage("records.target", {
      name: "规上工业企业数",
      nameEn: "Above-scale enterprises",
      year: 2023,
    });
    expect(zh(target)).toBe("规上工业企业数：2023年");
    expect(en(target)).toBe("Above-scale enterprises: 2023");
    const missing = noteMessage("records.missingRevenue", { name: "长江精工", year: 2022 });
    expect(zh(missing)).toBe("长江精工 缺少2022年营业收入，按零计");
    expect(en(missing)).toBe("长江精工 lacks its 2022 revenue, counted as zero");
    expect(zh(noteMessage("records.directoryScope", { year: 2022 }))).toBe(
      "企业范围：2022年规上企业名录；上年同期为同一批企业",
    );
    const ratio = noteMessage("records.ratio", { numerator: "45", denominator: "60" });
    expect(zh(ratio)).toBe("分子 45，分母 60");
    expect(en(ratio)).toBe("Numerator 45, denominator 60");
    expect(zh(noteMessage("records.netIncrease", {}))).toBe("+1 为新增入规，−1 为退规；合计即净增");
    expect(en(noteMessage("records.status.entered", { year: 2021 }))).toBe("Entered in 2021");
    expect(en(noteMessage("records.item.keyProject", { name: "新能源电池项目" }))).toBe("Key project: 新能源电池项目");
  });

  it("explain a G3 enterprise's outlook as the forecast always wrote it in Chinese, and in English", () => {
    expect(renderNote(noteMessage("forecast.aboveScale.deadlineDirectoryKnown", {}), "zh-CN")).toBe("截止年名录已知");
    expect(renderNote(noteMessage("forecast.aboveScale.decidingRevenueKnown", { year: 2023 }), "zh-CN")).toBe(
      "2023年营业收入已知",
    );
    expect(renderNote(noteMessage("forecast.aboveScale.decidingRevenueKnown", { year: 2023 }), "en")).toBe(
      "The 2023 revenue is known",
    );
    expect(renderNote(noteMessage("forecast.aboveScale.noRevenueStays", {}), "zh-CN")).toBe(
      "无营业收入数据，假定保持规上",
    );
  });
});
