//! Decoding markup (XML feeds, HTML pages) whose bytes may be in a legacy encoding: a BOM wins,
//! then the charset the transport declared (HTTP `Content-Type`), then the document's own
//! declaration (`<?xml … encoding="…"?>`, `<meta charset>`), then UTF-8. Labels are read as
//! browsers read them (WHATWG, through `encoding_rs`: `ISO-8859-1` is Windows-1252).
//!
//! Declarations are often wrong, so bytes that are valid UTF-8 with non-ASCII characters are read
//! as UTF-8 whatever a single-byte declaration says, and bytes that are not valid UTF-8 under a
//! UTF-8 (or no) declaration are read as Windows-1252, the usual truth of such files.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a document its encoding declaration is looked for.
const DECLARATION_BYTES: usize = 2048;

/// The bytes as UTF-8 text, and the name of the encoding they were read in.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or(&[]);
        let (text, _) = enc.decode_without_bom_handling(rest);
        return (text.into_owned(), enc.name());
    }
    let label = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| in_document(bytes));
    let utf8 = std::str::from_utf8(bytes).ok();
    let enc = match (label, utf8) {
        (_, Some(s)) if !s.is_ascii() => UTF_8,
        (Some(enc), _) if enc != UTF_8 && !is_utf16(enc) => enc,
        (_, Some(_)) => UTF_8,
        (_, None) => WINDOWS_1252,
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc.name())
}

fn is_utf16(enc: &'static Encoding) -> bool {
    enc == encoding_rs::UTF_16BE || enc == encoding_rs::UTF_16LE
}

/// The encoding a document declares near its start: an XML declaration's `encoding`, or an HTML
/// `<meta charset="…">` / `<meta http-equiv content="…; charset=…">`.
fn in_document(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..DECLARATION_BYTES).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for key in ["encoding=", "charset="] {
        let mut rest = head.as_str();
        while let Some(at) = rest.find(key) {
            rest = rest.get(at + key.len()..).unwrap_or("");
            let value: String = rest
                .trim_start_matches(['"', '\'', ' '])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(enc) = Encoding::for_label(value.as_bytes()) {
                return Some(enc);
            }
        }
    }
    None
}

/// An XML text already decoded to UTF-8 with its declaration saying so, so that an XML parser
/// does not decode it a second time from the encoding it used to be in.
pub fn declare_utf8(xml: String) -> String {
    let Some(rest) = xml.strip_prefix("<?xml") else {
        return xml;
    };
    let Some(end) = rest.find("?>") else {
        return xml;
    };
    let decl = rest.get(..end).unwrap_or("");
    if !decl.to_ascii_lowercase().contains("encoding") {
        return xml;
    }
    let version = if decl.contains("1.1") { "1.1" } else { "1.0" };
    format!(
        "<?xml version=\"{version}\" encoding=\"UTF-8\"{}",
        rest.get(end..).unwrap_or("")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_latin1_and_windows_1252_are_decoded() {
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Caf\xe9 \x93quoted\x94</t>";
        let (text, enc) = decode(xml, None);
        assert_eq!(enc, "windows-1252");
        assert!(text.contains("Café “quoted”"), "{text}");
        let (text, _) = decode(b"<meta charset=windows-1252><p>na\xefve</p>", None);
        assert!(text.contains("naïve"));
    }

    #[test]
    fn transport_charset_wins_over_the_document_and_bom_wins_over_all() {
        let (text, _) = decode(b"<?xml encoding=\"utf-8\"?><t>\xe9</t>", Some("iso-8859-1"));
        assert!(text.contains('é'));
        let (text, enc) = decode(b"\xef\xbb\xbf<t>\xc3\xa9</t>", Some("iso-8859-1"));
        assert_eq!((text.as_str(), enc), ("<t>é</t>", "UTF-8"));
    }

    #[test]
    fn missing_or_wrong_charset_falls_back_sensibly() {
        // No declaration, not UTF-8: Windows-1252.
        assert!(decode(b"<t>Jos\xe9</t>", None).0.contains("José"));
        // Declared Latin-1 but really UTF-8.
        let (text, enc) = decode("<?xml encoding='ISO-8859-1'?><t>José</t>".as_bytes(), None);
        assert_eq!(enc, "UTF-8");
        assert!(text.contains("José"));
    }

    #[test]
    fn the_declaration_is_rewritten_to_utf8() {
        assert_eq!(
            declare_utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss/>".into()),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss/>"
        );
        assert_eq!(declare_utf8("<rss/>".into()), "<rss/>");
    }
}
