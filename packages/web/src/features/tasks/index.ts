/** The notifications card that the home pages show above their content. */
export { NotificationsCard } from "./components/notifications-card";
