//! Normalised company names (CRM-1 dedup key, last in priority).

use std::fmt;

/// A company name reduced to what identifies it: lower case, punctuation removed,
/// whitespace collapsed, and Indonesian legal forms (`PT`, `P.T.`, `CV`, `UD`, `Tbk`,
/// `(Persero)`, `Perum`) removed where they are written, at the start or the end.
///
/// `PT. Maju Jaya Abadi, Tbk.`, `Maju Jaya Abadi, PT` and `P.T. Maju-Jaya Abadi` all
/// become `maju jaya abadi`. `Koperasi` is part of a cooperative's name and is kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CompanyKey(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CompanyKeyError {
    #[error("is required")]
    Empty,
    #[error("must name the company, not only its legal form")]
    OnlyLegalForm,
}

/// Legal forms as they read once lower-cased and stripped of dots and parentheses.
const LEGAL_FORMS: [&str; 6] = ["pt", "cv", "ud", "tbk", "persero", "perum"];

impl crate::NormalisedText for CompanyKey {
    fn as_text(&self) -> &str {
        self.as_str()
    }
}

impl CompanyKey {
    pub fn parse(raw: &str) -> Result<Self, CompanyKeyError> {
        let words = words(raw);
        let is_legal_form = |word: &String| LEGAL_FORMS.contains(&word.as_str());
        let start = words.iter().position(|w| !is_legal_form(w));
        let end = words.iter().rposition(|w| !is_legal_form(w));
        match (start, end) {
            (Some(start), Some(end)) => Ok(Self(words[start..=end].join(" "))),
            _ if words.is_empty() => Err(CompanyKeyError::Empty),
            _ => Err(CompanyKeyError::OnlyLegalForm),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The lower-cased words of `raw`. Apostrophes vanish (`Mc'Cann` → `mccann`); dots
/// separate words except between single letters, which form one acronym (`P.T.` → `pt`,
/// `C.V.Sinar` → `cv sinar`); every other non-alphanumeric character separates words.
fn words(raw: &str) -> Vec<String> {
    let lower = raw.to_lowercase();
    let mut words = Vec::new();
    for chunk in lower.split(|c: char| !(c.is_alphanumeric() || c == '.' || is_apostrophe(c))) {
        let chunk: String = chunk.chars().filter(|c| !is_apostrophe(*c)).collect();
        let mut acronym = String::new();
        for piece in chunk.split('.') {
            if piece.chars().count() == 1 {
                acronym.push_str(piece);
                continue;
            }
            if !acronym.is_empty() {
                words.push(std::mem::take(&mut acronym));
            }
            if !piece.is_empty() {
                words.push(piece.to_owned());
            }
        }
        if !acronym.is_empty() {
            words.push(acronym);
        }
    }
    words
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '`')
}

impl fmt::Display for CompanyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> Result<String, CompanyKeyError> {
        CompanyKey::parse(raw).map(|k| k.as_str().to_owned())
    }

    #[test]
    fn lowercases_and_collapses_whitespace() {
        assert_eq!(
            key("  Sinar \t Terang\n Jaya ").as_deref(),
            Ok("sinar terang jaya")
        );
        assert_eq!(key("MAJU JAYA").as_deref(), Ok("maju jaya"));
    }

    #[test]
    fn strips_legal_forms_at_the_start() {
        for raw in [
            "PT Maju Jaya Abadi",
            "PT. Maju Jaya Abadi",
            "P.T. Maju Jaya Abadi",
            "P.T Maju Jaya Abadi",
            "pt.Maju Jaya Abadi",
            "PT.MAJU JAYA ABADI",
        ] {
            assert_eq!(key(raw).as_deref(), Ok("maju jaya abadi"), "{raw:?}");
        }
        assert_eq!(key("CV Sinar  Terang").as_deref(), Ok("sinar terang"));
        assert_eq!(key("C.V. Sinar Terang").as_deref(), Ok("sinar terang"));
        assert_eq!(key("C.V.Sinar Terang").as_deref(), Ok("sinar terang"));
        assert_eq!(key("UD Sumber Rejeki").as_deref(), Ok("sumber rejeki"));
        assert_eq!(key("U.D. Sumber Rejeki").as_deref(), Ok("sumber rejeki"));
        assert_eq!(key("Perum Perumnas").as_deref(), Ok("perumnas"));
    }

    #[test]
    fn strips_legal_forms_at_the_end() {
        assert_eq!(
            key("PT. Maju Jaya Abadi, Tbk.").as_deref(),
            Ok("maju jaya abadi")
        );
        assert_eq!(key("Maju Jaya Abadi, PT").as_deref(), Ok("maju jaya abadi"));
        assert_eq!(key("Maju Jaya Abadi Tbk").as_deref(), Ok("maju jaya abadi"));
        assert_eq!(key("Sinar Terang, CV.").as_deref(), Ok("sinar terang"));
        assert_eq!(key("PT Pertamina (Persero)").as_deref(), Ok("pertamina"));
        assert_eq!(key("PT Pertamina Persero").as_deref(), Ok("pertamina"));
        assert_eq!(
            key("PT. Bank Rakyat Indonesia (Persero) Tbk.").as_deref(),
            Ok("bank rakyat indonesia")
        );
        assert_eq!(
            key("PT (Persero) Angkasa Pura I").as_deref(),
            Ok("angkasa pura i")
        );
    }

    #[test]
    fn keeps_legal_form_words_inside_the_name() {
        assert_eq!(
            key("PT Bank CV Nusantara").as_deref(),
            Ok("bank cv nusantara")
        );
        assert_eq!(key("PT Ptolemy Kargo").as_deref(), Ok("ptolemy kargo"));
        assert_eq!(key("Udara Logistik").as_deref(), Ok("udara logistik"));
    }

    #[test]
    fn keeps_koperasi() {
        assert_eq!(
            key("Koperasi Sejahtera Bersama").as_deref(),
            Ok("koperasi sejahtera bersama")
        );
        assert_eq!(key("PT Koperasi Tani").as_deref(), Ok("koperasi tani"));
    }

    #[test]
    fn removes_punctuation() {
        assert_eq!(
            key("Maju-Jaya & Sons, Ltd.").as_deref(),
            Ok("maju jaya sons ltd")
        );
        assert_eq!(
            key("PT \"Harapan\" (Jakarta)").as_deref(),
            Ok("harapan jakarta")
        );
        assert_eq!(key("Toko Bu'Yati").as_deref(), Ok("toko buyati"));
        assert_eq!(key("PT. A.B.C. Indonesia").as_deref(), Ok("abc indonesia"));
        assert_eq!(key("PT 3M Indonesia").as_deref(), Ok("3m indonesia"));
        assert_eq!(key("PT Élan Nusantara").as_deref(), Ok("élan nusantara"));
    }

    #[test]
    fn spellings_of_one_company_compare_equal() {
        let a = CompanyKey::parse("PT. Maju Jaya Abadi, Tbk.");
        for raw in [
            "maju jaya abadi",
            "MAJU JAYA ABADI, PT",
            "P.T. Maju-Jaya  Abadi",
        ] {
            assert_eq!(a, CompanyKey::parse(raw), "{raw:?}");
        }
    }

    #[test]
    fn rejects_names_empty_after_normalisation() {
        for raw in ["", "   ", ",.-()", "..."] {
            assert_eq!(key(raw), Err(CompanyKeyError::Empty), "{raw:?}");
        }
        for raw in [
            "PT",
            "P.T.",
            "PT Tbk",
            "CV.",
            "(Persero)",
            "PT. (Persero) Tbk.",
        ] {
            assert_eq!(key(raw), Err(CompanyKeyError::OnlyLegalForm), "{raw:?}");
        }
    }

    #[test]
    fn displays_the_key() {
        assert_eq!(
            CompanyKey::parse("CV Sinar Terang")
                .map(|k| k.to_string())
                .as_deref(),
            Ok("sinar terang")
        );
    }
}
