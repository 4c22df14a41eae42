/**
 * The words for a range of dates as reports and bulletins name a period: a year, a quarter, a month, a run of
 * months, or the two dates — in Chinese as documents write them (2023年第二季度) and in English (Q2 2023).
 */

export type RangeLanguage = "zh-CN" | "en";

const QUARTER_NAMES = ["第一季度", "第二季度", "第三季度", "第四季度"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split("-").map(Number);
  return [year ?? 0, month ?? 0, day ?? 0];
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateWords(date: string, language: RangeLanguage): string {
  const [year, month, day] = parts(date);
  return language === "en" ? `${day} ${MONTHS_EN[month - 1]} ${year}` : `${year}年${month}月${day}日`;
}

/** 2023年第二季度 / Q2 2023, 2023年度 / 2023, 2023年5月 / May 2023, 2023年1—6月 / Jan–Jun 2023, or the two dates. */
export function dateRangeLabel(from: string, to: string, language: RangeLanguage): string {
  const [fromYear, fromMonth, fromDay] = parts(from);
  const [toYear, toMonth, toDay] = parts(to);
  const en = language === "en";
  if (fromDay === 1 && fromYear === toYear && toDay === lastDayOfMonth(toYear, toMonth) && fromMonth <= toMonth) {
    if (fromMonth === 1 && toMonth === 12) return en ? String(fromYear) : `${fromYear}年度`;
    if (fromMonth === toMonth) return en ? `${MONTHS_EN[fromMonth - 1]} ${fromYear}` : `${fromYear}年${fromMonth}月`;
    if (toMonth - fromMonth === 2 && fromMonth % 3 === 1) {
      const quarter = (fromMonth - 1) / 3;
      return en ? `Q${quarter + 1} ${fromYear}` : `${fromYear}年${QUARTER_NAMES[quarter]}`;
    }
    return en
      ? `${MONTHS_EN[fromMonth - 1]}–${MONTHS_EN[toMonth - 1]} ${fromYear}`
      : `${fromYear}年${fromMonth}—${toMonth}月`;
  }
  return en
    ? `${dateWords(from, language)} – ${dateWords(to, language)}`
    : `${dateWords(from, language)}至${dateWords(to, language)}`;
}
