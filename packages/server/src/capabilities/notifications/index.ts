/** What other capabilities, the app and the command line use of this capability. */

export { insertNotificationOnce, insertNotificationsOnce } from "./notifications.repository";
export { notificationsRoutes } from "./notifications.routes";
export type { UsersNotice } from "./notifications.service";
export {
  listNotifications,
  notificationView,
  notify,
  notifyUser,
  notifyUsers,
  notifyUsersInBulk,
  reviseNotices,
} from "./notifications.service";
export type { NotificationRow } from "./notifications.table";
