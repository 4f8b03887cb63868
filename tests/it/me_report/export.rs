//! The report's workbook: one sheet per section, every cell equal to the JSON.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use integration_tests::TestApp;
use serde_json::Value;

use super::{figures::seed, report, this_month};

/// The sheets of a workbook as rows of texts (headers first).
fn sheets(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("xlsx");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

fn num(v: &Value) -> String {
    v.as_i64().expect("a count").to_string()
}

/// The `Value` cell of the (figure, key) row of a count sheet.
fn cell<'a>(rows: &'a [Vec<String>], figure: &str, key: &str) -> &'a str {
    rows.iter()
        .find(|r| r[0] == figure && r[1] == key)
        .map(|r| r[2].as_str())
        .unwrap_or_else(|| panic!("no row {figure}/{key} in {rows:?}"))
}

#[tokio::test]
async fn the_export_holds_one_sheet_per_section_with_the_reports_figures() {
    let app = TestApp::spawn().await;
    let book = seed(&app).await;
    let query = format!("?period={}", this_month());
    let r = report(&app, &book.s1, &query).await;
    let response = app.export(&book.s1, "me-report", &query).await;
    assert_eq!(response.status(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains(&format!("me-report-{}.xlsx", this_month())),
        "{disposition}"
    );
    let sheets = sheets(response.bytes().await.unwrap().to_vec());
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Leads", "Activities", "Tasks", "Tickets", "Targets", "AR"]
    );
    let sheet = |name: &str| &sheets.iter().find(|(n, _)| n == name).unwrap().1;

    let leads = sheet("Leads");
    assert_eq!(leads[0], ["Figure", "Key", "Value"]);
    assert_eq!(cell(leads, "total", ""), num(&r["leads"]["total"]));
    for s in r["leads"]["by_status"].as_array().unwrap() {
        assert_eq!(
            cell(leads, "by_status", s["status"].as_str().unwrap()),
            num(&s["count"])
        );
    }
    for c in r["leads"]["by_channel"].as_array().unwrap() {
        assert_eq!(
            cell(leads, "by_channel", c["channel"].as_str().unwrap()),
            num(&c["count"])
        );
    }
    let activities = sheet("Activities");
    for t in r["activities"]["by_type"].as_array().unwrap() {
        let kind = t["activity_type"].as_str().unwrap();
        assert_eq!(cell(activities, "by_type", kind), num(&t["count"]));
    }
    assert_eq!(
        cell(activities, "visits_done", ""),
        num(&r["activities"]["visits_done"])
    );
    let tasks = sheet("Tasks");
    for figure in ["open", "overdue", "due", "done"] {
        assert_eq!(
            cell(tasks, figure, ""),
            num(&r["tasks"][figure]),
            "{figure}"
        );
    }
    let tickets = sheet("Tickets");
    for figure in ["opened", "closed", "open_now"] {
        assert_eq!(
            cell(tickets, figure, ""),
            num(&r["tickets"][figure]),
            "{figure}"
        );
    }
    assert_eq!(
        cell(tickets, "sla", "resolution_met"),
        num(&r["tickets"]["sla"]["resolution_met"])
    );

    // Targets: the scorecard's columns; NA where the JSON has null.
    let targets = sheet("Targets");
    let rows = r["targets"]["rows"].as_array().unwrap();
    assert_eq!(targets.len(), rows.len() + 1);
    for (line, row) in targets[1..].iter().zip(rows) {
        assert_eq!(line[0], row["metric_key"].as_str().unwrap());
        assert_eq!(line[6], row["target"].as_str().unwrap_or(""));
        assert_eq!(line[7], row["actual"].as_str().unwrap_or("NA"));
        assert_eq!(line[9], row["status"].as_str().unwrap());
    }

    // AR: the customers then the totals row, amounts as in the JSON.
    let ar = sheet("AR");
    let totals = ar.last().unwrap();
    assert_eq!(totals[1], "Total");
    assert_eq!(totals[7], r["ar"]["totals"]["total"].as_str().unwrap());
    assert_eq!(totals[7], "1300000.00");
    assert_eq!(ar[1][7], r["ar"]["customers"][0]["total"].as_str().unwrap());
}
