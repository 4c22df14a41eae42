import { useCurrentUser } from "../../auth/api/auth-api";
import { HomePage } from "../../home/components/home-page";
import { NotificationsCard } from "../../tasks/components/notifications-card";
import { DashboardPage } from "./dashboard-page";

/**
 * 首页: the leaders' dashboard for the office, leaders and inspectors; the welcome page for others. A leader's
 * notifications (the red warnings of its enterprises' requests) head it: units and the office read theirs on the
 * tasks page, which leaders do not use for that.
 */
export function HomeOrDashboard() {
  const user = useCurrentUser().data;
  if (!user) return null;
  if (user.role === "leader")
    return (
      <>
        <NotificationsCard />
        <DashboardPage />
      </>
    );
  return user.role === "office" || user.role === "inspector" ? <DashboardPage /> : <HomePage />;
}
