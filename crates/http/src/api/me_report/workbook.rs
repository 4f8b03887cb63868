//! The personal report as a workbook: one sheet per section the report has. Counts are
//! rows of figure, key and value (the JSON's field, the status/type/channel it is for,
//! the number); targets and AR keep the columns of the KPI scorecard and aging exports.

use actix_web::HttpResponse;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::MeReportBody;
use crate::{
    api::{
        ar::AgingRow,
        kpi::ScoreRow,
        sheet::{text, XLSX},
        tickets::SlaReportLine,
    },
    error::{ApiError, ApiResult},
};

const COUNT_HEADERS: &[&str] = &["Figure", "Key", "Value"];
const TARGET_HEADERS: &[&str] = &[
    "Metric key",
    "Metric",
    "Department",
    "Unit",
    "Direction",
    "Source",
    "Target",
    "Actual",
    "Achievement %",
    "Status",
];
const AR_HEADERS: &[&str] = &[
    "Customer code",
    "Customer",
    "Current",
    "1-30",
    "31-60",
    "61-90",
    ">90",
    "Total",
    "Paid after",
    "Unapplied",
    "Net",
];

/// One sheet: its name, column headers and rows of texts.
#[derive(Debug, Clone)]
pub(super) struct SheetRows {
    pub name: &'static str,
    pub headers: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
}

fn count(figure: &str, key: &str, value: impl ToString) -> Vec<String> {
    vec![figure.to_owned(), key.to_owned(), value.to_string()]
}

/// The sheets of the report's sections, in the report's order.
pub(super) fn sheets(body: &MeReportBody) -> Vec<SheetRows> {
    let mut sheets = Vec::new();
    let mut add = |name, headers, rows| {
        sheets.push(SheetRows {
            name,
            headers,
            rows,
        })
    };
    if let Some(l) = &body.leads {
        let mut rows = vec![count("total", "", l.total)];
        rows.extend(
            l.by_status
                .iter()
                .map(|s| count("by_status", s.status.as_str(), s.count)),
        );
        rows.extend(
            l.by_channel
                .iter()
                .map(|c| count("by_channel", &c.channel, c.count)),
        );
        add("Leads", COUNT_HEADERS, rows);
    }
    if let Some(a) = &body.activities {
        let mut rows = vec![count("total", "", a.total)];
        rows.extend(
            a.by_type
                .iter()
                .map(|t| count("by_type", t.activity_type.as_str(), t.count)),
        );
        rows.push(count("system", "", a.system));
        rows.push(count("visits_done", "", a.visits_done));
        add("Activities", COUNT_HEADERS, rows);
    }
    if let Some(t) = &body.tasks {
        let rows = vec![
            count("open", "", t.open),
            count("overdue", "", t.overdue),
            count("due", "", t.due),
            count("done", "", t.done),
        ];
        add("Tasks", COUNT_HEADERS, rows);
    }
    if let Some(t) = &body.tickets {
        let mut rows = vec![
            count("opened", "", t.opened),
            count("closed", "", t.closed),
            count("open_now", "", t.open_now),
        ];
        rows.extend(sla_rows(&t.sla));
        add("Tickets", COUNT_HEADERS, rows);
    }
    if let Some(t) = &body.targets {
        add(
            "Targets",
            TARGET_HEADERS,
            t.rows.iter().map(target_cells).collect(),
        );
    }
    if let Some(a) = &body.ar {
        let mut rows: Vec<_> = a.customers.iter().map(aging_cells).collect();
        rows.push(aging_cells(&a.totals));
        add("AR", AR_HEADERS, rows);
    }
    sheets
}

fn sla_rows(s: &SlaReportLine) -> Vec<Vec<String>> {
    vec![
        count("sla", "tickets", s.tickets),
        count("sla", "first_response_met", s.first_response_met),
        count("sla", "first_response_breached", s.first_response_breached),
        count("sla", "first_response_at_risk", s.first_response_at_risk),
        count("sla", "resolution_met", s.resolution_met),
        count("sla", "resolution_breached", s.resolution_breached),
        count("sla", "resolution_at_risk", s.resolution_at_risk),
    ]
}

fn target_cells(r: &ScoreRow) -> Vec<String> {
    vec![
        r.metric_key.clone(),
        r.name.clone(),
        r.dept.clone(),
        r.unit.as_str().to_owned(),
        r.direction.as_str().to_owned(),
        r.source.as_str().to_owned(),
        text(r.target.as_deref()),
        r.actual.clone().unwrap_or_else(|| "NA".to_owned()),
        text(r.achievement_pct.as_deref()),
        r.status.as_str().to_owned(),
    ]
}

fn aging_cells(r: &AgingRow) -> Vec<String> {
    vec![
        text(r.customer_code.as_deref()),
        r.customer_name.clone(),
        r.current.clone(),
        r.d1_30.clone(),
        r.d31_60.clone(),
        r.d61_90.clone(),
        r.d90_plus.clone(),
        r.total.clone(),
        r.paid_after.clone(),
        r.unapplied.clone(),
        r.net.clone(),
    ]
}

/// The workbook of `sheets` (a few dozen rows: built in memory) as the download
/// `me-report-<period>.xlsx`.
pub(super) async fn download(period: &str, sheets: Vec<SheetRows>) -> ApiResult<HttpResponse> {
    let bytes = tokio::task::spawn_blocking(move || write(&sheets))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"me-report-{period}.xlsx\""),
        ))
        .body(bytes))
}

fn write(sheets: &[SheetRows]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let out = book.add_worksheet();
        out.set_name(sheet.name)?;
        for (col, header) in (0u16..).zip(sheet.headers) {
            out.write_string_with_format(0, col, *header, &bold)?;
            out.set_column_width(col, 18)?;
        }
        for (row, cells) in (1u32..).zip(&sheet.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                out.write_string(row, col, cell)?;
            }
        }
        out.set_freeze_panes(1, 0)?;
    }
    if sheets.is_empty() {
        book.add_worksheet().set_name("Report")?;
    }
    book.save_to_buffer()
}
