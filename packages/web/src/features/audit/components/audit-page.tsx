import { SafetyCertificateOutlined } from "@ant-design/icons";
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditEntityType,
  auditActorLabel,
} from "@beizeng/domain/audit/vocabulary";
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useCodeLabel, useLanguage, useT } from "../../../shared/i18n/i18n";
import {
  type AuditEntry,
  type AuditFilters,
  type AuditVerification,
  snapshotText,
  useAuditLog,
  useVerifyAuditChain,
} from "../api/audit-api";
import { summariseVerification } from "../verification-summary";

interface FilterValues {
  entityType?: string;
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The actions and record types the filter offers: the domain's words, in the reader's alphabetical order. */
const ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];
const ENTITY_TYPE_CODES = Object.keys(AUDIT_ENTITY_TYPES) as AuditEntityType[];

/** "20261206-0130": now in Beijing time (UTC+8, no daylight saving), as the server stamps its file, wherever the browser is. */
function beijingStamp(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}

function sortedOptions<Option extends { label: string }>(options: Option[]): Option[] {
  return options.sort((a, b) => a.label.localeCompare(b.label, "zh-CN"));
}

function Snapshot({ label, text }: { label: string; text: string | null }) {
  const t = useT();
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      {text ? (
        <pre
          style={{
            background: "#fafafa",
            padding: 8,
            maxHeight: 320,
            overflow: "auto",
            fontSize: 12,
            margin: "4px 0 0",
          }}
        >
          {text}
        </pre>
      ) : (
        <div>
          <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The chain's verdict, each checkpoint that no longer holds, and how far the log is anchored. */
function VerificationResult({ result }: { result: AuditVerification }) {
  const t = useT();
  const dateText = useDateText();
  const { findings, notes, warnings } = summariseVerification(result, t, (value) => dateText(value, "second"));
  const list = (items: string[]) =>
    items.length === 1 ? (
      items[0]
    ) : (
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  return (
    <>
      <Alert
        role="status"
        type={result.ok ? "success" : "error"}
        showIcon
        title={result.ok ? t("audit.verifyOk") : t("audit.verifyBroken")}
        description={list([...findings, ...notes])}
        style={{ marginBottom: warnings.length > 0 ? 8 : 16 }}
      />
      {warnings.length > 0 ? (
        <Alert type="warning" showIcon title={list(warnings)} style={{ marginBottom: 16 }} />
      ) : null}
    </>
  );
}

export function AuditPage() {
  const t = useT();
  const { language } = useLanguage();
  const codeLabel = useCodeLabel();
  const dateText = useDateText();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const audit = useAuditLog(filters);
  const { page: _page, pageSize: _pageSize, ...exportFilters } = filters;
  const verify = useVerifyAuditChain();

  const search = (values: FilterValues) => {
    const [from, to] = values.range ?? [null, null];
    setFilters((previous) => ({
      pageSize: previous.pageSize,
      page: 1,
      entityType: values.entityType?.trim() || undefined,
      action: values.action || undefined,
      actor: values.actor?.trim() || undefined,
      from: from ? from.format("YYYY-MM-DD") : undefined,
      to: to ? to.format("YYYY-MM-DD") : undefined,
    }));
  };

  return (
    <Card>
      <div
        style={{
          display: "flex",
          flexWrap: "wrap",
          gap: 12,
          alignItems: "center",
          justifyContent: "space-between",
          marginBottom: 16,
        }}
      >
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("audit.title")}
        </Typography.Title>
        <Space wrap>
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {t("audit.verify")}
          </Button>
          <ExportButton
            path="/api/audit/export"
            params={exportFilters}
            fileName={t("audit.exportFile", { stamp: beijingStamp() })}
          />
          <ExportButton
            path="/api/audit/checkpoints"
            fileName={t("audit.checkpointsFile")}
            label={t("audit.downloadCheckpoints")}
          />
          <ExportButton
            path="/api/audit/public-key"
            fileName={t("audit.publicKeyFile")}
            label={t("audit.downloadPublicKey")}
          />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t("audit.checkpointsHint")}</Typography.Paragraph>
      {verify.data ? <VerificationResult result={verify.data} /> : null}
      {verify.error ? (
        <Alert type="error" showIcon role="alert" title={errorText(verify.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<FilterValues> name="audit-filter" layout="vertical" onFinish={search}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={t("audit.entityType")} name="entityType">
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                options={sortedOptions(
                  ENTITY_TYPE_CODES.map((type) => ({ value: type, label: codeLabel("audit.entity", type) })),
                )}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item label={t("audit.action")} name="action">
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                options={sortedOptions(
                  ACTION_CODES.map((action) => ({ value: action, label: codeLabel("action", action) })),
                )}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item label={t("audit.actor")} name="actor">
              <Input allowClear autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t("audit.dateRange")} name="range">
              <DatePicker.RangePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {t("common.search")}
            </Button>
            <Typography.Text type="secondary">{t("audit.exportHint")}</Typography.Text>
          </Space>
        </Form.Item>
      </Form>
      <QueryBoundary isPending={audit.isPending} error={audit.error}>
        {() => (
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            loading={audit.isFetching}
            dataSource={audit.data?.items}
            scroll={{ x: 900 }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: audit.data?.total,
              showSizeChanger: true,
              showTotal: (total) => t("common.total", { total }),
              onChange: (page, pageSize) => setFilters((previous) => ({ ...previous, page, pageSize })),
            }}
            expandable={{
              expandedRowRender: (entry) => (
                <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
                  <Snapshot label={t("audit.before")} text={snapshotText(entry.before)} />
                  <Snapshot label={t("audit.after")} text={snapshotText(entry.after)} />
                </div>
              ),
            }}
            columns={[
              { title: t("audit.seq"), dataIndex: "seq", width: 80 },
              {
                title: t("audit.at"),
                dataIndex: "at",
                width: 180,
                render: (at: string) => dateText(at, "second"),
              },
              {
                title: t("audit.actor"),
                key: "actor",
                width: 160,
                render: (_, entry) => auditActorLabel(entry.actor.label, language === "en" ? "en" : "zh"),
              },
              {
                title: t("audit.action"),
                dataIndex: "action",
                width: 110,
                render: (action: string) => <Tag>{codeLabel("action", action)}</Tag>,
              },
              {
                title: t("audit.entityType"),
                dataIndex: "entityType",
                width: 160,
                render: (type: string) => codeLabel("audit.entity", type),
              },
              { title: t("audit.entityId"), dataIndex: "entityId", width: 110 },
              {
                title: t("audit.hash"),
                dataIndex: "hash",
                ellipsis: true,
                render: (hash?: string) => (hash ? <Typography.Text code>{hash.slice(0, 16)}</Typography.Text> : "—"),
              },
            ]}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
