//! Converts between LSP positions (line + character in the negotiated encoding) and byte
//! offsets in a rope. The only place that knows about UTF-16 code units.

use ropey::Rope;
use tower_lsp::lsp_types::{Position, PositionEncodingKind, Range};

/// The unit of `Position::character`, as negotiated at initialize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// Picks the client's preferred encoding among those we support: UTF-16 unless the client
    /// offers UTF-8 or UTF-32 (cheaper for us), in the client's order of preference.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        offered
            .unwrap_or_default()
            .iter()
            .find_map(|kind| match kind.as_str() {
                "utf-8" => Some(Encoding::Utf8),
                "utf-32" => Some(Encoding::Utf32),
                "utf-16" => Some(Encoding::Utf16),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }
}

/// The byte offset of `position`, clamped: a line past the end maps to the end of the text, a
/// character past the end of its line maps to the end of the line (before its line break), and
/// a position inside a character (half a surrogate pair, the middle of a UTF-8 sequence) maps
/// to that character's start.
pub fn to_byte(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let line_index = position.line as usize;
    if line_index >= rope.len_lines() {
        return rope.len_bytes();
    }
    let line_start_char = rope.line_to_char(line_index);
    let line = rope.line(line_index);
    let content_chars = line.len_chars() - line_break_chars(&line);
    let wanted = position.character as usize;
    let mut units = 0;
    let mut chars = 0;
    for c in line.chars().take(content_chars) {
        let width = unit_len(c, encoding);
        if units + width > wanted {
            break;
        }
        units += width;
        chars += 1;
    }
    rope.char_to_byte(line_start_char + chars)
}

/// The position of byte `offset` (clamped to the text, and to the start of the character that
/// holds it).
pub fn to_position(rope: &Rope, offset: usize, encoding: Encoding) -> Position {
    let offset = offset.min(rope.len_bytes());
    let char_index = rope.byte_to_char(offset);
    let line_index = rope.char_to_line(char_index);
    let line_start = rope.line_to_char(line_index);
    let character: usize = match encoding {
        Encoding::Utf32 => char_index - line_start,
        Encoding::Utf16 => rope.char_to_utf16_cu(char_index) - rope.char_to_utf16_cu(line_start),
        Encoding::Utf8 => rope.char_to_byte(char_index) - rope.char_to_byte(line_start),
    };
    Position::new(line_index as u32, character as u32)
}

pub fn to_range(rope: &Rope, bytes: std::ops::Range<usize>, encoding: Encoding) -> Range {
    Range::new(
        to_position(rope, bytes.start, encoding),
        to_position(rope, bytes.end, encoding),
    )
}

/// The byte range of an LSP range, clamped, with start never after end.
pub fn to_byte_range(rope: &Rope, range: Range, encoding: Encoding) -> std::ops::Range<usize> {
    let start = to_byte(rope, range.start, encoding);
    let end = to_byte(rope, range.end, encoding);
    start.min(end)..end.max(start)
}

/// Line starts of a text, to convert many byte offsets to positions: one pass over the text,
/// then a binary search and a scan of the line's prefix per offset (ASCII prefixes are counted
/// by length). The same positions as [`to_position`] on a rope of the same text (lines broken
/// at `\n`, `\r\n` and `\r`, as LSP and ropey's `cr_lines` break them).
#[derive(Debug, Clone)]
pub struct LineIndex {
    text: std::sync::Arc<str>,
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: std::sync::Arc<str>) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        // Found with memchr, not byte by byte: it runs on every check, over the whole story.
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
                line_starts.push(at + 1);
            }
        }
        LineIndex { text, line_starts }
    }

    /// The position of byte `offset` (clamped to the text, and to the start of the character
    /// that holds it).
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let prefix = self.text.get(self.line_starts[line]..offset).unwrap_or("");
        // Counted without decoding (std counts chars a word at a time): a story's paragraph is
        // one long line, and most hold a curly quote.
        let character = match encoding {
            Encoding::Utf8 => prefix.len(),
            _ if prefix.is_ascii() => prefix.len(),
            // One unit per char, two for a char of four UTF-8 bytes (outside the BMP).
            Encoding::Utf16 => {
                prefix.chars().count() + prefix.bytes().filter(|&byte| byte >= 0xF0).count()
            }
            Encoding::Utf32 => prefix.chars().count(),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, bytes: std::ops::Range<usize>, encoding: Encoding) -> Range {
        Range::new(
            self.position(bytes.start, encoding),
            self.position(bytes.end, encoding),
        )
    }
}

fn unit_len(c: char, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
        Encoding::Utf32 => 1,
    }
}

/// How many chars at the end of `line` are its line break (0, 1, or 2 for CRLF).
fn line_break_chars(line: &ropey::RopeSlice<'_>) -> usize {
    let len = line.len_chars();
    match (len >= 2).then(|| (line.char(len - 2), line.char(len - 1))) {
        Some(('\r', '\n')) => 2,
        _ if len >= 1 && matches!(line.char(len - 1), '\n' | '\r') => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    fn round_trip(text: &str, encoding: Encoding) {
        let rope = Rope::from_str(text);
        // Every char boundary except the middle of a CRLF, which no position can name.
        let boundaries = text
            .char_indices()
            .filter(|&(offset, c)| !(c == '\n' && text[..offset].ends_with('\r')));
        for (offset, _) in boundaries.chain([(text.len(), ' ')]) {
            let position = to_position(&rope, offset, encoding);
            assert_eq!(
                to_byte(&rope, position, encoding),
                offset,
                "{encoding:?} at {offset}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_line_index_gives_the_positions_a_rope_gives(
            text in "[a\r\n😀中é’ ]{0,30}",
            offsets in proptest::collection::vec(0usize..40, 1..8),
        ) {
            let rope = Rope::from_str(&text);
            let index = LineIndex::new(std::sync::Arc::from(text.as_str()));
            for offset in offsets {
                for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                    proptest::prop_assert_eq!(
                        index.position(offset, encoding),
                        to_position(&rope, offset, encoding),
                        "{:?} at {} in {:?}", encoding, offset, text
                    );
                }
            }
        }
    }

    #[test]
    fn emoji_is_two_utf16_units_four_utf8_bytes_one_utf32_char() {
        let rope = Rope::from_str("a😀b");
        assert_eq!(to_byte(&rope, pos(0, 3), Encoding::Utf16), 5);
        assert_eq!(to_byte(&rope, pos(0, 5), Encoding::Utf8), 5);
        assert_eq!(to_byte(&rope, pos(0, 2), Encoding::Utf32), 5);
        assert_eq!(to_position(&rope, 5, Encoding::Utf16), pos(0, 3));
    }

    #[test]
    fn half_a_surrogate_pair_maps_to_the_character_start() {
        let rope = Rope::from_str("a😀b");
        assert_eq!(to_byte(&rope, pos(0, 2), Encoding::Utf16), 1);
        assert_eq!(to_byte(&rope, pos(0, 3), Encoding::Utf8), 1);
    }

    #[test]
    fn cjk_is_one_utf16_unit_three_utf8_bytes() {
        let rope = Rope::from_str("記者が書く\nx");
        assert_eq!(to_byte(&rope, pos(0, 2), Encoding::Utf16), 6);
        assert_eq!(to_byte(&rope, pos(0, 6), Encoding::Utf8), 6);
        assert_eq!(to_position(&rope, 15, Encoding::Utf16), pos(0, 5));
        assert_eq!(to_position(&rope, 16, Encoding::Utf16), pos(1, 0));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let rope = Rope::from_str("ab\r\ncd\ref");
        assert_eq!(to_byte(&rope, pos(1, 0), Encoding::Utf16), 4);
        assert_eq!(to_byte(&rope, pos(2, 1), Encoding::Utf16), 8);
        assert_eq!(to_position(&rope, 7, Encoding::Utf16), pos(2, 0));
    }

    #[test]
    fn character_past_line_end_clamps_before_the_line_break() {
        let rope = Rope::from_str("ab\r\ncd");
        assert_eq!(to_byte(&rope, pos(0, 99), Encoding::Utf16), 2);
    }

    #[test]
    fn line_past_the_end_clamps_to_text_end() {
        let rope = Rope::from_str("ab\ncd");
        assert_eq!(to_byte(&rope, pos(40, 0), Encoding::Utf16), 5);
        assert_eq!(to_position(&rope, 500, Encoding::Utf16), pos(1, 2));
    }

    #[test]
    fn curly_quotes_are_one_utf16_unit_three_utf8_bytes() {
        let rope = Rope::from_str("“Yes,” she said");
        assert_eq!(to_byte(&rope, pos(0, 5), Encoding::Utf16), 7);
        assert_eq!(to_byte(&rope, pos(0, 6), Encoding::Utf16), 10);
        assert_eq!(to_position(&rope, 10, Encoding::Utf8), pos(0, 10));
    }

    #[test]
    fn round_trips_mixed_text_in_every_encoding() {
        let text = "“Zelenskyy,” Gül said.\r\n😀 記者 Đoković\rend\n";
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            round_trip(text, encoding);
        }
    }

    #[test]
    fn negotiation_prefers_the_clients_first_supported_choice() {
        let offered = [
            PositionEncodingKind::new("utf-7"),
            PositionEncodingKind::UTF8,
        ];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[])), Encoding::Utf16);
    }
}
