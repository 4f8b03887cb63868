//! revenue_invoiced (KPI-3, KPI-5) against fixtures computed by hand: a customer's
//! invoices count 100 % for its owner; an unowned customer's are shared equally, to the
//! cent, by the owners of its live prospects (the first `cents mod n` owners in id order
//! take one cent more); a customer with neither is unattributed (company only). And a
//! property: over random amounts and owner counts, the per-user shares of every invoice
//! plus the unattributed part sum to the company's actual — 100 % of each document.
//!
//! The users have fixed ids (`…01` < `…02` < `…03`), so who takes the odd cent is known.

use domain::Role;
use integration_tests::{TestApp, TestUser};
use uuid::Uuid;

use super::fixtures::{
    assert_actuals, card, customer, delete, fixed_user, invoice, prospect_of, void, Scope,
};

/// Every invoice of these tests is due at the end of 2026 (no overdue figures here).
const DUE: &str = "2026-12-31";

/// A live prospect of `owner` on `customer` (they share its revenue when it has no owner).
async fn share_holder(app: &TestApp, customer: Uuid, owner: Uuid) -> Uuid {
    prospect_of(
        app,
        customer,
        Some(owner),
        "new",
        "0",
        "2026-01-10 10:00+07",
    )
    .await
}

struct People {
    director: TestUser,
    sm: TestUser,
    p1: TestUser,
    p2: TestUser,
    q: TestUser,
}

/// `p1` (…01) and `p2` (…02) in the team of `sm` (…10); `q` (…03) outside it.
async fn people(app: &TestApp) -> People {
    let sm = fixed_user(app, Role::SalesManager, None, 0x10).await;
    People {
        director: app.user(Role::Director).await,
        p1: fixed_user(app, Role::Salesperson, Some(sm.id), 1).await,
        p2: fixed_user(app, Role::Salesperson, Some(sm.id), 2).await,
        q: fixed_user(app, Role::Salesperson, None, 3).await,
        sm,
    }
}

/// The book, November 2026 unless said:
///
/// | customer | credit                                   | invoices                                                              |
/// |----------|------------------------------------------|-----------------------------------------------------------------------|
/// | CA       | owner p1 (p2's prospect changes nothing) | 11-01 1,000,000.00; 11-30 500,000.50; 10-31 700,000.00 (Oct); 12-01 900,000.00 (Dec); 11-10 300,000.00 void |
/// | CB       | no owner: prospects of p1, p2, q (+ sm's deleted one) | 11-15 100.00 → p1 33.34, p2 33.33, q 33.33                 |
/// | CC       | no owner, no prospect: unattributed      | 11-20 250,000.00                                                      |
/// | CD       | owner q                                  | 11-21 400,000.00                                                      |
/// | CE       | no owner: prospects of p1, p2            | 11-22 1,000,000.01 → p1 500,000.01, p2 500,000.00                     |
async fn book(app: &TestApp, p: &People) {
    let ca = customer(app, Some(p.p1.id)).await;
    share_holder(app, ca, p.p2.id).await;
    for (day, amount) in [
        ("2026-11-01", "1000000.00"),
        ("2026-11-30", "500000.50"),
        ("2026-10-31", "700000.00"),
        ("2026-12-01", "900000.00"),
    ] {
        invoice(app, ca, day, DUE, amount).await;
    }
    let voided = invoice(app, ca, "2026-11-10", DUE, "300000.00").await;
    void(app, voided).await;
    let cb = customer(app, None).await;
    for owner in [p.p1.id, p.p2.id, p.q.id] {
        share_holder(app, cb, owner).await;
    }
    let gone = share_holder(app, cb, p.sm.id).await;
    delete(app, "prospects", gone).await;
    invoice(app, cb, "2026-11-15", DUE, "100.00").await;
    let cc = customer(app, None).await;
    invoice(app, cc, "2026-11-20", DUE, "250000.00").await;
    let cd = customer(app, Some(p.q.id)).await;
    invoice(app, cd, "2026-11-21", DUE, "400000.00").await;
    let ce = customer(app, None).await;
    for owner in [p.p1.id, p.p2.id] {
        share_holder(app, ce, owner).await;
    }
    invoice(app, ce, "2026-11-22", DUE, "1000000.01").await;
}

#[tokio::test]
async fn revenue_counts_for_the_customer_s_owner_else_is_shared_to_the_cent() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    book(&app, &p).await;
    let revenue = |v: &'static str| [("revenue_invoiced", Some(v))];

    // p1: CA 1,000,000.00 + 500,000.50 + CB 33.34 + CE 500,000.01 = 2,000,033.85.
    // p2: CB 33.33 + CE 500,000.00 = 500,033.33. q: CB 33.33 + CD 400,000.00 = 400,033.33.
    for (user, expected) in [
        (&p.p1, "2000033.85"),
        (&p.p2, "500033.33"),
        (&p.q, "400033.33"),
    ] {
        let c = card(&app, &p.director, "2026-11", Scope::User(user.id)).await;
        assert_actuals(&c, &format!("user {}", user.id), &revenue(expected));
    }
    // The company: CA 1,500,000.50 + CB 100.00 + CC 250,000.00 + CD 400,000.00
    // + CE 1,000,000.01 = 3,150,100.51 = p1 + p2 + q + the unattributed CC 250,000.00.
    let company = card(&app, &p.director, "2026-11", Scope::Company).await;
    assert_actuals(&company, "company", &revenue("3150100.51"));
    // The edges of CA: October 700,000.00, December 900,000.00.
    for (period, expected) in [("2026-10", "700000.00"), ("2026-12", "900000.00")] {
        let c = card(&app, &p.director, period, Scope::User(p.p1.id)).await;
        assert_actuals(&c, period, &revenue(expected));
    }
}

#[tokio::test]
async fn a_team_s_revenue_is_its_members_shares_as_the_director_and_its_manager_see_it() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    book(&app, &p).await;
    // The team (sm, p1, p2): CA 1,500,000.50 + CB 33.34 + 33.33 + CE 1,000,000.01
    // = 2,500,067.18 (q's third of CB is not the team's), whoever looks.
    let expected = [("revenue_invoiced", Some("2500067.18"))];
    let director = card(&app, &p.director, "2026-11", Scope::Team(p.sm.id)).await;
    assert_actuals(&director, "team as the director", &expected);
    let manager = card(&app, &p.sm, "2026-11", Scope::Team(p.sm.id)).await;
    assert_actuals(&manager, "team as its manager", &expected);
    // And p1 as their manager sees them: 2,000,033.85.
    let p1 = card(&app, &p.sm, "2026-11", Scope::User(p.p1.id)).await;
    assert_actuals(
        &p1,
        "p1 as the manager",
        &[("revenue_invoiced", Some("2000033.85"))],
    );
}

/// A small deterministic generator (64-bit LCG, Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn cents_text(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

#[tokio::test]
async fn shares_of_every_invoice_sum_to_its_amount_over_random_amounts_and_owner_counts() {
    let app = TestApp::spawn().await;
    let director = app.user(Role::Director).await;
    let mut users = Vec::new();
    for n in 1..=4 {
        users.push(fixed_user(&app, Role::Salesperson, None, n).await.id);
    }
    let mut rng = Lcg(0x5EED_2026_1122_0023);
    // One invoice a month, January–August 2026, so that each month's actuals are the
    // shares of exactly one document. Shape 0: owned by one user (who also has a prospect
    // there, as may another); 1..=4: shared by that many prospect owners (plus a deleted
    // prospect of someone else, ignored); 5: nobody's (unattributed).
    for month in 1..=8u32 {
        let cents = 1 + rng.next(1_000_000_000);
        let shape = if month <= 6 {
            u64::from(month) - 1
        } else {
            rng.next(6)
        };
        let start = rng.next(4) as usize;
        let pick = |i: usize| users[(start + i) % 4];
        let owner = (shape == 0).then(|| pick(0));
        let c = customer(&app, owner).await;
        let holders: Vec<Uuid> = match shape {
            0 => vec![pick(0), pick(1)],
            1..=4 => (0..shape as usize).map(pick).collect(),
            _ => Vec::new(),
        };
        for h in &holders {
            share_holder(&app, c, *h).await;
        }
        if (1..=3).contains(&shape) {
            let gone = share_holder(&app, c, pick(3)).await;
            delete(&app, "prospects", gone).await;
        }
        let day = format!("2026-{month:02}-{:02}", 1 + rng.next(28));
        invoice(&app, c, &day, DUE, &cents_text(cents)).await;
        let period = format!("2026-{month:02}");

        // By hand: the owner takes all; else holders in id order take cents ÷ n, the first
        // (cents mod n) of them one cent more; anyone else nothing.
        let mut sharing = if owner.is_some() {
            Vec::new()
        } else {
            holders.clone()
        };
        sharing.sort();
        let n = sharing.len() as u64;
        let by_hand = |user: Uuid| -> u64 {
            if owner == Some(user) {
                cents
            } else if let Some(rank) = sharing.iter().position(|h| *h == user) {
                cents / n + u64::from((rank as u64) < cents % n)
            } else {
                0
            }
        };
        let label = format!("{period}: {cents} cents, shape {shape}");
        let mut attributed = 0;
        for user in &users {
            let card = card(&app, &director, &period, Scope::User(*user)).await;
            let actual = super::row(&card, "revenue_invoiced")["actual"]
                .as_str()
                .map(cents_of);
            assert_eq!(actual, Some(by_hand(*user)), "{label}, user {user}");
            attributed += actual.unwrap_or(0);
        }
        let unattributed = if shape == 5 { cents } else { 0 };
        let company = card(&app, &director, &period, Scope::Company).await;
        let company = super::row(&company, "revenue_invoiced")["actual"]
            .as_str()
            .map(cents_of);
        assert_eq!(
            Some(attributed + unattributed),
            company,
            "{label}: Σ users + unattributed"
        );
        assert_eq!(
            company,
            Some(cents),
            "{label}: the company has the whole document"
        );
    }
}

/// `"1234.05"` → 123405.
fn cents_of(text: &str) -> u64 {
    let (whole, fraction) = text.split_once('.').expect("two decimals");
    whole.parse::<u64>().unwrap() * 100 + fraction.parse::<u64>().unwrap()
}
