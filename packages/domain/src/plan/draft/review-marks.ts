/**
 * The fields of a drafted plan that a person must fill in. A draft cannot know a district's code, which fact a
 * reward is paid on or which target metric a sentence states; it writes REVIEW_MARK there instead, and the
 * loader refuses the file until every mark is replaced, naming each one. A draft whose marks are all filled is
 * an ordinary plan file: nothing else in it is draft-only.
 */

/** The value a draft writes where a person must decide. */
export const REVIEW_MARK = "〔待核定〕";

export interface UnfilledMark {
  path: (string | number)[];
  /** What to write there, in Chinese. */
  hint: string;
}

/** What each marked field asks for, by its last name in the path. */
const HINTS: Record<string, string> = {
  id: "计划编号（小写短横线格式，例如 my-district-2024-2026）",
  code: "六位行政区划代码",
  name: "名称",
  nameEn: "英文名称",
  titleEn: "英文标题",
  en: "条件的英文说明",
  city: "所属地级市",
  province: "所属省份",
  baselineYear: "基期年（四位数字）",
  startYear: "起始年（四位数字）",
  endYear: "结束年（四位数字）",
  per: "奖励对象：year（企业年度）、grant（扶持资金）、techProject（技改项目）或 project（招商项目）",
  once: "一次性口径：enterprise、tier、subject、year 或 project",
  test: "条件（CEL 表达式，例如 newlyAboveScale）",
  of: "计算所依据的数据（CEL 表达式，例如 revenue）",
  growthOf: "增幅所依据的指标：revenue 或 tax",
  percentOf: "按比例计算的基数（CEL 表达式，例如 techProject.equipmentInvoices）",
  is: "类别取值",
  metric: "目标指标（例如 aboveScaleRevenue、aboveScaleCount、introducedProjects）",
  deadline: "期限（YYYY-MM-DD）",
};

export function isReviewMark(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(REVIEW_MARK);
}

/** Every field of plan data still holding REVIEW_MARK, in document order, each with what to write there. */
export function unfilledReviewMarks(data: unknown): UnfilledMark[] {
  const marks: UnfilledMark[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (isReviewMark(value)) {
      const last = [...path].reverse().find((part): part is string => typeof part === "string") ?? "";
      marks.push({ path, hint: HINTS[last] ?? "待核定的取值" });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit(item, [...path, index]);
      });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(data, []);
  return marks;
}

/** The loader's message for one unfilled mark. */
export function unfilledMarkMessage(mark: UnfilledMark): string {
  return `草稿中标记为“待核定”的字段尚未填写：请填写${mark.hint}`;
}
