//! A post's Markdown as safe HTML. Two layers: raw HTML in the Markdown is never passed
//! through (pulldown-cmark's HTML events become text, so `<script>` shows as written),
//! then ammonia keeps only the tags, attributes and URL schemes of an allow list
//! (no `javascript:`/`data:` links, no event handler or style attributes).

use std::collections::HashSet;

use pulldown_cmark::{html, Event, Options, Parser};

const TAGS: &[&str] = &[
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];
const URL_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Renders `markdown` (CommonMark with tables and strikethrough) to sanitised HTML.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    sanitise(&unsafe_html)
}

/// Keeps only the allowed tags, attributes and URL schemes of `html`.
pub fn sanitise(html: &str) -> String {
    ammonia::Builder::empty()
        .tags(TAGS.iter().copied().collect::<HashSet<_>>())
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("img", ["src", "alt", "title"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .url_schemes(URL_SCHEMES.iter().copied().collect::<HashSet<_>>())
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders() {
        assert_eq!(
            render("# Title\n\n**bold** _it_ ~~old~~ `code`"),
            "<h1>Title</h1>\n<p><strong>bold</strong> <em>it</em> <del>old</del> <code>code</code></p>\n"
        );
        assert_eq!(render("- a\n- b"), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
        assert_eq!(
            render("[site](https://example.com)"),
            "<p><a href=\"https://example.com\" rel=\"noopener noreferrer nofollow\">site</a></p>\n"
        );
    }

    #[test]
    fn raw_script_is_shown_as_text_never_as_an_element() {
        let html = render("<script>window.__xss=1</script>");
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"),
            "{html}"
        );
        let inline = render("before <script>alert(1)</script> after");
        assert!(!inline.contains("<script"), "{inline}");
    }

    #[test]
    fn event_handler_attributes_never_survive() {
        let html = render("<img src=x onerror=\"window.__xss=2\">");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img"), "{html}");
        // Even HTML that reached the sanitiser loses its handlers and styles.
        let cleaned = sanitise("<img src=\"https://x.test/a.png\" onerror=\"alert(1)\" style=\"x\"><p onclick=\"a()\">t</p>");
        assert_eq!(cleaned, "<img src=\"https://x.test/a.png\"><p>t</p>");
    }

    #[test]
    fn dangerous_link_schemes_are_dropped() {
        for link in [
            "[x](javascript:window.__xss=3)",
            "[x](JaVaScRiPt:alert(1))",
            "[x](vbscript:msgbox)",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "![x](javascript:alert(1))",
            "<javascript:alert(1)>",
        ] {
            let html = render(link);
            assert!(
                !html.to_lowercase().contains("javascript:") || !html.contains("href"),
                "{link}: {html}"
            );
            assert!(!html.contains("href=\"javascript"), "{link}: {html}");
            assert!(!html.contains("href=\"vbscript"), "{link}: {html}");
            assert!(!html.contains("data:"), "{link}: {html}");
            assert!(!html.contains("src=\"javascript"), "{link}: {html}");
        }
        assert_eq!(
            render("[x](javascript:window.__xss=3)"),
            "<p><a rel=\"noopener noreferrer nofollow\">x</a></p>\n"
        );
        assert_eq!(
            render("[mail](mailto:cs@example.com)"),
            "<p><a href=\"mailto:cs@example.com\" rel=\"noopener noreferrer nofollow\">mail</a></p>\n"
        );
    }

    #[test]
    fn relative_urls_and_unknown_tags_are_dropped() {
        assert_eq!(
            sanitise("<a href=\"/admin\">a</a><iframe src=\"https://x.test\"></iframe><form><input></form>"),
            "<a rel=\"noopener noreferrer nofollow\">a</a>"
        );
    }
}
