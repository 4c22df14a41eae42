/**
 * The caller's to-do list (/api/todo, 待办): what waits for the caller's role and unit, each line with its count, the
 * money it concerns where it does, and the page where it is done, in the order the work should be taken up.
 */
import { z } from "zod";

/** The kinds of work a to-do line names; the web words each in both languages. */
export const TODO_KINDS = [
  // An enterprise: its rewards to confirm (免申即享), answers to its requests to rate.
  "rewards.confirm",
  "requests.rate",
  // An enterprise: invitations to a training or salon to answer, events its persons attended to rate.
  "events.answer",
  "events.feedback",
  // The office: requests to assign, answers the enterprise was not satisfied with.
  "requests.assign",
  "requests.unsatisfied",
  // A unit: requests assigned to it to accept, accepted ones to answer; project problems to answer.
  "requests.accept",
  "requests.answer",
  "blockers.answer",
  // The host unit of a training or salon begun: its persons' attendance to mark.
  "events.attendance",
  // A step of the plan's award workflow the caller acts at (review, publicity, approval, payment).
  "rewards.step",
  // Reporting periods of the caller's tasks past their deadline and not reported.
  "tasks.report",
  // Leaders and the commission: requests past their time limit, tasks in red, problems past their due date.
  "requests.overdue",
  "tasks.red",
  "blockers.overdue",
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TodoItemSchema = z.strictObject({
  kind: z.enum(TODO_KINDS),
  /** How many things wait. */
  count: z.number().int().positive(),
  /** Of them, how many are past their time limit. */
  overdue: z.number().int().nonnegative(),
  /** Exact fen of the amounts waiting (rewards), decimal text; null where no money is concerned. */
  amountFen: z.string().nullable(),
  /** Rewards whose amount is still to be decided case by case. */
  undecided: z.number().int().nonnegative(),
  /** The workflow step waited for (rewards.step), as the plan names it. */
  step: z.strictObject({ id: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
  /** The page where the work is done. */
  link: z.string(),
});
export type TodoItem = z.infer<typeof TodoItemSchema>;

export const TodoListSchema = z.strictObject({
  items: z.array(TodoItemSchema),
  /** The caller's notifications not yet read. */
  unreadNotifications: z.number().int().nonnegative(),
});
export type TodoList = z.infer<typeof TodoListSchema>;
