//! `repeated-heading`: a heading whose text repeats an earlier heading of the same document.

use std::collections::HashMap;

use super::{Check, Context, Reads};
use crate::analysis::document::{Block, Document};
use crate::analysis::finding::{DocumentRef, Finding, Fix, Related, Severity, TextEdit};
use crate::analysis::text::fold_phrase;

pub const CODE: &str = "repeated-heading";

pub const CHECK: Check = Check {
    code: CODE,
    summary: "A heading repeats an earlier heading",
    description: DESCRIPTION,
    severity: Severity::Warning,
    reads: Reads::Document,
    run,
};

const DESCRIPTION: &str = "\
### repeated-heading

**What**: a heading (`# Title`, a setext heading, a line that is wholly **bold**, or the \
story's unmarked first line when it reads as a headline) whose text is the same as an earlier \
heading, after folding case, markup, whitespace and trailing \
punctuation.

**Why**: a headline or crosshead pasted twice is a production accident that readers notice \
at once; CMS exports often duplicate the bold headline line, and wire copy its first line.

**Example**:

```markdown
**Fresh Peace Talks Scheduled**

**Fresh Peace Talks Scheduled**
```

The second line is flagged; the quick fix *Remove duplicate heading* deletes it and one \
adjacent blank line.";

pub const FIX_TITLE: &str = "Remove duplicate heading";

fn run(context: &Context<'_>) -> Vec<Finding> {
    let doc = context.doc;
    let mut first_by_text: HashMap<String, &Block> = HashMap::new();
    let mut findings = Vec::new();
    for heading in doc.headings() {
        let folded = fold_phrase(doc.slice(&heading.content));
        if folded.is_empty() {
            continue;
        }
        match first_by_text.get(&folded) {
            Some(first) => findings.push(finding(doc, first, heading)),
            None => {
                first_by_text.insert(folded, heading);
            }
        }
    }
    findings
}

fn finding(doc: &Document<'_>, first: &Block, repeat: &Block) -> Finding {
    let first_line = doc.line_of(first.range.start) + 1;
    Finding {
        code: CODE,
        severity: CHECK.severity,
        range: repeat.range.clone(),
        message: format!(
            "Repeated heading: “{}” already appears on line {first_line}.",
            doc.slice(&repeat.content)
        ),
        related: vec![Related {
            document: DocumentRef::This,
            range: first.range.clone(),
            message: "First use of this heading".to_string(),
        }],
        fixes: vec![Fix {
            title: FIX_TITLE.to_string(),
            edits: vec![TextEdit::delete(doc.block_removal(repeat))],
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::checks::flagged;
    use crate::analysis::finding::apply_edits;

    fn flag(text: &str) -> Vec<(usize, String)> {
        flagged(&CHECK, text)
    }

    /// Applies the quick fix of every finding in turn, re-checking after each.
    fn fix_first(text: &str) -> String {
        let findings = crate::analysis::checks::findings_with(
            &CHECK,
            text,
            crate::analysis::Format::Markdown,
            &crate::analysis::Settings::default(),
        );
        apply_edits(text, &findings[0].fixes[0].edits)
    }

    #[test]
    fn flags_a_repeated_bold_headline_from_a_cms_export() {
        let text = "Summary sentence here.\n**Fresh Peace Talks Between Ukraine and Russia**\n\n**Fresh Peace Talks Between Ukraine and Russia**\nNegotiations set to occur.";
        assert_eq!(
            flag(text),
            vec![(
                4,
                "**Fresh Peace Talks Between Ukraine and Russia**".to_string()
            )]
        );
    }

    #[test]
    fn flags_and_removes_an_unmarked_wire_headline_pasted_twice() {
        let headline = "Rovers snatch late winner as Dunmore slip to third\n";
        let lede =
            "ABERFELDIE - Jonah Petrakis scored in the 93rd minute to give Aberfeldie Rovers a \
                    2-1 win over Dunmore Athletic on Saturday.\n";
        let text = format!("{headline}{headline}{lede}");
        let findings = crate::analysis::checks::findings_with(
            &CHECK,
            &text,
            crate::analysis::Format::PlainText,
            &crate::analysis::Settings::default(),
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].range.start, headline.len());
        assert_eq!(
            apply_edits(&text, &findings[0].fixes[0].edits),
            format!("{headline}{lede}")
        );
    }

    #[test]
    fn folds_case_markup_whitespace_and_trailing_punctuation() {
        let text = "# Storm hits the coast\n\nBody.\n\n## STORM  HITS THE *COAST*:\n\nMore.\n\nStorm Hits The Coast!\n---\n";
        let lines: Vec<usize> = flag(text).into_iter().map(|(line, _)| line).collect();
        assert_eq!(lines, vec![5, 9]);
    }

    #[test]
    fn different_headings_and_repeated_paragraphs_are_not_flagged() {
        let text =
            "# Storm hits coast\n\n## Storm hits inland\n\nSame paragraph.\n\nSame paragraph.\n";
        assert!(flag(text).is_empty());
    }

    #[test]
    fn every_later_copy_points_at_the_first() {
        let text = "# A title\n\n# A title\n\n# A title\n";
        let findings = crate::analysis::checks::findings_with(
            &CHECK,
            text,
            crate::analysis::Format::Markdown,
            &crate::analysis::Settings::default(),
        );
        assert_eq!(findings.len(), 2);
        assert!(findings.iter().all(|f| f.related[0].range == (0..9)));
        assert!(findings[0].message.contains("line 1"));
    }

    #[test]
    fn fix_removes_heading_and_following_blank_line() {
        let text = "# Title\n\nBody one.\n\n# Title\n\nBody two.\n";
        assert_eq!(fix_first(text), "# Title\n\nBody one.\n\nBody two.\n");
    }

    #[test]
    fn fix_removes_preceding_blank_line_when_none_follows() {
        let text = "Summary.\n**Talks**\n\n**Talks**\nDek line.";
        assert_eq!(fix_first(text), "Summary.\n**Talks**\nDek line.");
    }

    #[test]
    fn fix_at_end_without_final_newline_leaves_no_stray_line() {
        let text = "# Title\n\nBody.\n\n# Title";
        assert_eq!(fix_first(text), "# Title\n\nBody.");
    }

    #[test]
    fn fix_keeps_crlf_line_endings() {
        let text = "# Title\r\n\r\nBody.\r\n\r\n# Title\r\n\r\nMore.\r\n";
        assert_eq!(fix_first(text), "# Title\r\n\r\nBody.\r\n\r\nMore.\r\n");
    }

    #[test]
    fn fix_removes_both_lines_of_a_setext_heading() {
        let text = "# Title\n\nBody.\n\nTitle\n=====\n\nMore.\n";
        assert_eq!(fix_first(text), "# Title\n\nBody.\n\nMore.\n");
    }
}
