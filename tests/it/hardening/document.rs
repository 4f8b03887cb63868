//! Requests built from the OpenAPI document: each operation, its parameters, and a body
//! that follows its schema, with the paths of the body's string fields.

use serde_json::{json, Map, Value};

/// One documented operation.
pub struct Operation {
    pub method: String,
    pub template: String,
    pub schemes: Vec<String>,
    pub parameters: Vec<Parameter>,
    /// A body following the JSON schema of the request, when it takes JSON.
    pub body: Option<Value>,
}

pub struct Parameter {
    pub name: String,
    pub location: String,
    pub schema: Value,
}

/// Every operation of the document.
pub fn operations(document: &Value) -> Vec<Operation> {
    let mut operations = Vec::new();
    for (template, item) in document["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            let schemes = op["security"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_object)
                .flat_map(|requirement| requirement.keys().cloned())
                .collect();
            let parameters = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| Parameter {
                    name: p["name"].as_str().unwrap_or_default().to_owned(),
                    location: p["in"].as_str().unwrap_or_default().to_owned(),
                    schema: resolve(document, &p["schema"]).clone(),
                })
                .collect();
            let content = &op["requestBody"]["content"];
            let body = content
                .get("application/json")
                .map(|media| instance(document, &media["schema"], 0));
            operations.push(Operation {
                method: method.to_uppercase(),
                template: template.clone(),
                schemes,
                parameters,
                body,
            });
        }
    }
    operations
}

fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let pointer = reference.trim_start_matches('#');
            resolve(document, document.pointer(pointer).unwrap_or(&Value::Null))
        }
        None => schema,
    }
}

fn type_names(schema: &Value) -> Vec<&str> {
    match &schema["type"] {
        Value::String(name) => vec![name.as_str()],
        Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A value following `schema`: every property present, the first enum value, examples
/// where the document gives them, plausible formats otherwise.
pub fn instance(document: &Value, schema: &Value, depth: usize) -> Value {
    let schema = resolve(document, schema);
    if depth > 6 {
        return Value::Null;
    }
    if let Some(example) = schema.get("example").filter(|e| !e.is_null()) {
        if !example.is_object() && !example.is_array() {
            return example.clone();
        }
    }
    if let Some(first) = schema["enum"]
        .as_array()
        .and_then(|v| v.iter().find(|v| !v.is_null()))
    {
        return first.clone();
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema[key].as_array() {
            let option = options
                .iter()
                .find(|o| type_names(o) != ["null"])
                .unwrap_or(&Value::Null);
            return instance(document, option, depth + 1);
        }
    }
    if let Some(parts) = schema["allOf"].as_array() {
        let mut merged = Map::new();
        for part in parts {
            if let Value::Object(map) = instance(document, part, depth + 1) {
                merged.extend(map);
            }
        }
        return Value::Object(merged);
    }
    let types = type_names(schema);
    let name = types
        .iter()
        .find(|t| **t != "null")
        .copied()
        .unwrap_or("object");
    match name {
        "string" => json!(match schema["format"].as_str() {
            Some("uuid") => "00000000-0000-4000-8000-000000000001",
            Some("date") => "2026-03-02",
            Some("date-time") => "2026-03-02T03:00:00Z",
            Some("email") => "someone@example.com",
            _ => "teks",
        }),
        "integer" | "number" => schema.get("minimum").cloned().unwrap_or(json!(1)),
        "boolean" => json!(false),
        "array" => json!([instance(document, &schema["items"], depth + 1)]),
        _ => Value::Object(
            schema["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(key, property)| (key.clone(), instance(document, property, depth + 1)))
                .collect(),
        ),
    }
}

/// JSON pointers of every string in `value`.
pub fn string_pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(at.to_owned()),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                string_pointers(item, &format!("{at}/{index}"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                string_pointers(
                    item,
                    &format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
}
