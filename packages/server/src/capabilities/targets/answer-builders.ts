/** Each kept answer's builder by name, for the thread that computes answers (it is handed names, not functions). */
import type { AnswerBuilder, AnswerName, TransientAnswerName } from "./answers.service";
import {
  chartTableAnswer,
  dashboardAnswer,
  publicBoardAnswer,
  recordsAnswer,
  recordsTableAnswer,
} from "./dashboard.service";
import { summaryAnswer, targetsAnswer } from "./targets.service";

export const ANSWER_BUILDERS: Record<AnswerName | TransientAnswerName, AnswerBuilder> = {
  dashboard: dashboardAnswer,
  targets: targetsAnswer,
  "public-board": publicBoardAnswer,
  summary: summaryAnswer,
  "dashboard-records": recordsAnswer,
  "target-records": recordsAnswer,
  "records-table": recordsTableAnswer,
  "chart-table": chartTableAnswer,
};
