import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Switch, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { usePlan } from "../../plan";
import { useUnitName } from "../../units";
import {
  exportUrl,
  PROJECT_STAGES,
  type Project,
  type ProjectFilters,
  SCHEDULE_STATUSES,
  useProjectOptions,
  useProjects,
} from "../api/projects-api";
import { BlockersPanel } from "./blockers-panel";
import { ImportModal } from "./import-modal";
import { InvestmentPanel } from "./investment-panel";
import { ProjectBoard } from "./project-board";
import { ProjectFormModal } from "./project-form-modal";
import { CategoryTag, ScheduleBadge, stageColors } from "./project-labels";
import { ProjectStatsPanel } from "./project-stats-panel";

type Filters = Omit<ProjectFilters, "page" | "pageSize">;

/** The pipeline: kanban board and table of the filtered projects, the counts, the problems, the totals. */
export function ProjectsPage() {
  const t = useT();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const unitName = useUnitName();
  const plan = usePlan();
  const user = useCurrentUser().data;
  const options = useProjectOptions();
  const isLeader = user?.role === "leader";
  const [filters, setFilters] = useState<Filters>(isLeader ? { mine: true } : {});
  const [tab, setTab] = useState("board");
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const projects = useProjects({ ...filters, page: 1, pageSize: 500 });
  const change = (patch: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...patch }));
  const canWrite = options.data?.canWrite === true;
  const chainName = (chainId: string) => {
    const chain = plan.data?.chains.find((candidate) => candidate.id === chainId);
    return chain ? localized(chain.name, chain.nameEn) : codeLabel("chain", chainId);
  };

  const filterBar = (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label={t("projects.search")}
        placeholder={t("projects.searchPlaceholder")}
        allowClear
        onSearch={(value) => change({ q: value.trim() || undefined })}
        style={{ width: 220 }}
      />
      <Select
        aria-label={t("projects.stage")}
        placeholder={t("projects.stage")}
        allowClear
        options={PROJECT_STAGES.map((stage) => ({ value: stage, label: codeLabel("stage", stage) }))}
        onChange={(value?: string) => change({ stage: value })}
        style={{ width: 120 }}
      />
      <Select
        aria-label={t("projects.chain")}
        placeholder={t("projects.chain")}
        allowClear
        options={(plan.data?.chains ?? []).map((chain) => ({
          value: chain.id,
          label: localized(chain.name, chain.nameEn),
        }))}
        onChange={(value?: string) => change({ chain: value })}
        style={{ width: 130 }}
      />
      <Select
        aria-label={t("pj.category")}
        placeholder={t("pj.category")}
        allowClear
        options={(["50", "20", "industrial", "other"] as const).map((category) => ({
          value: category,
          label: t(`pj.category.${category}`),
        }))}
        onChange={(value?: string) => change({ category: value })}
        style={{ width: 150 }}
      />
      <Select
        aria-label={t("pj.status")}
        placeholder={t("pj.status")}
        allowClear
        options={SCHEDULE_STATUSES.map((status) => ({
          value: status,
          label: t(`pj.status.${status}`),
        }))}
        onChange={(value?: string) => change({ status: value })}
        style={{ width: 120 }}
      />
      {!filters.mine ? (
        <Select
          aria-label={t("pj.leader")}
          placeholder={t("pj.leader")}
          allowClear
          options={(options.data?.leaders ?? []).map((leader) => ({ value: leader.id, label: leader.name }))}
          onChange={(value?: number) => change({ leader: value })}
          style={{ width: 140 }}
        />
      ) : null}
      <Select
        aria-label={t("projects.leadUnit")}
        placeholder={t("projects.leadUnit")}
        allowClear
        showSearch
        optionFilterProp="label"
        options={(options.data?.units ?? []).map((unit) => ({ value: unit.id, label: unitName(unit) }))}
        onChange={(value?: number) => change({ leadUnit: value })}
        style={{ width: 160 }}
      />
      {isLeader ? (
        <Space>
          <Switch
            checked={filters.mine === true}
            onChange={(mine) => change({ mine: mine || undefined })}
            aria-label={t("pj.mine")}
          />
          {t("pj.mine")}
        </Space>
      ) : null}
    </Space>
  );

  const table = (
    <Table<Project>
      rowKey="id"
      size="middle"
      dataSource={projects.data?.items}
      scroll={{ x: 1300 }}
      loading={projects.isFetching}
      pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => t("common.total", { total }) }}
      columns={[
        { title: t("projects.code"), dataIndex: "code", width: 110 },
        {
          title: t("projects.name"),
          dataIndex: "name",
          render: (name: string, project) => (
            <>
              <Link to={`/projects/${project.id}`}>{name}</Link>{" "}
              {project.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
            </>
          ),
        },
        { title: t("projects.chain"), dataIndex: "chainId", width: 100, render: chainName },
        {
          title: t("projects.planned"),
          dataIndex: "plannedInvestmentFen",
          align: "right",
          width: 120,
          render: (value: string) => formatFenForDisplay(value),
        },
        {
          title: t("pj.category"),
          dataIndex: "category",
          width: 130,
          render: (category) => <CategoryTag category={category} />,
        },
        {
          title: t("projects.stage"),
          dataIndex: "stage",
          width: 100,
          render: (stage: string) => <Tag color={stageColors[stage]}>{codeLabel("stage", stage)}</Tag>,
        },
        {
          title: t("pj.status"),
          key: "status",
          width: 120,
          render: (_, project) => (
            <ScheduleBadge status={project.schedule.status} daysLate={project.schedule.daysLate} />
          ),
        },
        {
          title: t("projects.leadUnit"),
          key: "leadUnit",
          width: 130,
          render: (_, project) => project.leadUnit?.name ?? "—",
        },
        { title: t("pj.leader"), key: "leader", width: 120, render: (_, project) => project.leader?.name ?? "—" },
        { title: t("projects.introducedYear"), dataIndex: "introducedYear", width: 90, render: (year) => year ?? "—" },
        { title: t("projects.productionYear"), dataIndex: "productionYear", width: 90, render: (year) => year ?? "—" },
      ]}
    />
  );

  const listView = (body: () => React.ReactNode) => (
    <>
      {filterBar}
      <QueryBoundary isPending={projects.isPending} error={projects.error}>
        {body}
      </QueryBoundary>
    </>
  );

  return (
    <Card>
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {isLeader && filters.mine ? t("pj.myProjects") : t("projects.title")}
        </Typography.Title>
        <Space wrap>
          {canWrite ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("pj.create")}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t("pj.import")}
              </Button>
            </>
          ) : null}
          <Button icon={<DownloadOutlined />} href={exportUrl(filters)}>
            {t("pj.export")}
          </Button>
        </Space>
      </Space>
      {user?.role === "unit" && user.unit ? (
        <Typography.Paragraph type="secondary">
          {t("scope.unit", { unit: unitName(user.unit) })} {canWrite ? t("pj.unitCanWrite") : t("pj.unitReadOnly")}
        </Typography.Paragraph>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "board",
            label: t("pj.board"),
            children: listView(() => <ProjectBoard projects={projects.data?.items ?? []} canWrite={canWrite} />),
          },
          { key: "table", label: t("pj.table"), children: listView(() => table) },
          { key: "stats", label: t("pj.stats"), children: <ProjectStatsPanel /> },
          { key: "blockers", label: t("pj.blockers"), children: <BlockersPanel /> },
          { key: "investment", label: t("pj.investment"), children: <InvestmentPanel /> },
        ]}
      />
      <ProjectFormModal open={creating} onClose={() => setCreating(false)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
