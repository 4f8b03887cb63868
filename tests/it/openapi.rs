//! The committed OpenAPI document equals the generated one. Regenerate with
//! `make openapi` (or UPDATE_OPENAPI=1 on this test).

#[test]
fn committed_openapi_is_current() {
    let generated = format!(
        "{}\n",
        serde_json::to_string_pretty(&http_api::openapi()).expect("serialise the OpenAPI document")
    );
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("write openapi/openapi.json");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    );
}

/// The texts a closed set sends, as serde writes them.
fn sent<T: domain::ClosedSet + serde::Serialize>() -> Vec<String> {
    T::all()
        .iter()
        .map(|v| {
            serde_json::to_value(v)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// Each enum schema of the document lists exactly the values the API sends and
/// accepts (the SPA builds its option lists from these), not the Rust variant names.
#[test]
fn enum_schemas_list_the_values_on_the_wire() {
    use domain::{crm::rules::*, tickets::*, *};
    let document = serde_json::to_value(http_api::openapi()).unwrap();
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("TicketType", sent::<TicketType>()),
        ("TicketPriority", sent::<TicketPriority>()),
        ("TicketStatus", sent::<TicketStatus>()),
        ("InquiryOutcome", sent::<InquiryOutcome>()),
        ("TicketSource", sent::<TicketSource>()),
        ("SlaState", sent::<SlaState>()),
        ("SlaEventType", sent::<SlaEventType>()),
        ("BroadcastStatus", sent::<BroadcastStatus>()),
        ("HolidayKind", sent::<HolidayKind>()),
        ("Stage", sent::<Stage>()),
        ("LeadStatus", sent::<LeadStatus>()),
        ("ActivityType", sent::<ActivityType>()),
        ("RfqService", sent::<RfqService>()),
        ("TaskStatus", sent::<TaskStatus>()),
        ("Role", sent::<Role>()),
        ("Department", sent::<Department>()),
        ("ErrorCode", sent::<http_api::error::ErrorCode>()),
    ];
    for (name, values) in cases {
        let documented: Vec<String> =
            serde_json::from_value(document["components"]["schemas"][name]["enum"].clone())
                .unwrap_or_else(|_| panic!("{name} is not an enum schema"));
        assert_eq!(
            documented, values,
            "{name}: documented values differ from the wire"
        );
    }
    // A spot check in plain text, independent of the helper above.
    assert_eq!(
        document["components"]["schemas"]["TicketStatus"]["enum"],
        serde_json::json!(["open", "in_progress", "pending", "on_hold", "closed"])
    );
}
