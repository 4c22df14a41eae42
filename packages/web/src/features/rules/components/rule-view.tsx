import { divideToDecimalString, parseAmountInUnit, trimDecimal } from "@beizeng/domain/money";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { api } from "../../../shared/api/client";
import { useErrorText } from "../../../shared/api/error-text";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { arithmeticForDisplay, factValue } from "../../rewards";
import type { RuleFact, RulePage, RuleTryResult, RuleWords, WorkedExample } from "../api/rules-api";
import { useTryRule } from "../api/rules-api";

const FEN_PER_WAN = 1_000_000n;

/** Who runs the calculator: the public (figures only), staff (any enterprise), or an enterprise (its own). */
export type CalculatorCaller =
  | { kind: "public"; district: string | null }
  | { kind: "staff" }
  | { kind: "enterprise"; enterpriseId: number; name: string };

/** A rule's words in the reader's language; an English line starts with a capital, as the plan's words may not. */
function useWords() {
  const { language } = useLanguage();
  return (words: RuleWords) => (language === "en" ? words.en.charAt(0).toUpperCase() + words.en.slice(1) : words.zh);
}

/** A rule's page: the clause verbatim, what it pays, conditions, tiers, parameters, facts, examples and the calculator. */
export function RuleView({ page, caller }: { page: RulePage; caller: CalculatorCaller }) {
  const t = useT();
  const words = useWords();
  const { language } = useLanguage();
  const english = language === "en";
  return (
    <div data-testid="rule-page">
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {english ? page.nameEn : page.name}
        </Typography.Title>
        <Tag color="blue">{t("rules.clause", { clause: page.clause })}</Tag>
        <Tag>{t(`rules.subject.${page.subject}`)}</Tag>
      </Space>
      <Card size="small" title={t("rules.quote")} style={{ marginBottom: 12 }}>
        <blockquote style={{ margin: 0, paddingLeft: 12, borderLeft: "3px solid #b71c1c", fontSize: 15 }}>
          {page.quote}
        </blockquote>
        {page.document && (
          <Typography.Text type="secondary">
            {t("rules.document", {
              title: english ? (page.document.titleEn ?? page.document.title) : page.document.title,
            })}
            {page.document.number ? `（${page.document.number}）` : ""}
          </Typography.Text>
        )}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("rules.description")} style={{ height: "100%" }}>
            <ul style={{ paddingLeft: 20, margin: 0 }} data-testid="rule-description">
              {page.description.map((line) => (
                <li key={line.zh} style={{ marginBottom: 4 }}>
                  {words(line)}
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("rules.facts")} style={{ height: "100%" }}>
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {page.facts.map((fact) => (
                <li key={fact.name}>
                  {factLabel(fact, english)}
                  <Typography.Text type="secondary">
                    {english ? " — " : "（"}
                    {factKindText(fact, t, english)}
                    {english ? "" : "）"}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
      {page.conditions.length > 0 && (
        <Card size="small" title={t("rules.conditions")} style={{ marginTop: 12 }}>
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {page.conditions.map((condition) => (
              <li key={condition.zh}>{words(condition)}</li>
            ))}
          </ol>
        </Card>
      )}
      {page.tiers.length > 0 && (
        <Card size="small" title={t("rules.tiers")} style={{ marginTop: 12 }}>
          <Table
            size="small"
            pagination={false}
            rowKey={(row) => `${row.ruleId}-${row.threshold.zh}`}
            dataSource={page.tiers}
            scroll={{ x: "max-content" }}
            columns={[
              { title: t("rules.tier"), width: 60, render: (_, __, index) => index + 1 },
              { title: t("rules.threshold"), render: (_, row) => words(row.threshold) },
              { title: t("rules.amount"), render: (_, row) => words(row.pays) },
            ]}
          />
        </Card>
      )}
      {page.categories.length > 0 && (
        <Card size="small" title={t("rules.categories")} style={{ marginTop: 12 }}>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={page.categories}
            columns={[
              { title: t("rules.category"), render: (_, row) => (english ? row.en : row.zh) },
              { title: t("rules.amount"), render: (_, row) => words(row.pays) },
            ]}
          />
        </Card>
      )}
      {page.parameters.length > 0 && (
        <Card size="small" title={t("rules.parameters")} style={{ marginTop: 12 }}>
          <List
            dataSource={page.parameters}
            renderItem={(parameter) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{words(parameter.reading)}</span>
                      <Tag>{words(parameter.value)}</Tag>
                    </Space>
                  }
                  description={english ? parameter.descriptionEn : parameter.description}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <WorkedExamples page={page} />
      <Calculator page={page} caller={caller} />
    </div>
  );
}

function factLabel(fact: RuleFact, english: boolean): string {
  return english ? fact.en.charAt(0).toUpperCase() + fact.en.slice(1) : fact.zh;
}

function factKindText(fact: RuleFact, t: ReturnType<typeof useT>, english: boolean): string {
  if (fact.kind === "quantity")
    return t("rules.factKind.quantity", { unit: (english ? fact.unitEn : fact.unitZh) ?? "" });
  if (fact.kind === "category" && fact.options.length > 0)
    return fact.options.map((option) => (english ? option.en : option.zh)).join(" / ");
  return t(`rules.factKind.${fact.kind}`);
}

function WorkedExamples({ page }: { page: RulePage }) {
  const t = useT();
  const { examples } = page;
  if (examples.year === null)
    return (
      <Card size="small" title={t("rules.examples", { year: "—" })} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t("rules.examplesNone")}</Typography.Text>
      </Card>
    );
  return (
    <Card size="small" title={t("rules.examples", { year: examples.year })} style={{ marginTop: 12 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Example
            title={t("rules.examplePaid")}
            example={examples.paid}
            empty={t("rules.exampleNoPaid")}
            testId="example-paid"
          />
        </Col>
        <Col xs={24} lg={12}>
          <Example
            title={t("rules.exampleNotPaid")}
            example={examples.notPaid}
            empty={t("rules.exampleNoMiss")}
            testId="example-not-paid"
          />
        </Col>
      </Row>
    </Card>
  );
}

function Example({
  title,
  example,
  empty,
  testId,
}: {
  title: string;
  example: WorkedExample | null;
  empty: string;
  testId: string;
}) {
  const t = useT();
  const words = useWords();
  const { language } = useLanguage();
  return (
    <div data-testid={testId} style={{ background: "#fafafa", padding: 12, borderRadius: 6, height: "100%" }}>
      <Typography.Text strong>{title}</Typography.Text>
      {example === null ? (
        <div>
          <Typography.Text type="secondary">{empty}</Typography.Text>
        </div>
      ) : (
        <div style={{ marginTop: 6 }}>
          <Space wrap>
            <span>{example.enterprise?.name ?? t("rules.anonymous")}</span>
            {example.amountFen !== null && <Tag color="green">{formatFenForDisplay(example.amountFen)}</Tag>}
          </Space>
          <Typography.Paragraph style={{ margin: "6px 0" }}>{words(example.text)}</Typography.Paragraph>
          {example.arithmetic && (
            <Typography.Paragraph code style={{ marginBottom: 0, wordBreak: "break-all" }}>
              {arithmeticForDisplay(example.arithmetic, language)}
            </Typography.Paragraph>
          )}
        </div>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- the calculator

type FormValues = Record<string, string | boolean | undefined>;

/** The form's field of a fact: dots would read as a path. */
const fieldOf = (fact: RuleFact) => fact.name.replaceAll(".", "__");

/** A figure of the answer as the form shows it: money in 万元, exactly. */
function toFormValue(fact: RuleFact, value: string | boolean): string | boolean {
  if (fact.kind === "money" && typeof value === "string" && /^-?\d+$/.test(value))
    return trimDecimal(divideToDecimalString(BigInt(value), FEN_PER_WAN, 6));
  return value;
}

/** The form's values as the API's figures: 万元 converted exactly to fen; blank fields left out. */
function toFigures(facts: readonly RuleFact[], values: FormValues): Record<string, string | boolean> {
  const figures: Record<string, string | boolean> = {};
  for (const fact of facts) {
    const value = values[fieldOf(fact)];
    if (value === undefined || value === "") continue;
    if (fact.kind === "money" && typeof value === "string")
      figures[fact.name] = parseAmountInUnit(value, 10_000n).toString();
    else figures[fact.name] = typeof value === "string" ? value.trim() : value;
  }
  return figures;
}

const WAN = /^-?\d{1,12}(\.\d{1,6})?$/;

function Calculator({ page, caller }: { page: RulePage; caller: CalculatorCaller }) {
  const t = useT();
  const { language } = useLanguage();
  const english = language === "en";
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues & { year: number }>();
  const tryRule = useTryRule(page.ruleId, caller.kind === "public" ? caller.district : false);
  const [options, setOptions] = useState<{ id: number; name: string; creditCode: string }[]>([]);
  const years: number[] = [];
  for (let year = page.period.startYear; year <= page.period.endYear + 2; year++) years.push(year);
  const defaultYear = page.examples.year ?? page.period.startYear;

  const fill = (result: RuleTryResult) => {
    const values: FormValues = {};
    for (const fact of page.facts) {
      const value = result.figures[fact.name];
      values[fieldOf(fact)] = value === undefined ? undefined : toFormValue(fact, value);
    }
    form.setFieldsValue(values);
  };
  const fromEnterprise = (enterpriseId: number) =>
    tryRule.mutate({ year: form.getFieldValue("year") ?? defaultYear, enterpriseId }, { onSuccess: fill });
  const compute = (values: FormValues & { year: number }) =>
    tryRule.mutate({ year: values.year, figures: toFigures(page.facts, values) });
  const search = async (q: string) => {
    const found = await api.get<{ items: { id: number; name: string; creditCode: string }[] }>("/api/enterprises", {
      q,
      pageSize: 20,
    });
    setOptions(found.items);
  };

  if (!page.calculable)
    return (
      <Card size="small" title={t("rules.calculator")} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t("rules.notCalculable")}</Typography.Text>
      </Card>
    );
  return (
    <Card size="small" title={t("rules.calculator")} style={{ marginTop: 12 }} data-testid="rule-calculator">
      <Typography.Paragraph type="secondary">{t("rules.calculatorIntro")}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year: defaultYear }} onFinish={compute}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="year" label={t("rules.year")}>
              <Select options={years.map((year) => ({ value: year, label: String(year) }))} />
            </Form.Item>
          </Col>
          {caller.kind === "staff" && (
            <Col xs={24} sm={16}>
              <Form.Item label={t("rules.startFrom")}>
                <Select
                  showSearch={{ filterOption: false, onSearch: search }}
                  aria-label={t("rules.startFrom")}
                  placeholder={t("rules.pickEnterprise")}
                  onFocus={() => options.length === 0 && search("")}
                  options={options.map((option) => ({
                    value: option.id,
                    label: `${option.name}（${option.creditCode}）`,
                  }))}
                  onChange={(value: number) => fromEnterprise(value)}
                />
              </Form.Item>
            </Col>
          )}
          {caller.kind === "enterprise" && (
            <Col xs={24} sm={16}>
              <Form.Item label={t("rules.startFrom")}>
                <Button onClick={() => fromEnterprise(caller.enterpriseId)}>{t("rules.startFromOwn")}</Button>
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={12}>
          {page.facts.map((fact) => (
            <Col xs={24} sm={12} lg={8} key={fact.name}>
              <FactField fact={fact} english={english} />
            </Col>
          ))}
        </Row>
        <Space>
          {/* A delayed spinner: an answer within 200 ms shows none, so a quick toggle cannot leave it spinning. */}
          <Button type="primary" htmlType="submit" loading={tryRule.isPending ? { delay: 200 } : false}>
            {t("rules.compute")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              tryRule.reset();
            }}
          >
            {t("rules.clear")}
          </Button>
        </Space>
      </Form>
      {tryRule.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={errorText(tryRule.error)}
          data-testid="try-error"
        />
      )}
      {tryRule.data && <TryResult result={tryRule.data} />}
    </Card>
  );
}

function FactField({ fact, english }: { fact: RuleFact; english: boolean }) {
  const t = useT();
  const label = `${factLabel(fact, english)}${fact.kind === "money" ? (english ? " (10k yuan)" : "（万元）") : ""}`;
  const name = fieldOf(fact);
  switch (fact.kind) {
    case "flag":
      return (
        <Form.Item name={name} label={label}>
          <Select
            allowClear
            placeholder={t("rules.unknown")}
            options={[
              { value: true, label: t("common.yes") },
              { value: false, label: t("common.no") },
            ]}
          />
        </Form.Item>
      );
    case "category":
      return (
        <Form.Item name={name} label={label}>
          <Select
            allowClear
            placeholder={t("rules.unknown")}
            options={fact.options.map((option) => ({ value: option.id, label: english ? option.en : option.zh }))}
          />
        </Form.Item>
      );
    case "money":
      return (
        <Form.Item
          name={name}
          label={label}
          tooltip={t("rules.moneyHint")}
          rules={[{ pattern: WAN, message: t("rules.moneyInvalid") }]}
        >
          <Input inputMode="decimal" suffix={english ? "10k yuan" : "万元"} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name={name} label={label}>
          <Input
            inputMode={fact.kind === "year" ? "numeric" : "decimal"}
            suffix={fact.kind === "quantity" ? ((english ? fact.unitEn : fact.unitZh) ?? undefined) : undefined}
          />
        </Form.Item>
      );
  }
}

function TryResult({ result }: { result: RuleTryResult }) {
  const t = useT();
  const { language } = useLanguage();
  const english = language === "en";
  const paid = result.awards.length > 0;
  return (
    <div data-testid="try-result" style={{ marginTop: 16 }}>
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t("rules.result")}>
          {result.enterprise
            ? t("rules.resultFor", { name: result.enterprise.name, year: result.year })
            : t("rules.resultManual", { year: result.year })}
        </Descriptions.Item>
        <Descriptions.Item label={t("rules.total")}>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="try-amount">
            {paid
              ? result.caseByCase && result.amountFen === "0"
                ? t("rules.caseByCase")
                : formatFenForDisplay(result.amountFen)
              : t("rules.nothing")}
          </Typography.Text>
          {paid && result.caseByCase && result.amountFen !== "0" && (
            <Tag style={{ marginLeft: 8 }}>{t("rules.caseByCase")}</Tag>
          )}
          {result.awards.some((award) => award.budget !== undefined) && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t("rules.beforeBudget")}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {result.awards.map((award) => (
        <Card
          key={`${award.ruleId}-${award.tier ?? ""}-${award.subjectId ?? ""}`}
          size="small"
          style={{ marginTop: 8 }}
          title={
            <Space wrap>
              <Tag color="green">
                {award.amountFen === null ? t("rules.caseByCase") : formatFenForDisplay(award.amountFen)}
              </Tag>
              {award.subjectId && <span>{t("rules.subjectId", { id: award.subjectId })}</span>}
              {award.budget && <Tag color="orange">{t("rules.beforeBudget")}</Tag>}
              {award.budget?.keptFen != null && (
                <Tag color="blue">{t("rules.atYearRatio", { amount: formatFenForDisplay(award.budget.keptFen) })}</Tag>
              )}
            </Space>
          }
        >
          <Typography.Paragraph>{english ? award.explanation.en : award.explanation.zh}</Typography.Paragraph>
          {award.budget && (
            <Alert
              type="warning"
              showIcon
              data-testid="try-budget"
              style={{ marginBottom: 12 }}
              message={english ? award.budget.en : award.budget.zh}
            />
          )}
          <Typography.Text type="secondary">{t("rules.arithmetic")}</Typography.Text>
          <Typography.Paragraph code style={{ wordBreak: "break-all" }}>
            {arithmeticForDisplay(award.explanation.arithmetic, language)}
          </Typography.Paragraph>
          {award.explanation.nextTier && (
            <Typography.Paragraph type="secondary">
              {english ? award.explanation.nextTier.en : award.explanation.nextTier.zh}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{t("rules.factsUsed")}</Typography.Text>
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            {award.explanation.facts.map((fact) => (
              <li key={`${fact.name}-${fact.year}`}>
                {english ? fact.labelEn : fact.label}
                {fact.year === null ? "" : ` ${fact.year}`}
                {english ? ": " : "："}
                {factValue(fact.name, fact.value, t("common.yes"), t("common.no"))}
              </li>
            ))}
          </ul>
        </Card>
      ))}
      {(!paid || result.whyNots.length > 0) && (
        <Card size="small" title={t("rules.whyNot")} style={{ marginTop: 8 }}>
          {result.whyNots.length === 0 ? (
            <Empty description={t("rules.nothing")} />
          ) : (
            <ul style={{ paddingLeft: 20, margin: 0 }} data-testid="try-why-not">
              {result.whyNots.map((entry) => (
                <li key={`${entry.reason}-${entry.subjectId ?? ""}-${entry.zh}`}>{english ? entry.en : entry.zh}</li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
