import { Card, Table, Tag, Typography } from "antd";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay, toFen } from "../../../shared/format/numbers";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan/api/plan-api";
import { type Project, useProjects } from "../api/projects-api";

const stageColors: Record<string, string> = {
  planning: "default",
  negotiation: "gold",
  signed: "cyan",
  construction: "blue",
  production: "green",
};

function compareFen(a: string | number | undefined, b: string | number | undefined): number {
  const left = toFen(a) ?? 0n;
  const right = toFen(b) ?? 0n;
  return left === right ? 0 : left < right ? -1 : 1;
}

export function ProjectsPage() {
  const t = useT();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const plan = usePlan();
  const projects = useProjects();
  const chainName = (chainId: string) => {
    const chain = plan.data?.chains.find((candidate) => candidate.id === chainId);
    return chain ? localized(chain.name, chain.nameEn) : codeLabel("chain", chainId);
  };

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("projects.title")}
      </Typography.Title>
      <QueryBoundary isPending={projects.isPending} error={projects.error}>
        {() => (
          <Table<Project>
            rowKey="id"
            size="middle"
            dataSource={projects.data?.items}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, showTotal: (total) => t("common.total", { total }) }}
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
                sorter: (a, b) => compareFen(a.plannedInvestmentFen, b.plannedInvestmentFen),
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
                render: (_, project) => project.leadUnit?.name ?? project.leadUnitName ?? "—",
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
