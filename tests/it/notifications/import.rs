//! NTF-1 "import finished": one notification for the person who uploaded, with the run's
//! counts and a link to the import; nobody else hears of it.

use domain::Role;
use integration_tests::TestApp;

use crate::imports::{fixture, process, staged};

#[tokio::test]
async fn a_finished_import_notifies_its_uploader_once_with_its_counts_and_link() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    // A colleague of the same role, who must hear nothing of it.
    app.user(Role::FinanceStaff).await;
    // No customer of the workbook exists: every row fails on its customer except the
    // repeated one, so the counts are 0 ok, 10 errors, 1 duplicate (11 rows).
    let import = staged(
        &app,
        &finance,
        "invoices",
        "faktur.xlsx",
        fixture("invoices-messy.xlsx"),
    )
    .await;
    let id = import["id"].as_str().expect("id").to_owned();
    let done = process(&app, &finance, &id).await;
    let counts = (
        done["success_count"].as_i64().expect("ok"),
        done["error_count"].as_i64().expect("error"),
        done["duplicate_count"].as_i64().expect("duplicate"),
    );
    assert_eq!(counts.0 + counts.1 + counts.2, 11, "{done}");

    let notices: Vec<(uuid::Uuid, String, Option<String>)> = sqlx::query_as(
        "select user_id, body, link from notifications where kind = 'import_finished'",
    )
    .fetch_all(&app.owner)
    .await
    .expect("notices");
    // Exactly one, and it is the uploader's.
    assert_eq!(notices.len(), 1, "{notices:?}");
    let (user, text, link) = &notices[0];
    assert_eq!(*user, finance.id, "the uploader");
    assert_eq!(link.as_deref(), Some(format!("/imports/{id}").as_str()));
    assert_eq!(
        text,
        &format!(
            "faktur.xlsx: {} berhasil, {} gagal, {} duplikat",
            counts.0, counts.1, counts.2
        )
    );
}
