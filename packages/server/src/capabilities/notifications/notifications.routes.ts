import { NotificationListSchema, NotificationReadSchema } from "@beizeng/contract/notifications";
import type { FastifyInstance } from "fastify";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { listNotifications, readNotification } from "./notifications.service";

export async function notificationsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get(
    "/api/notifications",
    { config: { permission: "notifications.read", response: NotificationListSchema } },
    async (request) => listNotifications(db, currentUser(request)),
  );

  app.post(
    "/api/notifications/:id/read",
    {
      config: {
        request: { params: idParamSchema },
        permission: "notifications.read",
        response: NotificationReadSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return readNotification(db, currentUser(request), id);
    },
  );
}
