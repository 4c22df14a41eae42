import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { type ChartOption, EChart } from "../../../shared/components/echart";
import { ExportButton } from "../../../shared/components/export-button";
import { formatFenForDisplay, formatRateAsPercent, formatYuanTextAuto } from "../../../shared/format/numbers";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import {
  type ScenarioChange,
  type ScenarioEditor,
  type ScenarioResult,
  type ScenarioView,
  useDeleteScenario,
  useSaveScenario,
  useScenarioComparison,
  useScenarioEditor,
  useScenarioResult,
  useScenarios,
} from "../api/scenarios-api";

const money = (fen: string | null | undefined) => formatFenForDisplay(fen ?? null);
const signed = (fen: string) => (fen.startsWith("-") || fen === "0" ? money(fen) : `+${money(fen)}`);
const tone = (fen: string) => (fen.startsWith("-") ? "#cf1322" : fen === "0" ? undefined : "#389e0d");

/** 政策测算: the scenarios, the editor of their changes, a scenario's results and the comparison of several. */
export function ScenariosPage() {
  const t = useT();
  const { data: scenarios = [], isLoading } = useScenarios();
  const { data: editor } = useScenarioEditor();
  const [editing, setEditing] = useState<ScenarioView | "new" | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [ticked, setTicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState<number[]>([]);
  const remove = useDeleteScenario();
  const { message } = App.useApp();
  const errorText = useErrorText();

  if (shown !== null) return <ScenarioResultView id={shown} onBack={() => setShown(null)} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("scn.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("scn.intro")}
      </Typography.Paragraph>
      {editor && <MethodNote lastActualYear={editor.lastActualYear} />}
      <Space wrap>
        <Button type="primary" onClick={() => setEditing("new")} disabled={!editor}>
          {t("scn.new")}
        </Button>
        <Button disabled={ticked.length < 2} onClick={() => setComparing(ticked)}>
          {t("scn.compare")}
        </Button>
        <Typography.Text type="secondary">{t("scn.compareHint")}</Typography.Text>
      </Space>
      <Table<ScenarioView>
        rowKey="id"
        loading={isLoading}
        dataSource={scenarios}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("scn.empty") }}
        columns={[
          {
            key: "tick",
            width: 40,
            render: (_, row) => (
              <Checkbox
                aria-label={row.name}
                checked={ticked.includes(row.id)}
                onChange={(event) =>
                  setTicked((list) => (event.target.checked ? [...list, row.id] : list.filter((id) => id !== row.id)))
                }
              />
            ),
          },
          {
            title: t("scn.name"),
            dataIndex: "name",
            render: (name: string, row) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setShown(row.id)}>
                {name}
              </Button>
            ),
          },
          {
            title: t("scn.changes"),
            key: "changes",
            render: (_, row) => t("scn.changeCount", { count: row.changes.length }),
          },
          { title: t("scn.years"), key: "years", render: (_, row) => row.years.join("、") },
          { title: t("scn.createdBy"), dataIndex: "createdBy", render: (value: string | null) => value ?? "—" },
          { title: t("scn.updatedAt"), dataIndex: "updatedAt", render: (value: string) => value.slice(0, 10) },
          {
            key: "actions",
            render: (_, row) => (
              <Space>
                <Button size="small" onClick={() => setShown(row.id)}>
                  {t("scn.open")}
                </Button>
                <Button size="small" onClick={() => setEditing(row)}>
                  {t("scn.edit")}
                </Button>
                <Popconfirm
                  title={t("scn.deleteConfirm", { name: row.name })}
                  onConfirm={async () => {
                    try {
                      await remove.mutateAsync(row.id);
                      setTicked((list) => list.filter((id) => id !== row.id));
                      message.success(t("scn.deleted"));
                    } catch (error) {
                      message.error(errorText(error));
                    }
                  }}
                >
                  <Button size="small" danger>
                    {t("scn.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {comparing.length >= 2 && <ComparisonView ids={comparing} />}
      {editor && editing !== null && (
        <ScenarioEditorDrawer
          editor={editor}
          scenario={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setShown(saved.id);
          }}
        />
      )}
    </Space>
  );
}

function MethodNote({ lastActualYear }: { lastActualYear: number | null }) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      message={lastActualYear === null ? t("scn.methodNoActual") : t("scn.method", { year: lastActualYear })}
    />
  );
}

/** The changes the form's fields make: a value typed beside a rule's setting, a parameter chosen, a rule removed or added. */
interface EditorState {
  settings: Record<string, string>;
  parameters: Record<string, string>;
  removed: string[];
  added: string;
}

function stateOf(scenario: ScenarioView | null): EditorState {
  const state: EditorState = { settings: {}, parameters: {}, removed: [], added: "" };
  const added: unknown[] = [];
  for (const change of scenario?.changes ?? []) {
    if (change.op === "set" && typeof change.value === "string")
      state.settings[`${change.ruleId}|${change.path}`] = change.value;
    else if (change.op === "parameter") state.parameters[change.parameterId] = String(change.value);
    else if (change.op === "removeRule") state.removed.push(change.ruleId);
    else if (change.op === "addRule") added.push(change.rule);
  }
  if (added.length > 0) state.added = JSON.stringify(added.length === 1 ? added[0] : added, null, 2);
  return state;
}

function changesOf(editor: ScenarioEditor, state: EditorState): ScenarioChange[] | null {
  const changes: ScenarioChange[] = [];
  for (const rule of editor.rules)
    for (const setting of rule.settings) {
      const value = state.settings[`${rule.id}|${setting.path}`]?.trim();
      if (value && value !== setting.value) changes.push({ op: "set", ruleId: rule.id, path: setting.path, value });
    }
  for (const parameter of editor.parameters) {
    const value = state.parameters[parameter.id];
    if (value === undefined || value === String(parameter.value)) continue;
    changes.push({
      op: "parameter",
      parameterId: parameter.id,
      value: typeof parameter.value === "boolean" ? value === "true" : value,
    });
  }
  for (const ruleId of state.removed) changes.push({ op: "removeRule", ruleId });
  if (state.added.trim() !== "") {
    try {
      const parsed: unknown = JSON.parse(state.added);
      const rules = Array.isArray(parsed) ? parsed : [parsed];
      for (const rule of rules) {
        if (typeof rule !== "object" || rule === null || Array.isArray(rule)) return null;
        changes.push({ op: "addRule", rule: rule as Extract<ScenarioChange, { op: "addRule" }>["rule"] });
      }
    } catch {
      return null;
    }
  }
  return changes;
}

function ScenarioEditorDrawer({
  editor,
  scenario,
  onClose,
  onSaved,
}: {
  editor: ScenarioEditor;
  scenario: ScenarioView | null;
  onClose: () => void;
  onSaved: (saved: ScenarioView) => void;
}) {
  const t = useT();
  const text = useLocalizedText();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useSaveScenario();
  const [name, setName] = useState(scenario?.name ?? "");
  const [description, setDescription] = useState(scenario?.description ?? "");
  const years = useMemo(
    () => Array.from({ length: editor.lastYear - editor.firstYear + 1 }, (_, index) => editor.firstYear + index),
    [editor],
  );
  const [chosen, setChosen] = useState<number[]>(scenario?.years ?? years.slice(0, 5));
  const [state, setState] = useState<EditorState>(() => stateOf(scenario));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    const changes = changesOf(editor, state);
    if (changes === null) {
      setProblem(t("scn.addRuleInvalid"));
      return;
    }
    setProblem(null);
    try {
      const saved = await save.mutateAsync({
        id: scenario?.id ?? null,
        input: { name, description, changes, years: [...chosen].sort((a, b) => a - b) },
      });
      message.success(t("scn.saved"));
      onSaved(saved);
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <Drawer
      open
      width="min(760px, 100vw)"
      title={scenario ? scenario.name : t("scn.new")}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t("scn.cancel")}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={submit}
            disabled={!name.trim() || chosen.length === 0}
          >
            {t("scn.save")}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical">
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
        <Form.Item label={t("scn.name")} required htmlFor="scenario-name">
          <Input id="scenario-name" value={name} maxLength={60} onChange={(event) => setName(event.target.value)} />
        </Form.Item>
        <Form.Item label={t("scn.description")} htmlFor="scenario-description">
          <Input.TextArea
            id="scenario-description"
            value={description}
            maxLength={500}
            rows={2}
            onChange={(event) => setDescription(event.target.value)}
          />
        </Form.Item>
        <Form.Item label={t("scn.years")} required>
          <Checkbox.Group
            value={chosen}
            onChange={(values) => setChosen(values as number[])}
            options={years.map((year) => ({
              value: year,
              label:
                editor.lastActualYear === null || year > editor.lastActualYear
                  ? t("scn.yearProjected", { year })
                  : String(year),
            }))}
          />
        </Form.Item>
        <Typography.Title level={5}>{t("scn.rules")}</Typography.Title>
        {editor.rules.map((rule) => (
          <Card
            key={rule.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={`${rule.clause} ${text(rule.name, rule.nameEn)}`}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {rule.quote}
            </Typography.Paragraph>
            {rule.settings.map((setting) => {
              const key = `${rule.id}|${setting.path}`;
              return (
                <div
                  key={key}
                  style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center", marginBottom: 6 }}
                >
                  <span style={{ minWidth: 160 }}>{text(setting.label, setting.labelEn)}</span>
                  <Typography.Text type="secondary" style={{ minWidth: 140 }}>
                    {t("scn.current")}:{" "}
                    {setting.unit === "yuan" ? formatYuanTextAuto(setting.value) : formatRateAsPercent(setting.value)}
                  </Typography.Text>
                  <Input
                    aria-label={`${rule.id} ${text(setting.label, setting.labelEn)}`}
                    style={{ width: 160 }}
                    placeholder={t("scn.unchangedPlaceholder")}
                    suffix={setting.unit === "yuan" ? t("scn.yuan") : undefined}
                    value={state.settings[key] ?? ""}
                    onChange={(event) =>
                      setState((current) => ({
                        ...current,
                        settings: { ...current.settings, [key]: event.target.value },
                      }))
                    }
                  />
                </div>
              );
            })}
            <Checkbox
              checked={state.removed.includes(rule.id)}
              onChange={(event) =>
                setState((current) => ({
                  ...current,
                  removed: event.target.checked
                    ? [...current.removed, rule.id]
                    : current.removed.filter((id) => id !== rule.id),
                }))
              }
            >
              {t("scn.removeRule")}
            </Checkbox>
          </Card>
        ))}
        <Typography.Title level={5}>{t("scn.parameters")}</Typography.Title>
        {editor.parameters
          .filter((parameter) => parameter.allowed !== null && parameter.allowed.length > 1)
          .map((parameter) => (
            <Form.Item key={parameter.id} label={text(parameter.description, parameter.descriptionEn)}>
              <Select
                style={{ maxWidth: 240 }}
                value={state.parameters[parameter.id] ?? String(parameter.value)}
                options={(parameter.allowed ?? []).map((value) => ({ value: String(value), label: String(value) }))}
                onChange={(value: string) =>
                  setState((current) => ({ ...current, parameters: { ...current.parameters, [parameter.id]: value } }))
                }
              />
            </Form.Item>
          ))}
        <Form.Item label={t("scn.addRule")}>
          <Input.TextArea
            rows={4}
            value={state.added}
            onChange={(event) => setState((current) => ({ ...current, added: event.target.value }))}
            style={{ fontFamily: "monospace" }}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function costChart(
  t: ReturnType<typeof useT>,
  years: { label: string; baseline: string; scenario: (string | null)[]; budget: string | null }[],
  names: string[],
): ChartOption {
  const wan = (fen: string | null) => (fen === null ? null : Number(BigInt(fen) / 100n) / 10_000);
  return {
    grid: { left: 64, right: 16, top: 48, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: years.map((year) => year.label) },
    yAxis: { type: "value", name: "万元" },
    series: [
      { type: "bar", name: t("scn.baseline"), data: years.map((year) => wan(year.baseline)), barMaxWidth: 36 },
      ...names.map((name, index) => ({
        type: "bar",
        name,
        data: years.map((year) => wan(year.scenario[index] ?? null)),
        barMaxWidth: 36,
      })),
      { type: "line", name: t("scn.budget"), data: years.map((year) => wan(year.budget)), symbolSize: 8 },
    ],
  };
}

function ScenarioResultView({ id, onBack }: { id: number; onBack: () => void }) {
  const t = useT();
  const text = useLocalizedText();
  const errorText = useErrorText();
  const { data: result, isLoading, error } = useScenarioResult(id);
  if (isLoading) return <Card loading />;
  if (error || !result)
    return (
      <Space direction="vertical">
        <Button onClick={onBack}>{t("scn.back")}</Button>
        <Alert type="error" showIcon message={errorText(error)} />
      </Space>
    );
  const yearLabel = (year: { year: number; projected: boolean }) =>
    year.projected ? t("scn.yearProjected", { year: year.year }) : String(year.year);
  const option = costChart(
    t,
    result.years.map((year) => ({
      label: yearLabel(year),
      baseline: year.baselineFen,
      scenario: [year.scenarioFen],
      budget: year.budgetFen,
    })),
    [result.scenario.name],
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Button onClick={onBack}>{t("scn.back")}</Button>
        <ExportButton
          path={`/api/rewards/scenarios/${id}/export.xlsx`}
          fileName={`政策测算-${result.scenario.name}.xlsx`}
          label={t("scn.exportXlsx")}
        />
        <ExportButton
          path={`/api/rewards/scenarios/${id}/briefing.docx`}
          fileName={`政策测算-${result.scenario.name}-测算简报.docx`}
          label={t("scn.exportDocx")}
        />
      </Space>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {result.scenario.name}
      </Typography.Title>
      {result.scenario.description && <Typography.Paragraph>{result.scenario.description}</Typography.Paragraph>}
      <MethodNote lastActualYear={result.lastActualYear} />
      <Card>
        <Space wrap size="large">
          <Statistic title={t("scn.baseline")} value={money(result.total.baselineFen)} />
          <Statistic title={t("scn.scenario")} value={money(result.total.scenarioFen)} />
          <Statistic
            title={t("scn.difference")}
            value={signed(result.total.differenceFen)}
            valueStyle={{ color: tone(result.total.differenceFen) }}
          />
          <Statistic title={t("scn.gainers")} value={result.counts.gainers} />
          <Statistic title={t("scn.losers")} value={result.counts.losers} />
          <Statistic title={t("scn.unchanged")} value={result.counts.unchanged} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t("scn.evaluated", { count: result.counts.evaluated })}；{t("scn.computedIn", { ms: result.computedMs })}
        </Typography.Paragraph>
      </Card>
      <Card title={t("scn.chart")}>
        <EChart option={option} label={t("scn.chart")} height={320} />
      </Card>
      <Table
        rowKey="year"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={result.years}
        columns={[
          {
            title: t("scn.years"),
            key: "year",
            render: (_, year) => (
              <Space>
                {year.year}
                <Tag color={year.projected ? "orange" : "green"}>
                  {year.projected ? t("scn.projected") : t("scn.actual")}
                </Tag>
              </Space>
            ),
          },
          { title: t("scn.baseline"), dataIndex: "baselineFen", render: money },
          { title: t("scn.scenario"), dataIndex: "scenarioFen", render: money },
          {
            title: t("scn.difference"),
            dataIndex: "differenceFen",
            render: (fen: string) => <span style={{ color: tone(fen) }}>{signed(fen)}</span>,
          },
          {
            title: t("scn.budget"),
            key: "budget",
            render: (_, year) =>
              year.budgetFen === null
                ? "—"
                : `${money(year.budgetFen)}（${year.budgetFrom === "office" ? t("scn.budgetFromOffice") : t("scn.budgetFromPlan")}）`,
          },
          {
            title: t("scn.budgetLeft"),
            key: "left",
            render: (_, year) =>
              year.budgetFen === null ? "—" : money((BigInt(year.budgetFen) - BigInt(year.scenarioFen)).toString()),
          },
          {
            title: t("scn.sources"),
            key: "sources",
            render: (_, year) =>
              year.sources.map((source) => `${text(source.name, source.nameEn)} ${money(source.costFen)}`).join("；") ||
              "—",
          },
        ]}
      />
      <Card title={t("scn.enterprises")}>
        <Typography.Paragraph type="secondary">
          {t("scn.enterprisesListed", { count: result.enterprises.length })}
        </Typography.Paragraph>
        <Table
          rowKey="creditCode"
          size="small"
          scroll={{ x: "max-content" }}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          dataSource={result.enterprises}
          columns={[
            { title: t("scn.enterprise"), dataIndex: "name" },
            {
              title: t("scn.chain"),
              key: "chain",
              render: (_, row) => (row.chain ? text(row.chain, row.chainEn) : "—"),
            },
            { title: t("scn.town"), key: "town", render: (_, row) => (row.town ? text(row.town, row.townEn) : "—") },
            {
              title: t("scn.difference"),
              dataIndex: "differenceFen",
              render: (fen: string) => <span style={{ color: tone(fen) }}>{signed(fen)}</span>,
            },
            {
              title: t("scn.why"),
              key: "why",
              render: (_, row) => (
                <Space direction="vertical" size={0}>
                  {row.lines.map((line) => (
                    <span key={`${line.ruleId}-${line.year}-${line.baselineTier}-${line.scenarioTier}`}>
                      {line.year} {text(line.ruleName, line.ruleNameEn)}：
                      {line.baselineFen === null ? t("scn.notPaid") : money(line.baselineFen)}
                      {line.baselineTier ? `（${line.baselineTier}）` : ""} →{" "}
                      {line.scenarioFen === null ? t("scn.notPaid") : money(line.scenarioFen)}
                      {line.scenarioTier ? `（${line.scenarioTier}）` : ""}
                    </span>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {(
        [
          [
            "scn.byRule",
            result.byRule.map((row) => ({ ...row, id: row.ruleId, name: row.ruleName, nameEn: row.ruleNameEn })),
          ],
          ["scn.byChain", result.byChain],
          ["scn.byTown", result.byTown],
        ] as const
      ).map(([title, rows]) => (
        <Card key={title} title={t(title)}>
          <Table
            rowKey={(row) => row.id ?? "none"}
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={
              rows as {
                id: string | null;
                name: string;
                nameEn: string;
                baselineFen: string;
                scenarioFen: string;
                differenceFen: string;
              }[]
            }
            columns={[
              { title: t("scn.name"), key: "name", render: (_, row) => text(row.name, row.nameEn) },
              { title: t("scn.baseline"), dataIndex: "baselineFen", render: money },
              { title: t("scn.scenario"), dataIndex: "scenarioFen", render: money },
              {
                title: t("scn.difference"),
                dataIndex: "differenceFen",
                render: (fen: string) => <span style={{ color: tone(fen) }}>{signed(fen)}</span>,
              },
            ]}
          />
        </Card>
      ))}
      <ForecastEffect result={result} />
    </Space>
  );
}

function ForecastEffect({ result }: { result: ScenarioResult }) {
  const t = useT();
  return (
    <Card title={t("scn.forecast")}>
      <Typography.Paragraph>
        {t("scn.forecastTotal", {
          baseline: money(result.forecast.baselineFen),
          scenario: money(result.forecast.scenarioFen),
          difference: signed(result.forecast.differenceFen),
        })}
      </Typography.Paragraph>
      <Table
        rowKey="year"
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={result.forecast.years}
        columns={[
          { title: t("scn.years"), dataIndex: "year", render: (year: number) => t("scn.yearProjected", { year }) },
          { title: t("scn.baseline"), dataIndex: "baselineFen", render: money },
          { title: t("scn.scenario"), dataIndex: "scenarioFen", render: money },
          { title: t("scn.difference"), dataIndex: "differenceFen", render: signed },
          { title: t("scn.budget"), dataIndex: "budgetFen", render: money },
        ]}
      />
    </Card>
  );
}

function ComparisonView({ ids }: { ids: number[] }) {
  const t = useT();
  const errorText = useErrorText();
  const { data, isLoading, error } = useScenarioComparison(ids);
  if (isLoading) return <Card loading />;
  if (error || !data) return <Alert type="error" showIcon message={errorText(error)} />;
  const names = data.scenarios.map((scenario) => scenario.name);
  const option = costChart(
    t,
    data.years.map((year) => ({
      label: year.projected ? t("scn.yearProjected", { year: year.year }) : String(year.year),
      baseline: year.baselineFen,
      scenario: year.scenarios,
      budget: year.budgetFen,
    })),
    names,
  );
  return (
    <Card title={t("scn.compareTitle")} data-testid="scenario-comparison">
      <EChart option={option} label={t("scn.compareTitle")} height={320} />
      <Table
        rowKey="year"
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={data.years}
        columns={[
          {
            title: t("scn.years"),
            key: "year",
            render: (_, year) => (year.projected ? t("scn.yearProjected", { year: year.year }) : year.year),
          },
          { title: t("scn.baseline"), dataIndex: "baselineFen", render: money },
          ...data.scenarios.map((scenario, index) => ({
            title: scenario.name,
            key: `s${scenario.id}`,
            render: (_: unknown, year: (typeof data.years)[number]) =>
              year.scenarios[index] === null ? t("scn.notCovered") : money(year.scenarios[index]),
          })),
          { title: t("scn.budget"), dataIndex: "budgetFen", render: money },
        ]}
      />
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: 16 }}
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={data.scenarios}
        columns={[
          { title: t("scn.name"), dataIndex: "name" },
          { title: t("scn.changes"), dataIndex: "changes" },
          { title: t("scn.yearsCovered"), dataIndex: "scenarioFen", render: money },
          { title: t("scn.difference"), dataIndex: "differenceFen", render: signed },
          { title: t("scn.gainers"), dataIndex: "gainers" },
          { title: t("scn.losers"), dataIndex: "losers" },
          { title: t("scn.forecastDifference"), dataIndex: "forecastDifferenceFen", render: signed },
        ]}
      />
    </Card>
  );
}
