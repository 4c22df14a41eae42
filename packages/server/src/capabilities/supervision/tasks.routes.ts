import {
  AsOfQuerySchema,
  RemindersRunSchema,
  TaskDetailSchema,
  TaskListSchema,
  TaskPatchSchema,
  TaskQuerySchema,
  TasksSeededSchema,
  TaskUpdatedSchema,
} from "@beizeng/contract/supervision";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { runTaskReminders } from "./reports.service";
import { getTaskDetail, listTasks, seedTasksFromPlan, updateTask } from "./tasks.service";
import { exportTaskList } from "./tasks-export";

export async function tasksRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get(
    "/api/tasks",
    { config: { request: { query: TaskQuerySchema }, permission: "tasks.read", response: TaskListSchema } },
    async (request) => listTasks(db, currentUser(request), parseInput(TaskQuerySchema, request.query, "查询任务")),
  );

  app.get(
    "/api/tasks/export",
    { config: { request: { query: TaskQuerySchema }, permission: "tasks.read", response: "file" } },
    async (request, reply) =>
      exportTaskList(db, currentUser(request), parseInput(TaskQuerySchema, request.query, "导出任务"), reply),
  );

  app.post(
    "/api/tasks/seed",
    { config: { permission: "tasks.manage", response: TasksSeededSchema } },
    async (request) => seedTasksFromPlan(db, currentUser(request).districtId, actorOf(request)),
  );

  app.post(
    "/api/tasks/reminders/run",
    { config: { permission: "tasks.manage", response: RemindersRunSchema } },
    async (request) => runTaskReminders(db, currentUser(request).districtId),
  );

  app.get(
    "/api/tasks/:id",
    {
      config: {
        request: { params: idParamSchema, query: AsOfQuerySchema },
        permission: "tasks.read",
        response: TaskDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { asOf } = parseInput(AsOfQuerySchema, request.query, "查询任务");
      return getTaskDetail(db, currentUser(request), id, asOf);
    },
  );

  app.patch(
    "/api/tasks/:id",
    {
      config: {
        request: { params: idParamSchema, body: TaskPatchSchema },
        permission: "tasks.manage",
        response: TaskUpdatedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const patch = parseInput(TaskPatchSchema, request.body, "修改任务");
      return updateTask(db, currentUser(request), id, patch, actorOf(request));
    },
  );
}
