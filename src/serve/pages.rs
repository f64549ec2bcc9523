//! The pages only `serve` shows: the error page, the "not found" page, and the reload script
//! added to every HTML response. None of it is ever part of a built site.

/// Where open pages ask which version of the site is current.
pub const VERSION_PATH: &str = "/__mentorbook/version";

/// The script that reloads a page once the site it came from has been replaced: it polls
/// `VERSION_PATH` every second. A stopped server just makes the poll fail quietly.
fn reload_script(version: u64) -> String {
    format!(
        "<script>/* mentorbook serve: reload when the site is rebuilt */(function(){{\
var v=\"{version}\";setInterval(function(){{fetch(\"{VERSION_PATH}\",{{cache:\"no-store\"}})\
.then(function(r){{return r.text()}}).then(function(t){{if(t!==v)location.reload()}})\
.catch(function(){{}})}},1000)}})();</script>\n"
    )
}

/// `html` with the reload script inserted before its last `</body>` (or at the end).
pub fn with_reload(html: &[u8], version: u64) -> Vec<u8> {
    let script = reload_script(version);
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The page shown for every address while the site cannot be built.
pub fn error_page(message: &str) -> String {
    page(
        "mentorbook: the site could not be built",
        &format!(
            "<h1>The site could not be built</h1>\n<pre>{}</pre>\n\
<p>Fix the file named above and save it: this page reloads by itself once the site builds \
again. (Problems in the records themselves do not stop the build; they are shown on the \
compliance page.)</p>",
            escape(message)
        ),
    )
}

/// The page for an address the site does not have.
pub fn not_found(path: &str) -> String {
    page(
        "Not found",
        &format!(
            "<h1>Not found</h1>\n<p>The site has no page at <code>{}</code>. \
<a href=\"/\">Go to the overview.</a></p>",
            escape(path)
        ),
    )
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:50rem;\
margin:2rem auto;padding:0 1rem;line-height:1.5}}pre{{white-space:pre-wrap;\
background:#fdf0f0;border-left:4px solid #b00020;padding:1rem}}</style>\n</head>\n\
<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end_tag() {
        let html = with_reload(b"<p>a</p></BODY></html>", 7);
        let html = String::from_utf8(html).unwrap();
        assert!(html.starts_with("<p>a</p><script>"), "{html}");
        assert!(html.ends_with("</script>\n</BODY></html>"), "{html}");
        assert!(html.contains("var v=\"7\"") && html.contains(VERSION_PATH));
        let bare = String::from_utf8(with_reload(b"<p>no body</p>", 1)).unwrap();
        assert!(bare.starts_with("<p>no body</p><script>"));
    }

    #[test]
    fn messages_are_escaped() {
        let page = error_page("template `index.html`, line 3: <b>&</b>");
        assert!(page.contains("line 3: &lt;b&gt;&amp;&lt;/b&gt;"), "{page}");
    }
}
