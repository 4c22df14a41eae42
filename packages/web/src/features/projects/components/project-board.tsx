import { Button, Card, Empty, Space, Tag, Tooltip, Typography } from "antd";
import { type DragEvent, useState } from "react";
import { Link } from "react-router-dom";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";
import { PROJECT_STAGES, type Project, type ProjectStage } from "../api/projects-api";
import { MoveStageModal } from "./move-stage-modal";
import { CategoryTag, ScheduleBadge } from "./project-labels";

/** One column per stage; a project moves with its buttons or by dragging its card to another column. */
export function ProjectBoard({ projects, canWrite }: { projects: Project[]; canWrite: boolean }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const [moving, setMoving] = useState<{ project: Project; stage: ProjectStage } | null>(null);
  const [dropTarget, setDropTarget] = useState<ProjectStage | null>(null);

  const onDrop = (stage: ProjectStage) => (event: DragEvent) => {
    event.preventDefault();
    setDropTarget(null);
    const id = Number(event.dataTransfer.getData("text/project-id"));
    const project = projects.find((candidate) => candidate.id === id);
    if (project && project.stage !== stage) setMoving({ project, stage });
  };

  return (
    <>
      <div
        style={{ display: "grid", gridTemplateColumns: "repeat(5, minmax(220px, 1fr))", gap: 12, overflowX: "auto" }}
      >
        {PROJECT_STAGES.map((stage, index) => {
          const inStage = projects.filter((project) => project.stage === stage);
          return (
            <section
              key={stage}
              aria-label={codeLabel("stage", stage)}
              data-stage={stage}
              onDragOver={(event) => {
                if (!canWrite) return;
                event.preventDefault();
                setDropTarget(stage);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={onDrop(stage)}
              style={{
                background: dropTarget === stage ? "#e6f4ff" : "#f5f5f5",
                borderRadius: 8,
                padding: 8,
                minHeight: 240,
              }}
            >
              <Typography.Title level={5} style={{ margin: "4px 4px 8px" }}>
                {codeLabel("stage", stage)} <Tag>{inStage.length}</Tag>
              </Typography.Title>
              {inStage.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.noData")} />
              ) : null}
              <Space direction="vertical" style={{ width: "100%" }} size={8}>
                {inStage.map((project) => (
                  <Card
                    key={project.id}
                    size="small"
                    draggable={canWrite}
                    onDragStart={(event) => event.dataTransfer.setData("text/project-id", String(project.id))}
                    data-project={project.code}
                    title={
                      <Link to={`/projects/${project.id}`} title={project.name}>
                        {project.name}
                      </Link>
                    }
                    styles={{ header: { minHeight: 36 } }}
                  >
                    <Space direction="vertical" size={4} style={{ width: "100%" }}>
                      <Space size={4} wrap>
                        <CategoryTag category={project.category} />
                        {project.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                        {project.overdueBlockers > 0 ? (
                          <Tag color="error">{t("pj.overdueBlockers", { count: project.overdueBlockers })}</Tag>
                        ) : null}
                      </Space>
                      <Typography.Text type="secondary">
                        {formatFenForDisplay(project.plannedInvestmentFen)} · {project.leader?.name ?? t("pj.noLeader")}
                      </Typography.Text>
                      <ScheduleBadge status={project.schedule.status} daysLate={project.schedule.daysLate} />
                      {canWrite ? (
                        <Space size={4}>
                          {index > 0 ? (
                            <Tooltip title={t("pj.moveBackHint")}>
                              <Button
                                size="small"
                                onClick={() => setMoving({ project, stage: PROJECT_STAGES[index - 1] as ProjectStage })}
                              >
                                {t("pj.moveBack")}
                              </Button>
                            </Tooltip>
                          ) : null}
                          {index < PROJECT_STAGES.length - 1 ? (
                            <Button
                              size="small"
                              type="primary"
                              aria-label={t("pj.moveForwardTo", {
                                name: project.name,
                                stage: codeLabel("stage", PROJECT_STAGES[index + 1]),
                              })}
                              onClick={() => setMoving({ project, stage: PROJECT_STAGES[index + 1] as ProjectStage })}
                            >
                              {t("pj.moveForward")}
                            </Button>
                          ) : null}
                        </Space>
                      ) : null}
                    </Space>
                  </Card>
                ))}
              </Space>
            </section>
          );
        })}
      </div>
      <MoveStageModal project={moving?.project ?? null} initialStage={moving?.stage} onClose={() => setMoving(null)} />
    </>
  );
}
