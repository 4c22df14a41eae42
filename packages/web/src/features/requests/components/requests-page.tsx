import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Switch, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useUnitName, useUnits } from "../../units";
import {
  type EnterpriseRequest,
  REQUEST_STATUSES,
  type RequestFilters,
  type RequestStats,
  type RequestStatus,
  useRequestStats,
  useRequests,
} from "../api/requests-api";
import { handlingUnits } from "./handling-units";
import { RequestFormModal } from "./request-form-modal";
import { RatingTag, RequestLightTag, RequestStatusTag, useCategoryName, useCategoryOptions } from "./request-labels";

const PAGE_SIZE = 20;

function StatsPanel({ stats, filtered }: { stats: RequestStats; filtered: boolean }) {
  const t = useT();
  const categoryName = useCategoryName();
  const unitName = useUnitName();
  const open = stats.byStatus.assigned + stats.byStatus.accepted;
  const satisfaction = stats.rated > 0 ? `${Math.round((stats.satisfied / stats.rated) * 1000) / 10}%` : "—";
  return (
    <Space direction="vertical" style={{ width: "100%", marginBottom: 16 }} size="middle">
      <Typography.Text type="secondary" data-testid="stats-scope">
        {t(filtered ? "rq.stats.scopeFiltered" : "rq.stats.scopeAll")}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t("rq.stats.total")} value={stats.total} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t("rq.status.submitted")} value={stats.byStatus.submitted} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t("rq.stats.open")} value={open} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t("rq.stats.overdue")}
            value={stats.overdue}
            valueStyle={stats.overdue > 0 ? { color: "#cf1322" } : undefined}
            suffix={
              stats.red > 0 ? (
                <Typography.Text type="danger">
                  {t("common.inParentheses", { text: `${t("rq.stats.red")} ${stats.red}` })}
                </Typography.Text>
              ) : null
            }
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t("rq.stats.unsatisfied")} value={stats.unsatisfiedPending} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t("rq.stats.satisfaction")} value={satisfaction} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Table
            size="small"
            rowKey="unitId"
            title={() => t("rq.stats.byUnit")}
            dataSource={stats.byUnit}
            pagination={false}
            scroll={{ y: 240 }}
            columns={[
              {
                title: t("rq.unit"),
                key: "unit",
                render: (_, line) => unitName({ id: line.unitId, name: line.unitName }),
              },
              { title: t("rq.stats.total"), dataIndex: "total", width: 80, align: "right" },
              { title: t("rq.stats.open"), dataIndex: "open", width: 80, align: "right" },
              {
                title: t("rq.stats.overdue"),
                dataIndex: "overdue",
                width: 100,
                align: "right",
                render: (value: number) =>
                  value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value,
              },
              { title: t("rq.stats.answered"), dataIndex: "answered", width: 80, align: "right" },
              { title: t("rq.stats.late"), dataIndex: "late", width: 90, align: "right" },
              {
                title: t("rq.stats.averageDays"),
                dataIndex: "averageAnswerDays",
                width: 120,
                align: "right",
                render: (value: number | null) => (value === null ? "—" : value.toFixed(1)),
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Table
            size="small"
            rowKey="category"
            title={() => t("rq.stats.byCategory")}
            dataSource={stats.byCategory}
            pagination={false}
            columns={[
              { title: t("rq.category"), dataIndex: "category", render: (id: string) => categoryName(id) },
              { title: t("rq.stats.total"), dataIndex: "count", width: 80, align: "right" },
            ]}
          />
        </Col>
      </Row>
    </Space>
  );
}

/** The requests the caller may see, with filters, counts for the staff, export and, for those who may, a new request. */
export function RequestsPage() {
  const t = useT();
  const dateText = useDateText();
  const categoryName = useCategoryName();
  const categoryOptions = useCategoryOptions();
  const unitName = useUnitName();
  const user = useCurrentUser().data;
  const role = user?.role;
  const isEnterprise = role === "enterprise";
  const units = useUnits({ enabled: !isEnterprise });
  const [filters, setFilters] = useState<RequestFilters>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const requests = useRequests(filters, page, PAGE_SIZE);
  const stats = useRequestStats(filters, role === "office" || role === "leader" || role === "inspector");
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const change = (patch: Partial<RequestFilters>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
    setPage(1);
  };
  const maySubmit = role === "enterprise" || role === "office" || role === "leader";
  const assignable = handlingUnits(units.data);

  return (
    <Card>
      <Space style={{ width: "100%", justifyContent: "space-between" }} align="start" wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {isEnterprise ? t("rq.myTitle") : t("rq.title")}
        </Typography.Title>
        {maySubmit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {isEnterprise ? t("rq.new") : t("rq.register")}
          </Button>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t("rq.intro")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t("rq.search")}
          placeholder={t("rq.search")}
          allowClear
          onSearch={(value) => change({ q: value.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t("rq.status")}
          placeholder={t("rq.status")}
          allowClear
          options={REQUEST_STATUSES.map((status) => ({ value: status, label: t(`rq.status.${status}`) }))}
          onChange={(value?: RequestStatus) => change({ status: value })}
          style={{ width: 120 }}
        />
        <Select
          aria-label={t("rq.category")}
          placeholder={t("rq.category")}
          allowClear
          options={categoryOptions}
          onChange={(value?: string) => change({ category: value })}
          style={{ width: 150 }}
        />
        {!isEnterprise ? (
          <Select
            aria-label={t("rq.unit")}
            placeholder={t("rq.unit")}
            allowClear
            showSearch
            optionFilterProp="label"
            options={assignable.map((unit) => ({ value: unit.id, label: unitName(unit) }))}
            onChange={(value?: number) => change({ unit: value })}
            style={{ width: 200 }}
          />
        ) : null}
        <Space>
          <Switch
            aria-label={t("rq.onlyOverdue")}
            checked={filters.overdue === true}
            onChange={(checked) => change({ overdue: checked || undefined })}
          />
          {t("rq.onlyOverdue")}
        </Space>
        {role === "leader" || role === "unit" ? (
          <Space>
            <Switch
              aria-label={t(role === "leader" ? "rq.mineLeader" : "rq.mineUnit")}
              checked={filters.mine === true}
              onChange={(checked) => change({ mine: checked || undefined })}
            />
            {t(role === "leader" ? "rq.mineLeader" : "rq.mineUnit")}
          </Space>
        ) : null}
        {!isEnterprise ? (
          <Space>
            <Switch
              aria-label={t("rq.onlyUnsatisfied")}
              checked={filters.unsatisfied === true}
              onChange={(checked) => change({ unsatisfied: checked || undefined })}
            />
            {t("rq.onlyUnsatisfied")}
          </Space>
        ) : null}
        <ExportButton
          path="/api/enterprise-requests/export"
          params={{ ...filters }}
          fileName="企业诉求.xlsx"
          label={t("rq.export")}
        />
      </Space>
      {stats.data ? <StatsPanel stats={stats.data} filtered={filtered} /> : null}
      <QueryBoundary isPending={requests.isPending} error={requests.error}>
        {() => (
          <Table<EnterpriseRequest>
            rowKey="id"
            size="middle"
            dataSource={requests.data?.items ?? []}
            locale={{ emptyText: t("rq.empty") }}
            scroll={{ x: 1100 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: requests.data?.total ?? 0,
              onChange: setPage,
              showTotal: (total) => t("common.total", { total }),
              showSizeChanger: false,
            }}
            columns={[
              { title: t("rq.id"), dataIndex: "id", width: 56 },
              {
                title: t("rq.titleField"),
                key: "title",
                render: (_, request) => <Link to={`/requests/${request.id}`}>{request.title}</Link>,
              },
              ...(isEnterprise
                ? []
                : [
                    {
                      title: t("rq.enterprise"),
                      key: "enterprise",
                      width: 180,
                      ellipsis: true,
                      render: (_: unknown, request: EnterpriseRequest) => request.enterprise.name,
                    },
                  ]),
              {
                title: t("rq.category"),
                dataIndex: "category",
                width: 104,
                render: (id: string) => categoryName(id),
              },
              {
                title: t("rq.unit"),
                key: "unit",
                width: 130,
                render: (_, request) => (request.unit ? unitName(request.unit) : "—"),
              },
              {
                title: t("rq.deadline"),
                key: "deadline",
                width: 180,
                render: (_, request) => (
                  <Space size={4} wrap>
                    {dateText(request.deadline)}
                    <RequestLightTag request={request} />
                  </Space>
                ),
              },
              {
                title: t("rq.status"),
                key: "status",
                width: 140,
                render: (_, request) => (
                  <Space size={4} wrap>
                    <RequestStatusTag status={request.status} />
                    <RatingTag rating={request.rating} />
                  </Space>
                ),
              },
              {
                title: t("rq.createdAt"),
                dataIndex: "createdAt",
                width: 132,
                render: (value: string) => dateText(value),
              },
            ]}
          />
        )}
      </QueryBoundary>
      <RequestFormModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
