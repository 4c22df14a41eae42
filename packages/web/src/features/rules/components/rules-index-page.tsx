import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useRulesIndex, useSetRulesPublication } from "../api/rules-api";
import { rulePath } from "./rule-link";

/** Every reward rule of the plan with what it pays, each opening its page; the office publishes the pages here. */
export function RulesIndexPage() {
  const t = useT();
  const index = useRulesIndex();
  const user = useCurrentUser().data;
  const localized = useLocalizedText();
  const { language } = useLanguage();
  return (
    <div>
      <Typography.Title level={3}>{t("rules.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("rules.intro")}</Typography.Paragraph>
      <QueryBoundary isPending={index.isPending} error={index.error}>
        {() =>
          index.data ? (
            <>
              {user?.role === "office" && <Publication published={index.data.published} />}
              <Typography.Title level={5}>{localized(index.data.plan.title, index.data.plan.titleEn)}</Typography.Title>
              <List
                grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }}
                dataSource={index.data.rules}
                renderItem={(rule) => (
                  <List.Item>
                    <Card
                      size="small"
                      title={
                        <Link to={rulePath(rule.ruleId)} data-testid={`rules-index-${rule.ruleId}`}>
                          {language === "en" ? rule.nameEn : rule.name}
                        </Link>
                      }
                      extra={<Tag color="blue">{t("rules.clause", { clause: rule.clause })}</Tag>}
                    >
                      <Typography.Paragraph style={{ marginBottom: 4 }}>
                        {language === "en" ? rule.pays.en : rule.pays.zh}
                      </Typography.Paragraph>
                      <Tag>{t(`rules.subject.${rule.subject}`)}</Tag>
                    </Card>
                  </List.Item>
                )}
              />
            </>
          ) : null
        }
      </QueryBoundary>
    </div>
  );
}

function Publication({ published }: { published: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const set = useSetRulesPublication();
  const change = (next: boolean) => set.mutate(next, { onError: (error) => message.error(errorText(error)) });
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="rules-publication">
      <Space wrap>
        <Tag color={published ? "green" : "default"}>{published ? t("rules.published") : t("rules.unpublished")}</Tag>
        <Popconfirm
          title={published ? t("rules.withdrawConfirm") : t("rules.publishConfirm")}
          onConfirm={() => change(!published)}
          okText={t("common.confirm")}
          cancelText={t("common.cancel")}
        >
          <Button loading={set.isPending} type={published ? "default" : "primary"}>
            {published ? t("rules.withdraw") : t("rules.publish")}
          </Button>
        </Popconfirm>
        {published && (
          <a href="/public/rules" target="_blank" rel="noreferrer">
            {t("rules.publicLink")}
          </a>
        )}
      </Space>
    </Card>
  );
}
