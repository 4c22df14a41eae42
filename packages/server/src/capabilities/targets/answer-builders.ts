/** Each kept answer's builder by name, for the thread that computes answers (it is handed names, not functions). */
import type { AnswerBuilder, AnswerName } from "./answers.service";
import { dashboardAnswer, publicBoardAnswer } from "./dashboard.service";
import { summaryAnswer, targetsAnswer } from "./targets.service";

export const ANSWER_BUILDERS: Record<AnswerName, AnswerBuilder> = {
  dashboard: dashboardAnswer,
  targets: targetsAnswer,
  "public-board": publicBoardAnswer,
  summary: summaryAnswer,
};
