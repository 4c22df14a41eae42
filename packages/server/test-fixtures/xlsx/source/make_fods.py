"""Writes the flat-ODS sources of the office-suite fixtures that a CSV cannot express
(merged title cells, a two-row header, rich text, text-typed numbers, date cells)."""
import os
from xml.sax.saxutils import escape

A, B, C, D = "91360202MA35A1B2CL", "91360202MA35A1B3DQ", "91360202MA35A1B4EW", "91360202MA35A1B5F1"

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="N37"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" fo:color="#c00000"/></style:style>
  <style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N37"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet><table:table table:name="{sheet}">
"""
TAIL = """ </table:table></office:spreadsheet></office:body></office:document>
"""


def text(value, span_cols=1, span_rows=1):
    spans = ""
    if span_cols > 1 or span_rows > 1:
        spans = f' table:number-columns-spanned="{span_cols}" table:number-rows-spanned="{span_rows}"'
    return f'<table:table-cell office:value-type="string"{spans}><text:p>{escape(value)}</text:p></table:table-cell>'


def rich(*runs):
    """runs: (text, bold?)"""
    inner = "".join(f'<text:span text:style-name="T1">{escape(t)}</text:span>' if b else escape(t) for t, b in runs)
    return f'<table:table-cell office:value-type="string"><text:p>{inner}</text:p></table:table-cell>'


def num(value):
    return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'


def date(iso):
    return (f'<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="{iso}">'
            f'<text:p>{iso}</text:p></table:table-cell>')


def covered(n=1):
    return f'<table:covered-table-cell table:number-columns-repeated="{n}"/>' if n > 1 else "<table:covered-table-cell/>"


def empty(n=1):
    return f'<table:table-cell table:number-columns-repeated="{n}"/>' if n > 1 else "<table:table-cell/>"


def row(*cells):
    return "  <table:table-row>" + "".join(cells) + "</table:table-row>\n"


def write(name, sheet, rows):
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), name), "w", encoding="utf-8") as f:
        f.write(HEAD.replace("{sheet}", sheet) + "".join(rows) + TAIL)


# A statistics-bureau monthly report: merged title, unit line, two-row header with
# 本年累计 / 上年同期 / 增速, cumulative figures in 千元, a total row and a note.
write("monthly-bureau.fods", "1-2月", [
    row(text("2022年1-2月昌江区规模以上工业企业主要经济指标", span_cols=8), covered(7)),
    row(empty(6), text("单位：千元", span_cols=2), covered()),
    row(text("统一社会信用代码", span_rows=2), text("企业名称", span_rows=2), text("报告期", span_rows=2),
        text("营业收入", span_cols=3), covered(2), text("入库税收", span_cols=2), covered()),
    row(covered(3), text("本年累计"), text("上年同期"), text("增速（%）"), text("本年累计"), text("上年同期")),
    row(text(A), rich(("景德镇", True), ("甲医药有限公司", False)), text("2022年1月"),
        num("1000.5"), num("900"), num("11.2"), num("50"), num("40")),
    row(text(A), rich(("景德镇", True), ("甲医药有限公司", False)), text("2022年2月"),
        num("2100.7"), num("1800"), num("16.7"), num("110.3"), num("90")),
    row(text(B), text("景德镇乙电子科技有限公司"), date("2022-01-31"),
        text("300.25"), text("250"), text("20.1"), text("12"), text("10")),
    row(text(B), text("景德镇乙电子科技有限公司"), text("2022/02/28"),
        text("620.25"), text("500"), text("24.1"), text("30.5"), text("20")),
    row(text("合计"), empty(2), num("3721.45"), num("3450"), num("7.9"), num("202.8"), num("160")),
    row(text("注：本表数据来源于统计联网直报平台，累计数为1月至报告期末。", span_cols=8), covered(7)),
])

# An annual file as offices retype it: title and unit line above the header, a header
# with its own unit, codes padded with full-width spaces, numbers typed as text with
# thousands separators, the period written as a date in text, an Excel-style date cell.
write("annual-messy.fods", "年报", [
    row(text("2022年度重点企业主要指标", span_cols=6), covered(5)),
    row(text("填报单位：区工信局"), empty(4), text("单位：万元")),
    row(text("序号"), rich(("统一社会信用代码", True)), text("企业名称"), text("报告期"),
        rich(("营业收入", False), ("（万元）", True)), text("入库税收（千元）")),
    row(num("1"), text("\u3000" + A + "\u3000"), text("景德镇甲医药有限公司"), text("2022-12-31"),
        text("52,345.67"), text("12,345")),
    row(num("2"), text(B.lower()), text("景德镇乙电子科技有限公司"), date("2022-12-31"),
        num("2100"), text("880.8")),
    row(num("3"), text(C), text("景德镇丙航空部件有限公司"), text("2022年12月31日"),
        text("３９００００"), num("150000.1")),
])

# A statistics bureau's year-end report as a district meets it on day one: the period only in the title
# (1—12月, with an em dash), enterprises not yet in the register, with 国民经济行业代码 (letter or none, one
# typed as text) and 乡镇 columns, a two-row header (本年累计 / 增速), amounts in 千元, a total and a note.
N1, N2, N3, N4 = "91360202MA37N1R012", "91360202MA37N1R025", "91360202MA37N1R038", "91360202MA37N1R04B"
write("monthly-year-title.fods", "1-12月", [
    row(text("2022年1—12月昌江区规模以上工业企业主要经济指标", span_cols=9), covered(8)),
    row(empty(7), text("单位：千元", span_cols=2), covered()),
    row(text("序号", span_rows=2), text("统一社会信用代码", span_rows=2), text("单位详细名称", span_rows=2),
        text("国民经济行业代码", span_rows=2), text("乡镇", span_rows=2),
        text("营业收入", span_cols=2), covered(), text("利润总额", span_rows=2),
        text("从业人员平均人数（人）", span_rows=2)),
    row(covered(5), text("本年累计"), text("增速（%）"), covered(2)),
    row(num("1"), text(N1), rich(("景德镇", True), ("宏达制药有限公司", False)), text("C2710"), text("鲇鱼山镇"),
        num("52345.6"), num("8.1"), num("3210.5"), num("356")),
    row(num("2"), text(N2), text("景德镇华信电子有限公司"), text("3971"), text("丽阳镇"),
        num("21000"), num("-3.2"), num("1200"), num("120")),
    row(num("3"), text(N3), text("景德镇鹏程航空零部件有限公司"), text("C3741"), empty(),
        num("39000.25"), num("12"), num("2500"), num("210")),
    row(num("4"), text(N4), text("景德镇新华陶瓷有限公司"), text("C3071"), text("西郊街道"),
        num("8800"), num("5"), num("-300"), num("95")),
    row(empty(), text("合计"), empty(3), num("121145.85"), num("4.6"), num("6610.5"), num("781")),
    row(text("注：本表为快报数，累计数为1月至报告期末。", span_cols=9), covered(8)),
])
