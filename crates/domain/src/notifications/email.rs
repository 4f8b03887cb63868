//! The e-mail of a notification: the notification's title as the subject, its body, and a
//! button-free link to the page it is about, framed in the recipient's language.

use crate::closed_set;

closed_set!(
    /// The languages mails are written in (the recipient's profile language).
    pub enum EmailLanguage {
        Indonesian => "id",
        English => "en",
    }
);

/// What a queued mail says (from the outbox row and its notification).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailContent<'a> {
    pub language: EmailLanguage,
    pub title: &'a str,
    pub body: &'a str,
    /// The SPA path the notification links to (`/ticketing/tickets/<id>`), if any.
    pub link: Option<&'a str>,
}

/// A mail ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedEmail {
    pub subject: String,
    pub text: String,
}

/// The mail of `content`; links become absolute under `base_url` (`https://cc.example.com`).
pub fn render_email(content: &EmailContent<'_>, base_url: &str) -> RenderedEmail {
    let (greeting, open, footer) = match content.language {
        EmailLanguage::Indonesian => (
            "Halo,",
            "Buka",
            "Anda menerima e-mail ini karena mengaktifkan notifikasi e-mail untuk jenis ini. \
             Ubah di halaman Profil.",
        ),
        EmailLanguage::English => (
            "Hello,",
            "Open",
            "You receive this e-mail because you turned on e-mail notifications of this kind. \
             Change it on your Profile page.",
        ),
    };
    let mut text = format!("{greeting}\n\n{}\n", content.title);
    if !content.body.trim().is_empty() {
        text.push_str(&format!("{}\n", content.body));
    }
    if let Some(link) = content.link.filter(|l| l.starts_with('/')) {
        text.push_str(&format!(
            "\n{open}: {}{link}\n",
            base_url.trim_end_matches('/')
        ));
    }
    text.push_str(&format!("\n-- \nCommand Center\n{footer}\n"));
    RenderedEmail {
        subject: format!("[Command Center] {}", content.title),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(language: EmailLanguage, link: Option<&'static str>) -> EmailContent<'static> {
        EmailContent {
            language,
            title: "Tiket TKT-2026-000001 ditugaskan kepada Anda",
            body: "Prioritas high · CS",
            link,
        }
    }

    #[test]
    fn indonesian_mail_frames_the_notification_and_links_absolutely() {
        let mail = render_email(
            &content(EmailLanguage::Indonesian, Some("/ticketing/tickets/1")),
            "https://cc.example.com/",
        );
        assert_eq!(
            mail.subject,
            "[Command Center] Tiket TKT-2026-000001 ditugaskan kepada Anda"
        );
        assert!(mail.text.starts_with("Halo,\n"));
        assert!(mail
            .text
            .contains("Buka: https://cc.example.com/ticketing/tickets/1\n"));
        assert!(mail.text.contains("Prioritas high · CS"));
    }

    #[test]
    fn english_mail_without_a_link_has_no_open_line() {
        let mail = render_email(&content(EmailLanguage::English, None), "http://x");
        assert!(mail.text.starts_with("Hello,\n"));
        assert!(!mail.text.contains("Open:"));
        assert!(mail.text.contains("Profile page"));
    }

    #[test]
    fn links_that_are_not_paths_are_left_out() {
        let mail = render_email(
            &content(EmailLanguage::English, Some("https://evil.example")),
            "http://x",
        );
        assert!(!mail.text.contains("evil"));
    }
}
