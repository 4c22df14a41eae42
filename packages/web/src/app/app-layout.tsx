import {
  AimOutlined,
  AlertOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CoffeeOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DesktopOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { Breadcrumb, Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography } from "antd";
import { type ReactNode, Suspense, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { type CurrentUser, DemoBanner, useLogout, useMeta } from "../features/auth";
import { navigationFor, selectedNavigationPath } from "../features/home";
import { usePlan } from "../features/plan";
import { RegionDistrictSwitch } from "../features/region";
import { useUnits } from "../features/units";
import { LanguageSwitch } from "../shared/components/language-switch";
import { PageLoading } from "../shared/components/status-results";
import { useLanguage, useLocalizedText, useT } from "../shared/i18n/i18n";
import { breadcrumbTrail } from "./breadcrumbs";

const icons: Record<string, ReactNode> = {
  "/": <HomeOutlined />,
  "/plan": <FileTextOutlined />,
  "/targets": <AimOutlined />,
  "/dashboard": <DashboardOutlined />,
  "/board": <DesktopOutlined />,
  "/region/board": <DesktopOutlined />,
  "/monitoring": <AlertOutlined />,
  "/imports": <UploadOutlined />,
  "/tasks": <CarryOutOutlined />,
  "/supervision": <FileSearchOutlined />,
  "/rewards": <GiftOutlined />,
  "/my-rewards": <GiftOutlined />,
  "/enterprises": <ShopOutlined />,
  "/my-enterprise": <ShopOutlined />,
  "/projects": <ProjectOutlined />,
  "/requests": <CustomerServiceOutlined />,
  "/service-days": <CalendarOutlined />,
  "/fee-list": <DollarOutlined />,
  "/land": <EnvironmentOutlined />,
  "/events": <CoffeeOutlined />,
  "/talent": <IdcardOutlined />,
  "/admin/users": <TeamOutlined />,
  "/admin/units": <BankOutlined />,
  "/admin/calendar": <ScheduleOutlined />,
  "/admin/audit": <AuditOutlined />,
};

export function AppLayout({ user }: { user: CurrentUser }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  // Below md (a phone held upright) the header keeps the title and the actions' icons only.
  const narrow = screens.md === false;
  // Below lg the side menu would cover the page: it opens from the header as a drawer instead.
  const menuInDrawer = screens.lg === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const meta = useMeta();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const items = navigationFor(user);
  const localized = useLocalizedText();
  // The English names live in the plan (district) and the unit list; asked for only in English.
  const english = useLanguage().language === "en";
  const plan = usePlan({ enabled: english });
  const units = useUnits({ enabled: english && user.unit !== null });
  const districtName = meta.data?.district?.name ? localized(meta.data.district.name, plan.data?.district.nameEn) : "";
  const ownUnit = user.unit ? units.data?.find((unit) => unit.id === user.unit?.id) : undefined;
  const unitName = user.unit ? localized(user.unit.name, ownUnit?.nameEn) : null;

  const trail = breadcrumbTrail(items, location.pathname);

  const menu = (
    <nav aria-label={t("nav.label")}>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selectedNavigationPath(items, location.pathname) ?? ""]}
        onClick={() => setMenuOpen(false)}
        items={items.map((item) => ({
          key: item.path,
          icon: icons[item.path],
          label: <Link to={item.path}>{t(item.label)}</Link>,
        }))}
      />
    </nav>
  );
  const brand = (
    <Link
      to="/"
      onClick={() => setMenuOpen(false)}
      style={{ display: "flex", alignItems: "center", gap: 8, height: 64, padding: "0 20px", color: "#fff" }}
    >
      <AppstoreOutlined style={{ fontSize: 20 }} />
      <span style={{ fontSize: 18, fontWeight: 600 }}>{t("app.name")}</span>
    </Link>
  );

  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) });

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <DemoBanner />
      <Layout>
        {menuInDrawer ? (
          <Drawer
            placement="left"
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            closable={false}
            size={Math.min(256, window.innerWidth - 48)}
            styles={{ body: { padding: 0, background: "#001529" } }}
          >
            {brand}
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="dark">
            {brand}
            {menu}
          </Layout.Sider>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Layout.Header
            style={{
              background: "#fff",
              padding: narrow ? "0 8px 0 16px" : "0 24px",
              display: "flex",
              alignItems: "center",
              justifyContent: "space-between",
              gap: 16,
              borderBottom: "1px solid #f0f0f0",
            }}
          >
            {menuInDrawer ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setMenuOpen(true)}
                aria-label={t("nav.open")}
                title={t("nav.open")}
                style={{ flex: "none", marginRight: -8 }}
              />
            ) : null}
            <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0, flex: 1 }}>
              {districtName}
              {districtName ? " · " : ""}
              {t("app.subtitle")}
            </Typography.Text>
            <Space size={narrow ? 0 : "small"} wrap={false} style={{ flex: "none" }}>
              {/* On a phone the account's name and tags give way to the actions, which keep only their icons. */}
              {narrow ? null : (
                <>
                  <Typography.Text style={{ whiteSpace: "nowrap" }}>{user.displayName}</Typography.Text>
                  <Tag color="blue">{t(`role.${user.role}`)}</Tag>
                  {unitName ? <Tag>{unitName}</Tag> : null}
                </>
              )}
              <LanguageSwitch compact={narrow} />
              <Button
                type="text"
                icon={<ApiOutlined />}
                onClick={() => navigate("/api-docs")}
                aria-label={t("apiDocs.title")}
                title={t("apiDocs.title")}
              >
                {narrow ? null : t("apiDocs.title")}
              </Button>
              <Button
                type="text"
                icon={<KeyOutlined />}
                onClick={() => navigate("/account/password")}
                aria-label={t("nav.changePassword")}
                title={t("nav.changePassword")}
              >
                {narrow ? null : t("nav.changePassword")}
              </Button>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                onClick={signOut}
                loading={logout.isPending}
                aria-label={t("nav.logout")}
                title={t("nav.logout")}
              >
                {narrow ? null : t("nav.logout")}
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ margin: narrow ? 12 : 24, minWidth: 0 }}>
            {/* A region account reads one of its districts at a time: which one, and a way to another. */}
            {user.role === "region" ? (
              <Space size="small" wrap style={{ marginBottom: narrow ? 8 : 12 }}>
                <Typography.Text type="secondary">{t("region.reading")}</Typography.Text>
                <RegionDistrictSwitch />
                <Tag>{t("region.readOnlyTag")}</Tag>
              </Space>
            ) : null}
            {trail.length > 0 ? (
              <nav aria-label={t("breadcrumb.label")} style={{ marginBottom: narrow ? 8 : 12 }}>
                <Breadcrumb
                  items={trail.map((crumb) => ({
                    key: crumb.path ?? crumb.label,
                    title: crumb.path ? <Link to={crumb.path}>{t(crumb.label)}</Link> : t(crumb.label),
                  }))}
                />
              </nav>
            ) : null}
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </Layout>
  );
}
