import type { FastifyInstance } from "fastify";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { listNotifications, readNotification } from "./notifications.service";

export async function notificationsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get("/api/notifications", { config: { permission: "notifications.read" } }, async (request) =>
    listNotifications(db, currentUser(request)),
  );

  app.post("/api/notifications/:id/read", { config: { permission: "notifications.read" } }, async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    return readNotification(db, currentUser(request), id);
  });
}
