//! Prose helpers shared by checks: sentence splitting, word tokens and text folding.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that end with a period but rarely end a sentence in news copy.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "cpl", "pvt", "jr", "sr", "rev", "hon", "pres", "supt", "det", "insp",
    "spc", "pfc", "ens", "msgr", "fr", "engr", "inc", "ltd", "co", "corp", "bros", "vs", "etc",
    "no", "nos", "vol", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "aug", "sept",
    "sep", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "rd", "u.s", "u.k", "u.n", "e.u", "d.c",
    "a.m", "p.m", "e.g", "i.e", "ph.d",
];

/// Splits `range` of `text` into sentence ranges (trimmed, never empty). A sentence ends at
/// `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by whitespace and a
/// capital, digit or opening quote — unless the word before the period is an abbreviation
/// or an initial.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut result = Vec::new();
    let mut start = 0;
    let mut cursor = 0;
    while let Some(found) = find_terminal(&slice[cursor..]) {
        let at = cursor + found;
        let terminal = &slice[at..];
        let is_period = terminal.starts_with('.');
        let after_terminal = at + terminal.chars().next().map_or(1, char::len_utf8);
        let rest = &slice[after_terminal..];
        let end_byte = after_terminal + (rest.len() - rest.trim_start_matches(is_closer).len());
        let following = &slice[end_byte..];
        if following.starts_with(char::is_whitespace)
            && starts_new_sentence(following)
            && !(is_period && before_is_abbreviation(&slice[start..at]))
        {
            push_trimmed(&mut result, slice, start..end_byte, range.start);
            start = end_byte;
        }
        cursor = end_byte.max(after_terminal);
    }
    push_trimmed(&mut result, slice, start..slice.len(), range.start);
    result
}

/// Where the first `.`, `!`, `?` or `…` of `text` is, as `text.find` would say, but found by
/// scanning bytes: the first three are ASCII, and a 0xE2 byte (the first of `…`) always starts
/// a char in UTF-8.
fn find_terminal(text: &str) -> Option<usize> {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes[from..]
        .iter()
        .position(|&byte| matches!(byte, b'.' | b'!' | b'?' | 0xE2))
    {
        let at = from + found;
        if bytes[at] != 0xE2 || bytes[at..].starts_with(ELLIPSIS) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_')
}

fn starts_new_sentence(rest: &str) -> bool {
    rest.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '*' | '_' | '—' | '-'
            )
    })
}

fn before_is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    let is_initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    // Every abbreviation is ASCII: an ASCII word compares without allocating; any other word
    // is lowercased first (a few non-ASCII letters lowercase to ASCII ones).
    is_initial
        || if word.is_ascii() {
            ABBREVIATIONS
                .iter()
                .any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
        } else {
            ABBREVIATIONS.contains(&word.to_lowercase().as_str())
        }
}

fn push_trimmed(out: &mut Vec<Range<usize>>, slice: &str, local: Range<usize>, base: usize) {
    let part = &slice[local.clone()];
    let start = local.start + (part.len() - part.trim_start().len());
    let end = local.end - (part.len() - part.trim_end().len());
    if end > start {
        out.push(base + start..base + end);
    }
}

/// Words of `range` with their byte ranges, as Unicode word boundaries define them
/// (`4,000`, `don't` and `Zelenskyy` stay whole).
pub fn words(text: &str, range: Range<usize>) -> Vec<(Range<usize>, &str)> {
    let mut found = Vec::new();
    for_each_word(text, range, |range, word| found.push((range, word)));
    found
}

/// Calls `visit` with every word of `range` and its byte range, as [`words`] lists them, without
/// collecting them.
///
/// Word boundaries never fall inside ASCII whitespace, so the text is cut there first; a piece
/// that is all ASCII (most of news copy) is split by the ASCII subset of the Unicode rules
/// ([`ascii_words`]), any other piece by `unicode-segmentation`. Both give the same words.
pub fn for_each_word<'t>(
    text: &'t str,
    range: Range<usize>,
    visit: impl FnMut(Range<usize>, &'t str),
) {
    for_each_word_in_pieces(text, range, |_| true, visit);
}

/// [`for_each_word`], but only the words that start with a capital letter (`Kyiv`, `Élysée`,
/// `U.S.`). A piece between ASCII spaces is only split when it holds a capital, so a scan for
/// names skips most of the copy.
pub fn for_each_capitalised_word<'t>(
    text: &'t str,
    range: Range<usize>,
    mut visit: impl FnMut(Range<usize>, &'t str),
) {
    let may_hold_a_capital = |piece: &str| {
        let bytes = piece.as_bytes();
        bytes.iter().any(u8::is_ascii_uppercase)
            || (!bytes.is_ascii() && piece.chars().any(char::is_uppercase))
    };
    for_each_word_in_pieces(text, range, may_hold_a_capital, |range, word| {
        if word.chars().next().is_some_and(char::is_uppercase) {
            visit(range, word);
        }
    });
}

/// The words of the pieces between ASCII whitespace that `wanted` accepts.
fn for_each_word_in_pieces<'t>(
    text: &'t str,
    range: Range<usize>,
    wanted: impl Fn(&str) -> bool,
    mut visit: impl FnMut(Range<usize>, &'t str),
) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let bytes = slice.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        while start < bytes.len() && bytes[start].is_ascii_whitespace() {
            start += 1;
        }
        let mut end = start;
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        if end == start {
            break;
        }
        // Both ends are ASCII bytes (or the slice's ends), so they are char boundaries.
        let piece = &slice[start..end];
        let ascii = piece.is_ascii();
        if !wanted(piece) {
            start = end;
            continue;
        }
        let base = range.start + start;
        if ascii {
            words_of_ascii_piece(piece, base, &mut visit);
        } else {
            for (at, part) in split_at_double_quotes(piece) {
                if part.is_ascii() {
                    words_of_ascii_piece(part, base + at, &mut visit);
                } else {
                    for (offset, word) in part.unicode_word_indices() {
                        visit(base + at + offset..base + at + offset + word.len(), word);
                    }
                }
            }
        }
        start = end;
    }
}

fn words_of_ascii_piece<'t>(
    piece: &'t str,
    base: usize,
    visit: &mut impl FnMut(Range<usize>, &'t str),
) {
    ascii_words(piece.as_bytes(), |word| {
        visit(base + word.start..base + word.end, &piece[word]);
    });
}

/// A piece cut around its curly double quotes (`“We`, `said.”`), with their offsets, so the
/// ASCII words beside them take the fast path. Such a mark is a word boundary on both sides
/// (UAX #29 class Other) unless a combining mark, format character or joiner follows it
/// (WB4 attaches those to it), so only a mark followed by ASCII or by nothing is cut out.
fn split_at_double_quotes(piece: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, mark) in piece.match_indices(['“', '”']) {
        let after = at + mark.len();
        let next_is_plain = piece.as_bytes().get(after).is_none_or(u8::is_ascii);
        if !next_is_plain {
            continue;
        }
        parts.push((start, &piece[start..at]));
        parts.push((at, mark));
        start = after;
    }
    parts.push((start, &piece[start..]));
    parts.into_iter().filter(|(_, part)| !part.is_empty())
}

/// Word classes of ASCII characters in the Unicode word-boundary rules (UAX #29).
#[derive(Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    Letter,
    Numeric,
    /// `_`: joins letters and digits on either side.
    ExtendNumLet,
    /// `:` between letters.
    MidLetter,
    /// `.` and `'` between letters or between digits.
    MidNumLet,
    /// `,` and `;` between digits.
    MidNum,
    Other,
}

fn ascii_class(byte: u8) -> AsciiClass {
    ASCII_CLASSES[usize::from(byte)]
}

/// [`classify`] of every byte, looked up rather than matched: every byte of the copy is asked.
const ASCII_CLASSES: [AsciiClass; 256] = {
    let mut classes = [AsciiClass::Other; 256];
    let mut byte = 0;
    while byte < classes.len() {
        classes[byte] = classify(byte as u8);
        byte += 1;
    }
    classes
};

const fn classify(byte: u8) -> AsciiClass {
    match byte {
        b'a'..=b'z' | b'A'..=b'Z' => AsciiClass::Letter,
        b'0'..=b'9' => AsciiClass::Numeric,
        b'_' => AsciiClass::ExtendNumLet,
        b':' => AsciiClass::MidLetter,
        b'.' | b'\'' => AsciiClass::MidNumLet,
        b',' | b';' => AsciiClass::MidNum,
        _ => AsciiClass::Other,
    }
}

/// The words of an ASCII piece without whitespace, by UAX #29 restricted to ASCII: letters,
/// digits and `_` run together (WB5, WB8–WB10, WB13a/b); `:` `.` `'` join two letters (WB6/7)
/// and `,` `;` `.` `'` two digits (WB11/12); every other character stands alone. As
/// `unicode_words` does, only segments holding a letter or digit are words.
fn ascii_words(bytes: &[u8], mut visit: impl FnMut(Range<usize>)) {
    use AsciiClass::*;
    let joins = |class: AsciiClass| matches!(class, Letter | Numeric | ExtendNumLet);
    let mut index = 0;
    while index < bytes.len() {
        if !joins(ascii_class(bytes[index])) {
            index += 1;
            continue;
        }
        let start = index;
        let mut alphanumeric = false;
        loop {
            let class = ascii_class(bytes[index]);
            alphanumeric |= matches!(class, Letter | Numeric);
            index += 1;
            let Some(&next) = bytes.get(index) else {
                break;
            };
            let next_class = ascii_class(next);
            if joins(next_class) {
                continue;
            }
            let after = bytes.get(index + 1).map(|&byte| ascii_class(byte));
            let bridges = matches!(
                (class, next_class, after),
                (Letter, MidLetter | MidNumLet, Some(Letter))
                    | (Numeric, MidNum | MidNumLet, Some(Numeric))
            );
            if !bridges {
                break;
            }
            index += 1;
        }
        if alphanumeric {
            visit(start..index);
        }
    }
}

/// Folds a word for comparison: lowercase, curly apostrophes made straight.
pub fn fold_word(word: &str) -> String {
    word.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Folds a heading or phrase for comparison: markup and punctuation at the end removed, case
/// and whitespace folded, curly quotes made straight.
pub fn fold_phrase(phrase: &str) -> String {
    let without_markup: String = phrase
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '#' | '~'))
        .map(|c| match c {
            '“' | '”' | '„' | '«' | '»' => '"',
            '‘' | '’' => '\'',
            '–' | '—' => '-',
            other => other,
        })
        .collect();
    let collapsed = without_markup
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    collapsed
        .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ')' && c != '"')
        .trim()
        .to_string()
}

/// The length of the HTML tag `rest` opens (`<a href="…">`, `</p>`), if it opens one: CMS
/// exports leave tags around bylines and headings, and they are markup, not words.
pub fn html_tag_length(rest: &[u8]) -> Option<usize> {
    const LONGEST_TAG: usize = 256;
    let name = rest.get(1..)?;
    let name = name.strip_prefix(b"/").unwrap_or(name);
    if !name.first()?.is_ascii_alphabetic() {
        return None;
    }
    let end = rest
        .iter()
        .take(LONGEST_TAG)
        .skip(1)
        .position(|&byte| matches!(byte, b'>' | b'<' | b'\n' | b'\r'))?
        + 1;
    (rest[end] == b'>').then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            split("The river rose. Crews worked all night! Did it help?"),
            vec!["The river rose.", "Crews worked all night!", "Did it help?"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_a_sentence() {
        assert_eq!(
            split(
                "U.S. President Donald Trump met Dr. Ana Ruiz and John F. Kennedy Jr. on Monday."
            ),
            vec!["U.S. President Donald Trump met Dr. Ana Ruiz and John F. Kennedy Jr. on Monday."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“We will rebuild.” The mayor spoke first. 'Never,' she said."),
            vec![
                "“We will rebuild.”",
                "The mayor spoke first.",
                "'Never,' she said."
            ]
        );
    }

    #[test]
    fn no_split_before_lowercase() {
        assert_eq!(
            split("It cost $4.5 million. in total"),
            vec!["It cost $4.5 million. in total"]
        );
    }

    #[test]
    fn words_keep_numbers_and_apostrophes() {
        let text = "Crews evacuated 4,000 residents, Kyiv's mayor said";
        let found: Vec<&str> = words(text, 0..text.len())
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            found,
            vec![
                "Crews",
                "evacuated",
                "4,000",
                "residents",
                "Kyiv's",
                "mayor",
                "said"
            ]
        );
    }

    #[test]
    fn ascii_pieces_split_as_unicode_segmentation_does() {
        let samples = [
            "U.S. 4,000.5 a:b a.1 1.a don't 'tis o'clock _Kyiv_ __ a_1 1_a 3;4 a;b a,b 1,,2",
            "end. 'quoted' \"x\" e.g. ph.d. 10:30 a::b x'y'z 1'2 9.'9 -5 $4.5m (AP)--",
            "a.b.c. 1.2.3 1..2 a..b _ _1_ 1__2 ...word word...",
        ];
        for sample in samples {
            let fast: Vec<(Range<usize>, &str)> = words(sample, 0..sample.len());
            let reference: Vec<(Range<usize>, &str)> = sample
                .unicode_word_indices()
                .map(|(at, word)| (at..at + word.len(), word))
                .collect();
            assert_eq!(fast, reference, "{sample}");
        }
    }

    /// The first, char-vector implementation of [`sentences`], kept as the reference the
    /// faster one must agree with.
    fn reference_sentences(text: &str) -> Vec<Range<usize>> {
        let mut result = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (_, c) = chars[i];
            if matches!(c, '.' | '!' | '?' | '…') {
                let mut j = i + 1;
                while j < chars.len() && is_closer(chars[j].1) {
                    j += 1;
                }
                let end_byte = chars.get(j).map_or(text.len(), |&(b, _)| b);
                let rest: String = chars[j.min(chars.len())..]
                    .iter()
                    .map(|&(_, c)| c)
                    .collect();
                if j < chars.len()
                    && chars[j].1.is_whitespace()
                    && starts_new_sentence(&rest)
                    && !(c == '.' && before_is_abbreviation(&text[start..chars[i].0]))
                {
                    push_trimmed(&mut result, text, start..end_byte, 0);
                    start = end_byte;
                }
                i = j;
            } else {
                i += 1;
            }
        }
        push_trimmed(&mut result, text, start..text.len(), 0);
        result
    }

    proptest::proptest! {
        #[test]
        fn sentences_match_the_reference(
            sample in "[aB1 .!?…\"”’)*_\n(“—-]{0,40}|(Mr|Dr|U\\.S|[A-Z]|no|[a-z]{1,4})[.!?]{1,2}[”’\")]{0,2}[ \n]{1,2}[A-Za-z“(0-9—]"
        ) {
            proptest::prop_assert_eq!(sentences(&sample, 0..sample.len()), reference_sentences(&sample));
        }
    }

    proptest::proptest! {
        #[test]
        fn words_match_unicode_segmentation_on_any_text(
            sample in "[a-cA-C0-2 .,;:'_\\-\n\t\"’“”é\u{301}\u{200d}\u{ad}😀中]{0,40}"
        ) {
            let fast: Vec<(Range<usize>, &str)> = words(&sample, 0..sample.len());
            let reference: Vec<(Range<usize>, &str)> = sample
                .unicode_word_indices()
                .map(|(at, word)| (at..at + word.len(), word))
                .collect();
            proptest::prop_assert_eq!(fast, reference);
        }

        #[test]
        fn capitalised_words_are_the_words_that_start_with_a_capital(
            sample in "[a-cA-C0-2 .,;:'_\\-\n\t\"’“”éÉ\u{301}\u{200d}\u{ad}😀中]{0,40}"
        ) {
            let mut found = Vec::new();
            for_each_capitalised_word(&sample, 0..sample.len(), |range, word| found.push((range, word)));
            let reference: Vec<(Range<usize>, &str)> = words(&sample, 0..sample.len())
                .into_iter()
                .filter(|(_, word)| word.chars().next().is_some_and(char::is_uppercase))
                .collect();
            proptest::prop_assert_eq!(found, reference);
        }
    }

    #[test]
    fn folds_headings() {
        assert_eq!(fold_phrase("**Fresh  Peace Talks!**"), "fresh peace talks");
        assert_eq!(fold_phrase("Storm’s Path:"), "storm's path");
    }
}
