import { useCurrentUser } from "../../auth/api/auth-api";
import { HomePage } from "../../home/components/home-page";
import { DashboardPage } from "./dashboard-page";

/** 首页: the leaders' dashboard for the office, leaders and inspectors; the welcome page for others. */
export function HomeOrDashboard() {
  const user = useCurrentUser().data;
  if (!user) return null;
  return user.role === "office" || user.role === "leader" || user.role === "inspector" ? (
    <DashboardPage />
  ) : (
    <HomePage />
  );
}
