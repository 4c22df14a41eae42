/**
 * The words of the talent ledger (返乡人才台账, M13) the product fixes, without zod so that the web can import them:
 * a person's education, a job post's status and how a recommendation turned out.
 */

/** 初中及以下, 高中/中专/技校, 大专, 本科, 硕士, 博士 — in ascending order. */
export const EDUCATION_LEVELS = ["juniorHigh", "highSchool", "college", "bachelor", "master", "doctorate"] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The Chinese words of each level, as a file or a form writes them (the first is the one shown). */
export const EDUCATION_WORDS: Record<EducationLevel, readonly string[]> = {
  juniorHigh: ["初中及以下", "初中", "小学"],
  highSchool: ["高中/中专", "高中", "中专", "技校", "职高", "高中及中专"],
  college: ["大专", "专科", "高职"],
  bachelor: ["本科", "大学本科", "学士"],
  master: ["硕士", "研究生", "硕士研究生"],
  doctorate: ["博士", "博士研究生"],
};

/** The level a written word names, or undefined. */
export function educationOf(word: string): EducationLevel | undefined {
  const written = word.replace(/\s/g, "");
  return EDUCATION_LEVELS.find((level) => EDUCATION_WORDS[level].includes(written));
}

/** 招聘中, 已停止: only open posts are matched. */
export const JOB_POST_STATUSES = ["open", "closed"] as const;
export type JobPostStatus = (typeof JOB_POST_STATUSES)[number];

/**
 * 已推荐 → 已面试 → 已录用, or 未录用 at any step after the recommendation. A hired person is placed: no longer
 * matched to other posts.
 */
export const RECOMMENDATION_OUTCOMES = ["recommended", "interviewed", "hired", "declined"] as const;
export type RecommendationOutcome = (typeof RECOMMENDATION_OUTCOMES)[number];

/** The outcomes a recommendation may move to from each: forward only, and no step after hired or declined. */
export const NEXT_OUTCOMES: Record<RecommendationOutcome, readonly RecommendationOutcome[]> = {
  recommended: ["interviewed", "hired", "declined"],
  interviewed: ["hired", "declined"],
  hired: [],
  declined: [],
};
