//! What an upload must be to be stored: a bucket users may upload to, a content type that
//! bucket accepts, at most [`MAX_UPLOAD_BYTES`], and bytes that agree with the type.

/// Largest accepted upload.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// The buckets users upload to, with the content types each accepts.
pub const BUCKETS: &[(&str, &[&str])] = &[
    (
        "prospect-evidence",
        &["image/jpeg", "image/png", "image/webp"],
    ),
    (
        "customer-documents",
        &["application/pdf", "image/jpeg", "image/png"],
    ),
    (
        "kpi-evidence",
        &["application/pdf", "image/jpeg", "image/png", "image/webp"],
    ),
    (
        "ticket-attachments",
        &["application/pdf", "image/jpeg", "image/png", "image/webp"],
    ),
];

/// Why an upload is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadProblem {
    /// (field, message) for a 422.
    Invalid(&'static str, String),
    /// Over [`MAX_UPLOAD_BYTES`].
    TooLarge,
}

/// An upload that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedUpload {
    pub bucket: &'static str,
    /// Lower-case, without parameters (`image/png`).
    pub content_type: String,
    /// The user's file name without control characters or path separators, at most 200
    /// characters; `upload` when none is given.
    pub name: String,
}

/// Checks an upload in the order users fix it: bucket, type, size, content.
pub fn check_upload(
    bucket: &str,
    content_type_header: Option<&str>,
    name: Option<&str>,
    body: &[u8],
) -> Result<CheckedUpload, UploadProblem> {
    let invalid = |field, message: &str| Err(UploadProblem::Invalid(field, message.to_owned()));
    let Some((bucket, types)) = BUCKETS.iter().find(|(b, _)| *b == bucket) else {
        return invalid("bucket", "is not a bucket you can upload to");
    };
    let content_type = content_type_header
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_lowercase()
        })
        .unwrap_or_default();
    if !types.contains(&content_type.as_str()) {
        return invalid(
            "content_type",
            &format!("must be one of {}", types.join(", ")),
        );
    }
    if body.is_empty() {
        return invalid("body", "the file is empty");
    }
    if body.len() > MAX_UPLOAD_BYTES {
        return Err(UploadProblem::TooLarge);
    }
    if !sniff_matches(&content_type, body) {
        return invalid("content_type", "the file's content does not match its type");
    }
    Ok(CheckedUpload {
        bucket,
        content_type,
        name: clean_file_name(name),
    })
}

/// The user's file name as stored: trimmed, without control characters or path
/// separators, at most 200 characters; `upload` when none is given.
pub fn clean_file_name(name: Option<&str>) -> String {
    name.map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("upload")
        .chars()
        .filter(|c| !c.is_control() && *c != '/' && *c != '\\')
        .take(200)
        .collect()
}

/// Whether the first bytes agree with the declared type.
fn sniff_matches(content_type: &str, body: &[u8]) -> bool {
    match content_type {
        "image/jpeg" => body.starts_with(&[0xFF, 0xD8, 0xFF]),
        "image/png" => body.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/webp" => body.len() > 12 && &body[0..4] == b"RIFF" && &body[8..12] == b"WEBP",
        "application/pdf" => body.starts_with(b"%PDF-"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n....";

    fn problem(r: Result<CheckedUpload, UploadProblem>) -> (String, String) {
        match r {
            Err(UploadProblem::Invalid(field, message)) => (field.to_owned(), message),
            other => panic!("expected a 422 problem, got {other:?}"),
        }
    }

    #[test]
    fn each_check_refuses_what_it_guards() {
        // bucket, Content-Type, bytes → field, message
        type Case<'a> = (&'a str, Option<&'a str>, &'a [u8], &'a str, &'a str);
        let cases: &[Case] = &[
            (
                "secrets",
                Some("image/png"),
                PNG,
                "bucket",
                "is not a bucket you can upload to",
            ),
            (
                "prospect-evidence",
                Some("application/pdf"),
                b"%PDF-1.7",
                "content_type",
                "must be one of image/jpeg, image/png, image/webp",
            ),
            (
                "prospect-evidence",
                None,
                PNG,
                "content_type",
                "must be one of image/jpeg, image/png, image/webp",
            ),
            (
                "prospect-evidence",
                Some("image/png"),
                b"",
                "body",
                "the file is empty",
            ),
            (
                "prospect-evidence",
                Some("image/jpeg"),
                PNG,
                "content_type",
                "the file's content does not match its type",
            ),
        ];
        for (bucket, ct, body, field, message) in cases {
            assert_eq!(
                problem(check_upload(bucket, *ct, None, body)),
                ((*field).to_owned(), (*message).to_owned()),
                "{bucket} {ct:?}"
            );
        }
        let big = [&b"%PDF-"[..], &vec![0; MAX_UPLOAD_BYTES]].concat();
        assert_eq!(
            check_upload("customer-documents", Some("application/pdf"), None, &big),
            Err(UploadProblem::TooLarge)
        );
    }

    #[test]
    fn an_accepted_upload_has_a_clean_type_and_name() {
        let ok = check_upload(
            "ticket-attachments",
            Some("Image/PNG; charset=binary"),
            Some("  ../evil\u{7}/photo.png "),
            PNG,
        )
        .expect("accepted");
        assert_eq!(ok.bucket, "ticket-attachments");
        assert_eq!(ok.content_type, "image/png");
        assert_eq!(ok.name, "..evilphoto.png");
        let unnamed = check_upload("ticket-attachments", Some("image/png"), Some(" "), PNG);
        assert_eq!(unnamed.expect("accepted").name, "upload");
    }
}
