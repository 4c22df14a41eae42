import { Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth/api/auth-api";
import { usePlan } from "../../plan/api/plan-api";
import { type Project, type ProjectFilters, useProjects } from "../api/projects-api";

const stages = ["planning", "negotiation", "signed", "construction", "production"] as const;

const stageColors: Record<string, string> = {
  planning: "default",
  negotiation: "gold",
  signed: "cyan",
  construction: "blue",
  production: "green",
};

export function ProjectsPage() {
  const t = useT();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const plan = usePlan();
  const currentUser = useCurrentUser();
  const [filters, setFilters] = useState<ProjectFilters>({ page: 1, pageSize: 20 });
  const projects = useProjects(filters);
  const change = (patch: Partial<ProjectFilters>) => setFilters((previous) => ({ ...previous, ...patch, page: 1 }));
  const chainName = (chainId: string) => {
    const chain = plan.data?.chains.find((candidate) => candidate.id === chainId);
    return chain ? localized(chain.name, chain.nameEn) : codeLabel("chain", chainId);
  };

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("projects.title")}
      </Typography.Title>
      {currentUser.data?.role === "unit" && currentUser.data.unit ? (
        <Typography.Paragraph type="secondary">
          {t("scope.unit", { unit: currentUser.data.unit.name })}
        </Typography.Paragraph>
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t("projects.search")}
          placeholder={t("projects.searchPlaceholder")}
          allowClear
          onSearch={(value) => change({ q: value.trim() || undefined })}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t("projects.stage")}
          placeholder={t("projects.stage")}
          allowClear
          options={stages.map((stage) => ({ value: stage, label: codeLabel("stage", stage) }))}
          onChange={(value?: string) => change({ stage: value })}
          style={{ width: 160 }}
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
          style={{ width: 160 }}
        />
      </Space>
      <QueryBoundary isPending={projects.isPending} error={projects.error}>
        {() => (
          <Table<Project>
            rowKey="id"
            size="middle"
            dataSource={projects.data?.items}
            scroll={{ x: 1100 }}
            loading={projects.isFetching}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: projects.data?.total,
              showSizeChanger: true,
              showTotal: (total) => t("common.total", { total }),
              onChange: (page, pageSize) => setFilters((previous) => ({ ...previous, page, pageSize })),
            }}
            columns={[
              { title: t("projects.code"), dataIndex: "code", width: 110 },
              {
                title: t("projects.name"),
                dataIndex: "name",
                render: (name: string, project) => (
                  <>
                    {name} {project.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                  </>
                ),
              },
              { title: t("projects.investor"), dataIndex: "investor", ellipsis: true },
              { title: t("projects.chain"), dataIndex: "chainId", width: 110, render: chainName },
              {
                title: t("projects.planned"),
                dataIndex: "plannedInvestmentFen",
                align: "right",
                width: 130,
                render: (value: string | number) => formatFenForDisplay(value),
              },
              {
                title: t("projects.completed"),
                dataIndex: "completedInvestmentFen",
                align: "right",
                width: 130,
                render: (value: string | number | undefined) => formatFenForDisplay(value),
              },
              {
                title: t("projects.stage"),
                dataIndex: "stage",
                width: 110,
                render: (stage: string) => <Tag color={stageColors[stage]}>{codeLabel("stage", stage)}</Tag>,
              },
              {
                title: t("projects.leadUnit"),
                key: "leadUnit",
                width: 140,
                render: (_, project) => project.leadUnit?.name ?? "—",
              },
              {
                title: t("projects.introducedYear"),
                dataIndex: "introducedYear",
                width: 100,
                render: (year) => year ?? "—",
              },
              {
                title: t("projects.productionYear"),
                dataIndex: "productionYear",
                width: 100,
                render: (year) => year ?? "—",
              },
            ]}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
