import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { divideToDecimalString, parseYuan, trimDecimal } from "@beizeng/domain/money";
import { unitsWithDuty } from "@beizeng/domain/plan/lookup";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useCodeLabel, useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { usePlan } from "../../plan";
import {
  IMPORT_KINDS,
  type ImportChange,
  type ImportError,
  type ImportKind,
  MONEY_UNITS,
  type MoneyUnit,
  useApplyImport,
  useImportJob,
  useUploadImport,
} from "../api/imports-api";
import { DeclaredFactsImport } from "./declared-facts-import";
import { UnregisteredEnterprises, useDescribeEnterpriseFields } from "./unregistered-enterprises";

const MONEY_UNIT_LABELS: Record<(typeof MONEY_UNITS)[number], MessageKey> = {
  元: "measure.yuan",
  千元: "money.thousand",
  万元: "money.wan",
  亿元: "money.yi",
};

const FEN_PER_CHOSEN_UNIT: Record<(typeof MONEY_UNITS)[number], bigint> = {
  元: 100n,
  千元: 100_000n,
  万元: 1_000_000n,
  亿元: 10_000_000_000n,
};

/** Yuan (a decimal string) exactly in the unit the file was read in, with thousands separators: "178,098.9". */
function inChosenUnit(yuan: string, unit: (typeof MONEY_UNITS)[number]): string {
  const fen = parseYuan(yuan);
  const exactDigits = FEN_PER_CHOSEN_UNIT[unit].toString().length - 1;
  const [whole = "", fraction] = trimDecimal(divideToDecimalString(fen, FEN_PER_CHOSEN_UNIT[unit], exactDigits)).split(
    ".",
  );
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/**
 * A figure's value or a scale status, before or after a change: money in the unit the user chose for the file,
 * counts as whole numbers with separators.
 */
function useDescribeValue(
  unit: (typeof MONEY_UNITS)[number],
): (change: ImportChange, side: "before" | "after") => string {
  const t = useT();
  const codeLabel = useCodeLabel();
  const { language } = useLanguage();
  return (change, side) => {
    if (change.entity === "enterprise") return "—";
    const value = change[side];
    if (value === null) return "—";
    if (change.entity === "scale_year") return codeLabel("scaleStatus", value);
    if (change.metric === "employees") return value.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const amount = inChosenUnit(value, unit);
    const unitLabel = t(MONEY_UNIT_LABELS[unit]);
    return language === "en" ? `${amount} (${unitLabel})` : `${amount} ${unitLabel}`;
  };
}

/** Upload an .xlsx, read the preview (counts, changes, every error by row and column), then apply it. */
export function ImportsPage() {
  const t = useT();
  const codeLabel = useCodeLabel();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const currentUser = useCurrentUser();
  const [kind, setKind] = useState<ImportKind>("monthly");
  const [unit, setUnit] = useState<MoneyUnit>("万元");
  const describeValue = useDescribeValue(unit);
  const [jobId, setJobId] = useState<string | null>(null);
  // Chosen anew for every file: registering enterprises from a file is never carried over to the next one.
  const [registerEnterprises, setRegisterEnterprises] = useState(false);
  const describeFields = useDescribeEnterpriseFields();
  const upload = useUploadImport();
  const apply = useApplyImport();
  const job = useImportJob(jobId);
  const data = job.data;
  const result = data?.result ?? null;
  const running = data?.status === "previewing" || data?.status === "applying";
  const kinds = currentUser.data?.role === "office" ? IMPORT_KINDS : IMPORT_KINDS.filter((k) => k !== "register");
  // The units the plan gives confirmFigures (区统计局、区税务局 …) import figures; other units only read this
  // page's explanation.
  const mayImport =
    currentUser.data?.role === "office" ||
    (currentUser.data?.role === "unit" && (currentUser.data.unit?.duties.includes("confirmFigures") ?? false));
  const importers = useImporterNames(!mayImport);

  const step = !data ? 0 : data.status === "applied" ? 3 : data.status === "applying" ? 2 : 1;

  const send = (file: File) => {
    setJobId(null);
    setRegisterEnterprises(false);
    upload.mutate(
      { file, kind, unit },
      {
        onSuccess: (created) => setJobId(created.id),
        onError: (error) => void message.error(errorText(error)),
      },
    );
    return false;
  };

  const applyNow = () => {
    if (!jobId) return;
    apply.mutate(
      { id: jobId, registerEnterprises: registerEnterprises && result?.unregistered !== undefined },
      {
        onSuccess: () => void job.refetch(),
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("imp.title")}
        </Typography.Title>
        {mayImport ? null : (
          <Alert type="info" showIcon title={t("imp.notYourData", importers)} style={{ marginBottom: 16 }} />
        )}
        <Steps
          size="small"
          current={step}
          items={[
            { title: t("imp.stepUpload") },
            { title: t("imp.stepPreview") },
            { title: t("imp.stepApply") },
            { title: t("imp.stepDone") },
          ]}
          style={{ marginBottom: 24 }}
        />
        <Row gutter={[24, 16]}>
          <Col xs={24} md={10}>
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Typography.Text strong>{t("imp.kind")}</Typography.Text>
              <Radio.Group
                aria-label={t("imp.kind")}
                value={kind}
                onChange={(event) => setKind(event.target.value)}
                optionType="button"
                options={kinds.map((k) => ({ value: k, label: t(`imp.kind.${k}`) }))}
              />
              <Typography.Text strong>{t("imp.unit")}</Typography.Text>
              <Select
                aria-label={t("imp.unit")}
                value={unit}
                onChange={setUnit}
                options={MONEY_UNITS.map((u) => ({ value: u, label: t(MONEY_UNIT_LABELS[u]) }))}
                style={{ width: 160 }}
              />
              <Typography.Text type="secondary">{t("imp.unitHint")}</Typography.Text>
              <Space wrap>
                {kinds.map((k) => (
                  <Button key={k} icon={<DownloadOutlined />} href={`/api/imports/templates/${k}`} size="small">
                    {t("imp.template", { kind: t(`imp.kind.${k}`) })}
                  </Button>
                ))}
              </Space>
            </Space>
          </Col>
          <Col xs={24} md={14}>
            <Upload.Dragger
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={send}
              disabled={!mayImport || upload.isPending || running}
              aria-label={t("imp.choose")}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t("imp.choose")}</p>
              <p className="ant-upload-hint">{t("imp.chooseHint")}</p>
            </Upload.Dragger>
          </Col>
        </Row>
      </Card>

      {data ? (
        <Card
          title={
            <Space>
              {data.fileName}
              <Tag>{t(`imp.kind.${data.kind}`)}</Tag>
              <Tag>{data.unit}</Tag>
              <Tag color={data.status === "applied" ? "green" : data.status === "failed" ? "red" : "blue"}>
                {t(`imp.status.${data.status}`)}
              </Tag>
            </Space>
          }
        >
          {running ? (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Progress percent={99} status="active" showInfo={false} />
              <Typography.Text>
                {data.ahead ? t("imp.waiting", { count: data.ahead }) : t("imp.progress", { rows: data.rowsRead })}
              </Typography.Text>
            </Space>
          ) : null}
          {data.error ? <Alert type="error" showIcon title={data.error} /> : null}
          {result ? (
            <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
              {result.summary.errors > 0 ? (
                <Alert type="error" showIcon title={t("imp.hasErrors", { count: result.summary.errors })} />
              ) : data.status === "applied" ? (
                <Alert type="success" showIcon title={t("imp.applied")} />
              ) : (
                <Alert type="info" showIcon title={t("imp.readyToApply")} />
              )}
              <Row gutter={16}>
                <Col span={4}>
                  <Statistic title={t("imp.rows")} value={result.summary.rows} />
                </Col>
                <Col span={5}>
                  <Statistic title={t("imp.create")} value={result.summary.create} />
                </Col>
                <Col span={5}>
                  <Statistic title={t("imp.update")} value={result.summary.update} />
                </Col>
                <Col span={5}>
                  <Statistic title={t("imp.unchanged")} value={result.summary.unchanged} />
                </Col>
                <Col span={5}>
                  <Statistic
                    title={t("imp.errors")}
                    value={result.summary.errors}
                    styles={{ content: { color: result.summary.errors > 0 ? "#cf1322" : undefined } }}
                  />
                </Col>
              </Row>
              {result.layout?.title ? (
                <Typography.Text type="secondary">
                  {t("imp.titlePeriod", {
                    row: result.layout.title.row,
                    title: result.layout.title.text,
                    period:
                      result.layout.title.throughMonth === undefined
                        ? t("imp.periodYear", { year: result.layout.title.year })
                        : result.layout.title.fromMonth === result.layout.title.throughMonth
                          ? t("imp.periodMonth", {
                              year: result.layout.title.year,
                              month: result.layout.title.throughMonth,
                            })
                          : t("imp.periodMonths", {
                              year: result.layout.title.year,
                              from: result.layout.title.fromMonth ?? 1,
                              through: result.layout.title.throughMonth,
                            }),
                  })}
                </Typography.Text>
              ) : null}
              {result.unregistered ? (
                <UnregisteredEnterprises
                  unregistered={result.unregistered}
                  register={registerEnterprises}
                  onRegisterChange={setRegisterEnterprises}
                  mayRegister={currentUser.data?.role === "office"}
                  office={importers.office}
                  editable={data.status === "previewed" && result.summary.errors === 0}
                  registered={data.status === "applied"}
                />
              ) : null}
              {result.errors.length > 0 ? (
                <Table<ImportError>
                  size="small"
                  rowKey={(error) => `${error.row}|${error.columnLetter ?? ""}|${error.message}`}
                  dataSource={result.errors}
                  pagination={result.errors.length > 20 ? { pageSize: 20 } : false}
                  title={() => t("imp.errorList")}
                  columns={[
                    {
                      title: t("imp.row"),
                      dataIndex: "row",
                      width: 80,
                      render: (row: number) => (row > 0 ? row : "—"),
                    },
                    {
                      title: t("imp.column"),
                      key: "column",
                      width: 200,
                      render: (_, error) =>
                        error.columnLetter ? `${error.columnLetter}${error.column ? `「${error.column}」` : ""}` : "—",
                    },
                    { title: t("imp.reason"), dataIndex: "message" },
                  ]}
                />
              ) : null}
              {result.changes.length > 0 ? (
                <Table<ImportChange>
                  size="small"
                  rowKey={(change, index) =>
                    `${change.row}|${change.entity}|${change.entity === "figure" ? change.metric : ""}|${index}`
                  }
                  dataSource={result.changes}
                  pagination={result.changes.length > 20 ? { pageSize: 20 } : false}
                  title={() => t("imp.changeList")}
                  columns={[
                    { title: t("imp.row"), dataIndex: "row", width: 70 },
                    {
                      title: t("enterprises.creditCode"),
                      dataIndex: "creditCode",
                      width: 190,
                      // The enterprise's name beside its code: a person checks a row by the name.
                      render: (code: string, change) => {
                        const name =
                          change.entity === "figure"
                            ? change.enterpriseName
                            : change.entity === "enterprise"
                              ? (change.after?.name ?? change.before?.name)
                              : null;
                        return name ? (
                          <span>
                            {name}
                            <br />
                            <Typography.Text type="secondary">{code}</Typography.Text>
                          </span>
                        ) : (
                          code
                        );
                      },
                    },
                    {
                      title: t("imp.action"),
                      dataIndex: "action",
                      width: 80,
                      render: (action: string) => (
                        <Tag color={action === "create" ? "green" : "orange"}>{t(`imp.${action as "create"}`)}</Tag>
                      ),
                    },
                    {
                      title: t("imp.what"),
                      key: "what",
                      render: (_, change) =>
                        change.entity === "figure"
                          ? `${change.year}${change.month ? `-${String(change.month).padStart(2, "0")}` : ""} ${codeLabel("metric", change.metric)}`
                          : change.entity === "scale_year"
                            ? `${change.year} ${t("enterprises.status")}`
                            : t("imp.enterpriseFields"),
                    },
                    {
                      title: t("imp.before"),
                      key: "before",
                      render: (_, change) =>
                        change.entity === "enterprise"
                          ? describeFields(change.before)
                          : describeValue(change, "before"),
                    },
                    {
                      title: t("imp.after"),
                      key: "after",
                      render: (_, change) =>
                        change.entity === "enterprise" ? describeFields(change.after) : describeValue(change, "after"),
                    },
                  ]}
                />
              ) : null}
              {data.status === "previewed" ? (
                <Button
                  type="primary"
                  disabled={
                    result.summary.errors > 0 ||
                    result.summary.create + result.summary.update === 0 ||
                    (result.unregistered !== undefined && !registerEnterprises)
                  }
                  loading={apply.isPending}
                  onClick={applyNow}
                >
                  {t("imp.apply")}
                </Button>
              ) : null}
            </Space>
          ) : null}
        </Card>
      ) : null}
      <DeclaredFactsImport />
    </Space>
  );
}

/**
 * Who imports what, in the district's own words for a unit that may not: the plan's office, and the units the
 * plan gives confirmFigures with the office, as a list in the chosen language.
 */
function useImporterNames(enabled: boolean): { units: string; office: string } {
  const t = useT();
  const plan = usePlan({ enabled });
  const localized = useLocalizedText();
  const { language } = useLanguage();
  const office = plan.data?.units.find((unit) => unit.kind === "office");
  const officeName = office ? localized(office.name, office.nameEn) : t("imp.theOffice");
  const holders = plan.data ? unitsWithDuty(plan.data, "confirmFigures").map((u) => localized(u.name, u.nameEn)) : [];
  const list = new Intl.ListFormat(language === "en" ? "en" : "zh-CN", { type: "conjunction" });
  return { units: list.format([...holders, officeName]), office: officeName };
}
