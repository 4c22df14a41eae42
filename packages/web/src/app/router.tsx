import { type ComponentType, lazy, type ReactNode } from "react";
import { createBrowserRouter, Navigate, useLocation } from "react-router-dom";
import { type Role, useCurrentUser } from "../features/auth";
import { ForbiddenResult, NotFoundResult, PageLoading, QueryBoundary } from "../shared/components/status-results";
import { AppLayout } from "./app-layout";

/** Each page is its own chunk, so the first screen loads only what it shows. */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = lazyPage(() => import("../features/auth/components/login-page"), "LoginPage");
const ActivationPage = lazyPage(() => import("../features/auth/components/activation-page"), "ActivationPage");
const ChangePasswordPage = lazyPage(
  () => import("../features/auth/components/change-password-page"),
  "ChangePasswordPage",
);
const PlanPage = lazyPage(() => import("../features/plan/components/plan-page"), "PlanPage");
const EnterprisesPage = lazyPage(
  () => import("../features/enterprises/components/enterprises-page"),
  "EnterprisesPage",
);
// An enterprise's page shows its requests in a card the requests feature draws; joined here, in the app, because the
// requests depend on the register to choose an enterprise.
const EnterpriseDetailPage = lazy(async () => {
  const [{ EnterpriseDetailPage: Page }, { EnterpriseRequestsCard }] = await Promise.all([
    import("../features/enterprises/components/enterprise-detail-page"),
    import("../features/requests/components/enterprise-requests-card"),
  ]);
  return { default: () => <Page RequestsCard={EnterpriseRequestsCard} /> };
});
const OwnEnterpriseRedirect = lazyPage(
  () => import("../features/enterprises/components/own-enterprise-redirect"),
  "OwnEnterpriseRedirect",
);
const ImportsPage = lazyPage(() => import("../features/imports/components/imports-page"), "ImportsPage");
const MonitoringPage = lazyPage(() => import("../features/enterprises/components/monitoring-page"), "MonitoringPage");
const ProjectsPage = lazyPage(() => import("../features/projects/components/projects-page"), "ProjectsPage");
const ProjectDetailPage = lazyPage(
  () => import("../features/projects/components/project-detail-page"),
  "ProjectDetailPage",
);
const UsersPage = lazyPage(() => import("../features/users/components/users-page"), "UsersPage");
const UnitsPage = lazyPage(() => import("../features/units/components/units-page"), "UnitsPage");
const ApiDocsPage = lazyPage(() => import("../features/api-docs/components/api-docs-page"), "ApiDocsPage");
const AuditPage = lazyPage(() => import("../features/audit/components/audit-page"), "AuditPage");
const CalendarPage = lazyPage(() => import("../features/calendar/components/calendar-page"), "CalendarPage");
const HomePage = lazyPage(() => import("../features/home/components/home-page"), "HomePage");
const DashboardPage = lazyPage(() => import("../features/dashboard/components/dashboard-page"), "DashboardPage");
const RegionPage = lazyPage(() => import("../features/region/components/region-page"), "RegionPage");
const TodoHome = lazyPage(() => import("../features/home/components/todo-home"), "TodoHome");
const TargetsPage = lazyPage(() => import("../features/targets/components/targets-page"), "TargetsPage");
const BoardPage = lazyPage(() => import("../features/board/components/board-page"), "BoardPage");
const PublicBoardPage = lazyPage(() => import("../features/board/components/public-board-page"), "PublicBoardPage");
const RegionBoardPage = lazyPage(() => import("../features/region/components/region-board-page"), "RegionBoardPage");
const TasksPage = lazyPage(() => import("../features/tasks/components/tasks-page"), "TasksPage");
const TaskDetailPage = lazyPage(() => import("../features/tasks/components/task-detail-page"), "TaskDetailPage");
const SupervisionPage = lazyPage(
  () => import("../features/supervision/components/supervision-page"),
  "SupervisionPage",
);

const RequestsPage = lazyPage(() => import("../features/requests/components/requests-page"), "RequestsPage");
const RequestDetailPage = lazyPage(
  () => import("../features/requests/components/request-detail-page"),
  "RequestDetailPage",
);
const ServiceDaysPage = lazyPage(() => import("../features/requests/components/service-days-page"), "ServiceDaysPage");
const RewardsPage = lazyPage(() => import("../features/rewards/components/rewards-page"), "RewardsPage");
const RewardsBudgetPage = lazyPage(() => import("../features/rewards/components/budget-page"), "RewardsBudgetPage");
const ScenariosPage = lazyPage(() => import("../features/scenarios/components/scenarios-page"), "ScenariosPage");
const WhyNotPage = lazyPage(() => import("../features/rewards/components/why-not-page"), "WhyNotPage");
const MyRewardsPage = lazyPage(() => import("../features/rewards/components/my-rewards-page"), "MyRewardsPage");
const FeesPage = lazyPage(() => import("../features/fees/components/fees-page"), "FeesPage");
const LandPage = lazyPage(() => import("../features/land/components/land-page"), "LandPage");
const EventsPage = lazyPage(() => import("../features/events/components/events-page"), "EventsPage");
const TalentPage = lazyPage(() => import("../features/talent/components/talent-page"), "TalentPage");
const PublicFeesPage = lazyPage(() => import("../features/fees/components/public-fees-page"), "PublicFeesPage");
const PublicRewardsPage = lazyPage(
  () => import("../features/rewards/components/public-rewards-page"),
  "PublicRewardsPage",
);
const RulesIndexPage = lazyPage(() => import("../features/rules/components/rules-index-page"), "RulesIndexPage");
const RulePageView = lazyPage(() => import("../features/rules/components/rule-page"), "RulePageView");
const PublicRulesPage = lazyPage(() => import("../features/rules/components/public-rules-page"), "PublicRulesPage");
const PublicRulePage = lazyPage(() => import("../features/rules/components/public-rules-page"), "PublicRulePage");

const changePasswordPath = "/account/password";

/** Signed-in area: sends strangers to the login page and a user with a temporary password to change it first. */
function SignedInArea() {
  const currentUser = useCurrentUser();
  const location = useLocation();
  return (
    <QueryBoundary isPending={currentUser.isPending} error={currentUser.error}>
      {() => {
        const user = currentUser.data;
        if (!user) {
          const next = `${location.pathname}${location.search}`;
          return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
        }
        if (user.mustChangePassword && location.pathname !== changePasswordPath) {
          return <Navigate to={changePasswordPath} replace />;
        }
        return <AppLayout user={user} />;
      }}
    </QueryBoundary>
  );
}

/**
 * 首页: every role's to-do list (待办) and notifications first; then the leaders' dashboard for the office, leaders
 * and inspectors, the welcome and shortcuts for others.
 */
function HomeOrDashboard() {
  const user = useCurrentUser().data;
  if (!user) return null;
  if (user.role === "region") return <RegionPage />;
  if (user.role === "office" || user.role === "leader" || user.role === "inspector")
    return (
      <>
        <TodoHome />
        <DashboardPage />
      </>
    );
  return <HomePage />;
}

/** A page only some roles may open; the others see 无权访问 rather than a broken page. */
function OnlyFor({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const currentUser = useCurrentUser();
  if (!currentUser.data) return <PageLoading />;
  return roles.includes(currentUser.data.role) ? children : <ForbiddenResult />;
}

const staff: Role[] = ["office", "leader", "unit", "inspector"];
/** Staff and a region (市/省), which reads its districts' pages and writes nothing. */
const readers: Role[] = [...staff, "region"];

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  { path: "/activate", element: <ActivationPage /> },
  // The command board and the public board are full-screen, outside the app's layout.
  { path: "/board", element: <BoardPage /> },
  { path: "/public/board", element: <PublicBoardPage /> },
  // A region's (市/省) board of its districts side by side: its accounts only.
  { path: "/region/board", element: <RegionBoardPage /> },
  // The rewards listed in public (公示): no login, readable on a phone.
  { path: "/public/rewards", element: <PublicRewardsPage /> },
  // The reward rules with their calculator, when the office publishes them: no login.
  { path: "/public/rules", element: <PublicRulesPage /> },
  { path: "/public/rules/:ruleId", element: <PublicRulePage /> },
  // The published list of fees charged to enterprises (涉企收费清单): no login, readable on a phone.
  { path: "/fees", element: <PublicFeesPage /> },
  {
    path: "/",
    element: <SignedInArea />,
    children: [
      { index: true, element: <HomeOrDashboard /> },
      { path: "plan", element: <PlanPage /> },
      // A region's view of the district it reads (the district's own staff have it on their home page).
      {
        path: "dashboard",
        element: (
          <OnlyFor roles={["region"]}>
            <DashboardPage />
          </OnlyFor>
        ),
      },
      {
        path: "targets",
        element: (
          <OnlyFor roles={readers}>
            <TargetsPage />
          </OnlyFor>
        ),
      },
      {
        path: "enterprises",
        element: (
          <OnlyFor roles={readers}>
            <EnterprisesPage />
          </OnlyFor>
        ),
      },
      // The server decides who may read one enterprise; an enterprise account sees only its own.
      { path: "enterprises/:enterpriseId", element: <EnterpriseDetailPage /> },
      { path: "my-enterprise", element: <OwnEnterpriseRedirect /> },
      {
        path: "projects",
        element: (
          <OnlyFor roles={readers}>
            <ProjectsPage />
          </OnlyFor>
        ),
      },
      {
        path: "projects/:projectId",
        element: (
          <OnlyFor roles={readers}>
            <ProjectDetailPage />
          </OnlyFor>
        ),
      },
      {
        path: "imports",
        element: (
          <OnlyFor roles={["office", "unit"]}>
            <ImportsPage />
          </OnlyFor>
        ),
      },
      {
        path: "monitoring",
        element: (
          <OnlyFor roles={readers}>
            <MonitoringPage />
          </OnlyFor>
        ),
      },
      { path: "account/password", element: <ChangePasswordPage /> },
      // The API's reference, for whoever connects another system: any signed-in account.
      { path: "api-docs", element: <ApiDocsPage /> },
      {
        path: "admin/users",
        element: (
          <OnlyFor roles={["office"]}>
            <UsersPage />
          </OnlyFor>
        ),
      },
      {
        path: "admin/units",
        element: (
          <OnlyFor roles={["office"]}>
            <UnitsPage />
          </OnlyFor>
        ),
      },
      {
        path: "admin/calendar",
        element: (
          <OnlyFor roles={["office"]}>
            <CalendarPage />
          </OnlyFor>
        ),
      },
      {
        path: "admin/audit",
        element: (
          <OnlyFor roles={["office"]}>
            <AuditPage />
          </OnlyFor>
        ),
      },
      {
        path: "tasks",
        element: (
          <OnlyFor roles={staff}>
            <TasksPage />
          </OnlyFor>
        ),
      },
      {
        path: "tasks/:taskId",
        element: (
          <OnlyFor roles={staff}>
            <TaskDetailPage />
          </OnlyFor>
        ),
      },
      {
        path: "supervision",
        element: (
          <OnlyFor roles={staff}>
            <SupervisionPage />
          </OnlyFor>
        ),
      },
      {
        path: "rewards",
        element: (
          <OnlyFor roles={staff}>
            <RewardsPage />
          </OnlyFor>
        ),
      },
      {
        path: "rewards/budget",
        element: (
          <OnlyFor roles={staff}>
            <RewardsBudgetPage />
          </OnlyFor>
        ),
      },
      {
        path: "rewards/scenarios",
        element: (
          <OnlyFor roles={["office", "leader"]}>
            <ScenariosPage />
          </OnlyFor>
        ),
      },
      {
        path: "rewards/why-not",
        element: (
          <OnlyFor roles={staff}>
            <WhyNotPage />
          </OnlyFor>
        ),
      },
      {
        path: "my-rewards",
        element: (
          <OnlyFor roles={["enterprise"]}>
            <MyRewardsPage />
          </OnlyFor>
        ),
      },
      // Every role reads the reward rules and tries them; the server gives an enterprise its own figures only.
      { path: "rules", element: <RulesIndexPage /> },
      { path: "rules/:ruleId", element: <RulePageView /> },
      // Every role has the requests pages; the server narrows what each sees and may do.
      { path: "requests", element: <RequestsPage /> },
      { path: "requests/:requestId", element: <RequestDetailPage /> },
      // Every role: enterprises file and follow their complaints about fees, the server narrows the rest.
      { path: "fee-list", element: <FeesPage /> },
      {
        path: "land",
        element: (
          <OnlyFor roles={staff}>
            <LandPage />
          </OnlyFor>
        ),
      },
      // Every role: enterprises see the trainings and salons open to them and their invitations (the server narrows).
      { path: "events", element: <EventsPage /> },
      // Staff read the ledger and match; enterprises post jobs and follow their recommendations (the server narrows).
      { path: "talent", element: <TalentPage /> },
      {
        path: "service-days",
        element: (
          <OnlyFor roles={staff}>
            <ServiceDaysPage />
          </OnlyFor>
        ),
      },
      { path: "*", element: <NotFoundResult /> },
    ],
  },
]);
