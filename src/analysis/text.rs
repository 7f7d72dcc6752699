//! Prose helpers shared by checks: sentence splitting, word tokens and text folding.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that end with a period but rarely end a sentence in news copy.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "cpl", "pvt", "jr", "sr", "rev", "hon", "pres", "supt", "det", "insp",
    "inc", "ltd", "co", "corp", "bros", "vs", "etc", "no", "nos", "vol", "approx", "dept", "est",
    "fig", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft",
    "ave", "blvd", "rd", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "e.g", "i.e", "ph.d",
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
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && is_closer(chars[j].1) {
                j += 1;
            }
            let end_byte = chars.get(j).map_or(slice.len(), |&(b, _)| b);
            if j < chars.len()
                && chars[j].1.is_whitespace()
                && starts_new_sentence(&chars[j..])
                && !(c == '.' && before_is_abbreviation(&slice[start..chars[i].0]))
            {
                push_trimmed(&mut result, slice, start..end_byte, range.start);
                start = end_byte;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(&mut result, slice, start..slice.len(), range.start);
    result
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_')
}

fn starts_new_sentence(rest: &[(usize, char)]) -> bool {
    rest.iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
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
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    slice
        .unicode_word_indices()
        .map(|(offset, word)| {
            (
                range.start + offset..range.start + offset + word.len(),
                word,
            )
        })
        .collect()
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
    fn folds_headings() {
        assert_eq!(fold_phrase("**Fresh  Peace Talks!**"), "fresh peace talks");
        assert_eq!(fold_phrase("Storm’s Path:"), "storm's path");
    }
}
