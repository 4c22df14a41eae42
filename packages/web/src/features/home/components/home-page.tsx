import { Button, Col, Row, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser, useMeta } from "../../auth";
import { usePlan } from "../../plan";
import { useUnitName } from "../../units";
import { navigationFor } from "../role-navigation";
import { TodoHome } from "./todo-home";

/**
 * The home of a unit or an enterprise: a welcome, what waits for it (待办) and its notifications, then the shortcuts
 * of its role.
 */
export function HomePage() {
  const t = useT();
  const currentUser = useCurrentUser();
  const meta = useMeta();
  const plan = usePlan();
  const localized = useLocalizedText();
  const unitName = useUnitName();
  const navigate = useNavigate();
  const user = currentUser.data;
  if (!user) return null;
  const shortcuts = navigationFor(user).filter((item) => item.path !== "/");

  return (
    <div>
      <Typography.Title level={3}>{t("home.welcome", { name: user.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("home.roleLine", { role: t(`role.${user.role}`) })}
        {user.unit ? ` · ${unitName(user.unit)}` : ""}
        {user.enterprise ? ` · ${user.enterprise.name}` : ""}
      </Typography.Paragraph>
      {meta.data?.plan ? (
        <Typography.Paragraph>
          {t("home.activePlan", { title: localized(meta.data.plan.title, plan.data?.titleEn) })}
        </Typography.Paragraph>
      ) : null}
      <TodoHome />
      <Typography.Title level={5}>{t("home.shortcuts")}</Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((item) => (
          <Col key={item.path} xs={24} sm={12} md={8} xl={6}>
            {/* Buttons, not links: the side menu holds the links, so role locators stay unambiguous. */}
            <Button
              block
              onClick={() => navigate(item.path)}
              style={{ height: "auto", padding: 16, display: "block", textAlign: "left", whiteSpace: "normal" }}
            >
              <Typography.Text strong>{t(item.label)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t(item.hint)}</Typography.Text>
            </Button>
          </Col>
        ))}
      </Row>
    </div>
  );
}
