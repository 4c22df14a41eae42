import { TodoListSchema } from "@beizeng/contract/todo";
import type { FastifyInstance } from "fastify";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { todoOf } from "./todo.service";

export async function todoRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get("/api/todo", { config: { permission: "session", response: TodoListSchema } }, async (request) =>
    todoOf(db, currentUser(request)),
  );
}
