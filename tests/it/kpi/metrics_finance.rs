//! Finance metrics (KPI-3) against a book computed by hand: ar_overdue_amount,
//! dso_rolling_30, collection_rate and payments_collected, credited per customer as
//! revenue is (owner, else shared by prospect owners, else unattributed), for a
//! salesperson, the sales manager's team and the company. The periods are past months
//! (September–November 2026), so balances are as of the period's last day, not today.
//!
//! The finance metrics are the finance department's: a target lists them on the
//! salesperson's and the team's scorecards. The director views every scope, the sales
//! manager the salesperson and the own team.

use domain::Role;
use integration_tests::{TestApp, TestUser};
use uuid::Uuid;

use super::{
    fixtures::{
        assert_actuals, card, card_months, customer, fixed_user, invoice, prospect_of, target,
        void, Scope,
    },
    trend,
};

const METRICS: [&str; 4] = [
    "ar_overdue_amount",
    "dso_rolling_30",
    "collection_rate",
    "payments_collected",
];

struct People {
    director: TestUser,
    sm: TestUser,
    p1: TestUser,
}

/// The book (dates 2026; payments allocated FIFO, oldest due date first):
///
/// | customer | credit            | invoice | date  | due   | amount       | payments (FIFO)                                  |
/// |----------|-------------------|---------|-------|-------|--------------|--------------------------------------------------|
/// | F1       | owner p1          | I1      | 08-15 | 09-14 | 1,000,000.00 | 09-20 400,000.00; 10-10 600,000.00 (settled)     |
/// |          |                   | I2      | 09-10 | 10-10 | 2,000,000.00 | 10-31 500,000.00; 11-01 100,000.00               |
/// |          |                   | I3      | 10-01 | 10-31 | 3,000,000.00 | –                                                |
/// |          |                   | I4      | 10-31 | 11-30 |   500,000.00 | –                                                |
/// |          |                   | I5      | 11-01 | 11-30 |   800,000.00 | –                                                |
/// |          |                   | I6      | 10-15 | 11-14 |   900,000.00 | void                                             |
/// | F2       | owner p2          | J1      | 09-05 | 09-30 | 1,200,000.00 | 10-25 300,000.00                                 |
/// |          |                   | J2      | 10-20 | 11-19 |   300,000.00 | –                                                |
/// | F3       | owner q           | K1      | 09-01 | 09-15 | 5,000,000.00 | 10-05 5,000,000.00 (settled)                     |
/// |          |                   | K2      | 10-02 | 10-16 | 1,000,000.00 | –                                                |
/// | F4       | prospects p1, q   | M1      | 09-25 | 10-05 |     1,000.01 | 10-15 1,500.00 → M1 1,000.01 (settled),          |
/// |          | (p1 first)        | M2      | 10-10 | 10-20 |     2,000.00 |   M2 499.99                                      |
/// | F5       | nobody            | N1      | 10-05 | 10-06 |    10,000.00 | –                                                |
async fn book(app: &TestApp) -> People {
    let sm = fixed_user(app, Role::SalesManager, None, 0x10).await;
    let p1 = fixed_user(app, Role::Salesperson, Some(sm.id), 1).await;
    let p2 = fixed_user(app, Role::Salesperson, Some(sm.id), 2).await;
    let q = fixed_user(app, Role::Salesperson, None, 3).await;
    let finance = app.user(Role::FinanceStaff).await;
    let f1 = customer(app, Some(p1.id)).await;
    let f2 = customer(app, Some(p2.id)).await;
    let f3 = customer(app, Some(q.id)).await;
    let f4 = customer(app, None).await;
    for owner in [p1.id, q.id] {
        prospect_of(app, f4, Some(owner), "new", "0", "2026-01-10 10:00+07").await;
    }
    let f5 = customer(app, None).await;
    let invoices: [(Uuid, &str, &str, &str); 12] = [
        (f1, "2026-08-15", "2026-09-14", "1000000.00"),
        (f1, "2026-09-10", "2026-10-10", "2000000.00"),
        (f1, "2026-10-01", "2026-10-31", "3000000.00"),
        (f1, "2026-10-31", "2026-11-30", "500000.00"),
        (f1, "2026-11-01", "2026-11-30", "800000.00"),
        (f2, "2026-09-05", "2026-09-30", "1200000.00"),
        (f2, "2026-10-20", "2026-11-19", "300000.00"),
        (f3, "2026-09-01", "2026-09-15", "5000000.00"),
        (f3, "2026-10-02", "2026-10-16", "1000000.00"),
        (f4, "2026-09-25", "2026-10-05", "1000.01"),
        (f4, "2026-10-10", "2026-10-20", "2000.00"),
        (f5, "2026-10-05", "2026-10-06", "10000.00"),
    ];
    for (c, day, due, amount) in invoices {
        invoice(app, c, day, due, amount).await;
    }
    let i6 = invoice(app, f1, "2026-10-15", "2026-11-14", "900000.00").await;
    void(app, i6).await;
    for (c, day, amount) in [
        (f1, "2026-09-20", "400000.00"),
        (f1, "2026-10-10", "600000.00"),
        (f1, "2026-10-31", "500000.00"),
        (f1, "2026-11-01", "100000.00"),
        (f2, "2026-10-25", "300000.00"),
        (f3, "2026-10-05", "5000000.00"),
        (f4, "2026-10-15", "1500.00"),
    ] {
        let payment = app.pay_fifo(&finance, c, day, amount).await;
        assert_eq!(payment["unapplied"], "0.00", "{payment}");
    }
    for metric in METRICS {
        for scope in [Scope::User(p1.id), Scope::Team(sm.id)] {
            target(app, metric, scope, "2026-09-01", "2026-11-30").await;
        }
    }
    People {
        director: app.user(Role::Director).await,
        sm,
        p1,
    }
}

/// Who looks: the director at every scope; the sales manager at p1 and the own team too
/// (credit does not depend on which prospects the viewer may read).
fn viewers(p: &People, scope: Scope) -> Vec<&TestUser> {
    match scope {
        Scope::Company => vec![&p.director],
        _ => vec![&p.director, &p.sm],
    }
}

#[tokio::test]
async fn overdue_and_dso_read_the_balances_at_the_period_s_last_day() {
    let app = TestApp::spawn().await;
    let p = book(&app).await;
    // As of 2026-10-31 (open = dated by then, minus what was paid by then):
    //   F1: I2 2,000,000.00 − 500,000.00 (10-31 counts; 11-01 does not) = 1,500,000.00,
    //       21 days overdue; I3 3,000,000.00 due that very day: 0 days, not overdue;
    //       I4 500,000.00 (dated 10-31), not due. I1 settled, I5 later, I6 void.
    //       Balance 5,000,000.00, overdue 1,500,000.00.
    //   F2: J1 900,000.00 overdue; J2 300,000.00 not due. Balance 1,200,000.00.
    //   F3: K2 1,000,000.00 overdue (K1 settled 10-05).
    //   F4: M2 1,500.01 overdue → p1 750.01, q 750.00.
    //   F5: N1 10,000.00 overdue (nobody's).
    // Overdue: p1 1,500,000.00 + 750.01 = 1,500,750.01; team (sm, p1, p2) + 900,000.00
    // = 2,400,750.01; company 1,500,000.00 + 900,000.00 + 1,000,000.00 + 1,500.01
    // + 10,000.00 = 3,411,500.01.
    //
    // DSO = balance × 30 ÷ invoiced in the 30 days 10-02..10-31 (I3 of 10-01 is outside,
    // K2 of 10-02 inside):
    //   p1: (5,000,000.00 + 750.01) × 30 ÷ (I4 500,000.00 + ½ M2 1,000.00)
    //       = 150,022,500.30 ÷ 501,000.00 = 299.446… → 299.45
    //   team: (5,000,750.01 + 1,200,000.00) × 30 ÷ (501,000.00 + J2 300,000.00)
    //       = 186,022,500.30 ÷ 801,000.00 = 232.237… → 232.24
    //   company: (5,000,000.00 + 1,200,000.00 + 1,000,000.00 + 1,500.01 + 10,000.00) × 30
    //       ÷ (500,000.00 + 300,000.00 + 1,000,000.00 + 2,000.00 + 10,000.00)
    //       = 216,345,000.30 ÷ 1,812,000.00 = 119.395… → 119.40
    for (scope, overdue, dso) in [
        (Scope::User(p.p1.id), "1500750.01", "299.45"),
        (Scope::Team(p.sm.id), "2400750.01", "232.24"),
        (Scope::Company, "3411500.01", "119.40"),
    ] {
        let expected = [
            ("ar_overdue_amount", Some(overdue)),
            ("dso_rolling_30", Some(dso)),
        ];
        for viewer in viewers(&p, scope) {
            let c = card(&app, viewer, "2026-10", scope).await;
            assert_actuals(
                &c,
                &format!("October as {}", viewer.role.as_str()),
                &expected,
            );
        }
    }
    // As of 2026-09-30: I1 600,000.00 overdue (due 09-14), I2 not due; J1 due that day
    // (not overdue); K1 5,000,000.00 overdue; M1 not due. p1 600,000.00, company
    // 5,600,000.00. p1's DSO: balance 600,000.00 + 2,000,000.00 + ½ 1,000.01 (500.01)
    // = 2,600,500.01 × 30 ÷ invoiced 09-01..09-30 (I2 2,000,000.00 + 500.01)
    // = 78,015,000.30 ÷ 2,000,500.01 = 38.997… → 39.00.
    let sept = card(&app, &p.director, "2026-09", Scope::User(p.p1.id)).await;
    let expected = [
        ("ar_overdue_amount", Some("600000.00")),
        ("dso_rolling_30", Some("39.00")),
    ];
    assert_actuals(&sept, "p1 September", &expected);
    let sept = card(&app, &p.director, "2026-09", Scope::Company).await;
    assert_actuals(
        &sept,
        "company September",
        &[("ar_overdue_amount", Some("5600000.00"))],
    );
    // September and October in one request (one statement per metric over both months),
    // as above.
    let both = card_months(&app, &p.director, "2026-10", 2, Scope::User(p.p1.id)).await;
    assert_eq!(
        trend(&both, "ar_overdue_amount"),
        some(["600000.00", "1500750.01"])
    );
    assert_eq!(trend(&both, "dso_rolling_30"), some(["39.00", "299.45"]));
    let both = card_months(&app, &p.director, "2026-10", 2, Scope::Company).await;
    assert_eq!(
        trend(&both, "ar_overdue_amount"),
        some(["5600000.00", "3411500.01"])
    );
}

/// The months' actuals, none NA.
fn some<const N: usize>(values: [&str; N]) -> Vec<Option<String>> {
    values.iter().map(|v| Some((*v).to_owned())).collect()
}

#[tokio::test]
async fn collection_rate_and_payments_count_the_payments_dated_in_the_period() {
    let app = TestApp::spawn().await;
    let p = book(&app).await;
    // October. Balance as of 09-30: F1 I1 600,000.00 + I2 2,000,000.00; F2 J1 1,200,000.00;
    // F3 K1 5,000,000.00; F4 M1 1,000.01 (p1 500.01, q 500.00).
    // Invoiced in October: F1 I3 3,000,000.00 + I4 500,000.00; F2 J2 300,000.00;
    // F3 K2 1,000,000.00; F4 M2 2,000.00 (p1 1,000.00, q 1,000.00); F5 N1 10,000.00.
    // Paid in October: F1 600,000.00 + 500,000.00 (10-31; 11-01 is November's);
    // F2 300,000.00; F3 5,000,000.00; F4 1,500.00 (p1 750.00, q 750.00).
    //   p1: 1,100,750.00 ÷ (2,600,500.01 + 3,501,000.00 = 6,101,500.01) = 18.040… → 18.04
    //   team: 1,400,750.00 ÷ (6,101,500.01 + 1,200,000.00 + 300,000.00 = 7,601,500.01)
    //       = 18.427… → 18.43
    //   company: 6,401,500.00 ÷ (8,801,000.01 + 4,812,000.00 = 13,613,000.01)
    //       = 47.024… → 47.02
    for (scope, rate, paid) in [
        (Scope::User(p.p1.id), "18.04", "1100750.00"),
        (Scope::Team(p.sm.id), "18.43", "1400750.00"),
        (Scope::Company, "47.02", "6401500.00"),
    ] {
        let expected = [
            ("collection_rate", Some(rate)),
            ("payments_collected", Some(paid)),
        ];
        for viewer in viewers(&p, scope) {
            let c = card(&app, viewer, "2026-10", scope).await;
            assert_actuals(
                &c,
                &format!("October as {}", viewer.role.as_str()),
                &expected,
            );
        }
    }
    // The edges for p1. September: paid 09-20 400,000.00 ÷ (balance on 08-31: I1
    // 1,000,000.00 + invoiced in September: I2 2,000,000.00 + ½ M1 500.01 = 3,000,500.01)
    // = 13.331… → 13.33. November: paid 11-01 100,000.00 ÷ (balance on 10-31
    // 5,000,750.01 + I5 800,000.00 = 5,800,750.01) = 1.723… → 1.72.
    for (period, rate, paid) in [
        ("2026-09", "13.33", "400000.00"),
        ("2026-11", "1.72", "100000.00"),
    ] {
        let c = card(&app, &p.director, period, Scope::User(p.p1.id)).await;
        let expected = [
            ("collection_rate", Some(rate)),
            ("payments_collected", Some(paid)),
        ];
        assert_actuals(&c, period, &expected);
    }
    // September to November in one request, as above.
    let three = card_months(&app, &p.sm, "2026-11", 3, Scope::User(p.p1.id)).await;
    let rate = some(["13.33", "18.04", "1.72"]);
    assert_eq!(trend(&three, "collection_rate"), rate);
    let paid = some(["400000.00", "1100750.00", "100000.00"]);
    assert_eq!(trend(&three, "payments_collected"), paid);
}
