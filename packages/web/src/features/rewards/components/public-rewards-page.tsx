import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Result, Space, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { LanguageSwitch } from "../../../shared/components/language-switch";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import {
  type PublicEntry,
  type PublicPublicity,
  useFileObjection,
  usePublicPublicities,
  usePublicPublicity,
} from "../api/rewards-api";
import { PublicityStateTag } from "./reward-labels";

/**
 * The login-free page of the rewards being listed in public (公示) at /public/rewards: each running publicity's
 * list, readable on a phone, with an objection form on every reward. `?id=` shows one publicity (its dates once it
 * is over); `?district=` the publicities of one district.
 */
export function PublicRewardsPage() {
  const t = useT();
  const [params] = useSearchParams();
  const id = Number(params.get("id"));
  const one = Number.isInteger(id) && id > 0 ? id : null;
  return (
    <div style={{ minHeight: "100vh", background: "#f5f5f5" }}>
      <header
        style={{
          background: "#b71c1c",
          color: "#fff",
          padding: "12px 16px",
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 8,
        }}
      >
        <Typography.Title level={4} style={{ color: "#fff", margin: 0 }}>
          {t("rw.public.title")}
        </Typography.Title>
        <span style={{ background: "#fff", borderRadius: 6 }}>
          <LanguageSwitch />
        </span>
      </header>
      <main style={{ maxWidth: 760, margin: "0 auto", padding: "12px 12px 32px", boxSizing: "border-box" }}>
        {one !== null ? (
          <OnePublicity id={one} />
        ) : (
          <RunningPublicities district={params.get("district") ?? undefined} />
        )}
      </main>
    </div>
  );
}

function RunningPublicities({ district }: { district: string | undefined }) {
  const t = useT();
  const running = usePublicPublicities(district && /^\d{6}$/.test(district) ? district : undefined);
  return (
    <QueryBoundary isPending={running.isPending} error={running.error}>
      {() =>
        (running.data ?? []).length === 0 ? (
          <Empty style={{ marginTop: 64 }} description={t("rw.public.none")} />
        ) : (
          (running.data ?? []).map((publicity) => <PublicityCard key={publicity.id} publicity={publicity} />)
        )
      }
    </QueryBoundary>
  );
}

function OnePublicity({ id }: { id: number }) {
  const publicity = usePublicPublicity(id);
  return (
    <QueryBoundary isPending={publicity.isPending} error={publicity.error}>
      {() => (publicity.data ? <PublicityCard publicity={publicity.data} /> : null)}
    </QueryBoundary>
  );
}

/** The amount as the list shows it: exact 万元 in Chinese, millions of yuan in English. */
function amountText(entry: PublicEntry, language: "zh-CN" | "en", caseByCase: string): string {
  if (entry.amountFen === null || entry.amountWan === null) return caseByCase;
  return language === "en" ? formatFenForDisplay(entry.amountFen) : `${entry.amountWan} 万元`;
}

function PublicityCard({ publicity }: { publicity: PublicPublicity }) {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const [objecting, setObjecting] = useState<PublicEntry | null>(null);
  const office = localized(publicity.handledBy, publicity.handledByEn);
  return (
    <Card
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: 12 } }}
      data-testid={`publicity-${publicity.id}`}
      title={
        <div style={{ whiteSpace: "normal", lineHeight: 1.4, padding: "8px 0" }}>
          {localized(publicity.title, publicity.titleEn)}
        </div>
      }
    >
      <Space direction="vertical" size={4} style={{ width: "100%", marginBottom: 12 }}>
        <Typography.Text type="secondary">{localized(publicity.planTitle, publicity.planTitleEn)}</Typography.Text>
        <span>
          {t("rw.public.period", { start: publicity.startsOn, end: publicity.endsOn, days: publicity.days })}{" "}
          <PublicityStateTag state={publicity.state} />
        </span>
        <span>{t("rw.public.handledBy", { office })}</span>
      </Space>
      {publicity.state === "open" ? (
        <>
          <Alert type="info" showIcon title={t("rw.public.notice")} style={{ marginBottom: 12 }} />
          <Typography.Text strong>
            {t("rw.public.entries")} · {t("rw.public.count", { count: publicity.entryCount })}
          </Typography.Text>
          <List
            itemLayout="vertical"
            dataSource={publicity.entries}
            renderItem={(entry, index) => (
              <List.Item key={entry.itemId} style={{ padding: "10px 0" }}>
                <div style={{ display: "flex", justifyContent: "space-between", gap: 8, alignItems: "baseline" }}>
                  <Typography.Text strong style={{ wordBreak: "break-all" }}>
                    {index + 1}. {entry.enterpriseName}
                  </Typography.Text>
                  <Typography.Text strong style={{ whiteSpace: "nowrap", color: "#b71c1c" }}>
                    {amountText(entry, language, t("rw.caseByCase"))}
                  </Typography.Text>
                </div>
                <div style={{ display: "flex", justifyContent: "space-between", gap: 8, alignItems: "center" }}>
                  <Typography.Text type="secondary">
                    {localized(entry.ruleName, entry.ruleNameEn)} · {t("rw.public.clause", { clause: entry.clause })}
                  </Typography.Text>
                  <Button size="small" onClick={() => setObjecting(entry)}>
                    {t("rw.public.object")}
                  </Button>
                </div>
              </List.Item>
            )}
          />
        </>
      ) : (
        <Alert
          type={publicity.state === "upcoming" ? "info" : "warning"}
          showIcon
          title={
            publicity.state === "upcoming"
              ? t("rw.public.upcoming", { start: publicity.startsOn })
              : t("rw.public.closed", { end: publicity.endsOn })
          }
        />
      )}
      <ObjectionModal publicityId={publicity.id} entry={objecting} office={office} onClose={() => setObjecting(null)} />
    </Card>
  );
}

interface ObjectionFields {
  name?: string;
  contact: string;
  content: string;
}

/** The objection form: who (optional), how to answer, the facts and reasons; the receipt once filed. */
function ObjectionModal({
  publicityId,
  entry,
  office,
  onClose,
}: {
  publicityId: number;
  entry: PublicEntry | null;
  office: string;
  onClose: () => void;
}) {
  const t = useT();
  const localized = useLocalizedText();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const file = useFileObjection(publicityId);
  const [receipt, setReceipt] = useState<number | null>(null);
  const [form] = Form.useForm<ObjectionFields>();
  const close = () => {
    setReceipt(null);
    file.reset();
    onClose();
  };
  const submit = async () => {
    if (entry === null) return;
    const values = await form.validateFields();
    try {
      const filed = await file.mutateAsync({
        itemId: entry.itemId,
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        contact: values.contact.trim(),
        content: values.content.trim(),
      });
      setReceipt(filed.id);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Modal
      open={entry !== null}
      title={
        entry ? (
          // Clear of the close button on a narrow screen.
          <div style={{ paddingRight: 24 }}>
            {t("rw.public.objectTitle", {
              enterprise: entry.enterpriseName,
              reward: localized(entry.ruleName, entry.ruleNameEn),
            })}
          </div>
        ) : null
      }
      onCancel={close}
      width="min(560px, calc(100vw - 24px))"
      style={{ top: 24 }}
      footer={
        receipt !== null
          ? [
              <Button key="close" type="primary" onClick={close}>
                {t("common.confirm")}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t("common.cancel")}
              </Button>,
              <Button key="submit" type="primary" loading={file.isPending} onClick={submit}>
                {t("rw.public.submit")}
              </Button>,
            ]
      }
      destroyOnHidden
    >
      {receipt !== null ? (
        <Result
          status="success"
          title={t("rw.public.receivedTitle")}
          subTitle={t("rw.public.received", { id: receipt, office })}
        />
      ) : (
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label={t("rw.public.name")} rules={[{ max: 50 }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t("rw.public.contact")}
            rules={[{ required: true, min: 5, max: 100, whitespace: true, message: t("rw.public.contactRule") }]}
          >
            <Input maxLength={100} autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name="content"
            label={t("rw.public.content")}
            rules={[{ required: true, min: 10, max: 1000, whitespace: true, message: t("rw.public.contentRule") }]}
          >
            <Input.TextArea rows={5} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
