//! `ambiguous-name`: a bare surname that fits two or more people the story names.

use super::{Check, Context};
use crate::analysis::entities;
use crate::analysis::finding::{DocumentRef, Finding, Fix, Related, Severity, TextEdit};

pub const CODE: &str = "ambiguous-name";

pub const CHECK: Check = Check {
    code: CODE,
    summary: "A surname could refer to more than one person in the story",
    description: DESCRIPTION,
    severity: Severity::Information,
    reads_corpus: false,
    run,
};

const DESCRIPTION: &str = "\
### ambiguous-name

**What**: a surname used alone after the story has named two or more people with that \
surname (`Carlos Ruiz` and his sister `Ana Ruiz`, then `Ruiz said`). copydesk resolves it to \
the one mentioned most recently (hovers and navigation follow that choice) and reports it.

**Why**: news style uses surnames on later references; with namesakes in the story the \
reader cannot tell who is speaking. AP style: use the full name, or a first name, for \
relatives with the same surname.

**Example**:

```text
Finance Minister Carlos Ruiz presented the budget. His sister, Ana Ruiz, protested.
“We cannot wait,” Ruiz said.
```

`Ruiz` is flagged; the quick fixes write each candidate's full name (`Ana Ruiz`, `Carlos \
Ruiz`), the most recently mentioned first.";

fn run(context: &Context<'_>) -> Vec<Finding> {
    let doc = context.doc;
    let all = context.entities();
    let mut out = Vec::new();
    for note in &all.ambiguous {
        let Some(written) = doc.text.get(note.range.clone()) else {
            continue;
        };
        let mut candidates = vec![note.resolved_to];
        candidates.extend(note.candidates.iter().filter(|&&c| c != note.resolved_to));
        let people: Vec<&entities::Entity> = candidates
            .iter()
            .filter_map(|&c| all.entities.get(c))
            .collect();
        if people.len() < 2 {
            continue;
        }
        let names: Vec<String> = people.iter().map(|p| format!("“{}”", p.name)).collect();
        out.push(Finding {
            code: CODE,
            severity: CHECK.severity,
            range: note.range.clone(),
            message: format!(
                "“{written}” could be {}; read as {} (mentioned last). Use the full name.",
                names.join(" or "),
                names[0]
            ),
            related: people
                .iter()
                .filter_map(|p| {
                    let at = p
                        .full_reference
                        .clone()
                        .or_else(|| p.mentions.first().cloned())?;
                    Some(Related {
                        document: DocumentRef::This,
                        range: at,
                        message: format!(
                            "{} (line {})",
                            p.name,
                            doc.line_of(p.mentions[0].start) + 1
                        ),
                    })
                })
                .collect(),
            fixes: people
                .iter()
                .map(|p| Fix {
                    title: format!("Write “{}”", p.name),
                    edits: vec![TextEdit {
                        range: note.range.clone(),
                        replacement: p.name.clone(),
                    }],
                })
                .collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::checks::assert_flags;

    /// (article, flagged (line, text) pairs)
    const CASES: &[(&str, &[(usize, &str)])] = &[
        (
            "Finance Minister Carlos Ruiz presented the budget.\n\nHis sister, Ana Ruiz, a \
             nurse, protested.\n\n\"We cannot wait,\" Ruiz said.",
            &[(5, "Ruiz")],
        ),
        // One Ruiz only: no doubt.
        (
            "Finance Minister Carlos Ruiz presented the budget. Ruiz said it stands.",
            &[],
        ),
        // Full names and first names are never ambiguous.
        (
            "Lívia Albuquerque and her daughter Beatriz Albuquerque spoke. Lívia Albuquerque \
             smiled.",
            &[],
        ),
    ];

    #[test]
    fn flags_surnames_shared_by_two_people() {
        assert_flags(&CHECK, CASES);
    }

    #[test]
    fn fixes_name_each_candidate_most_recent_first() {
        let text = "Finance Minister Carlos Ruiz presented the budget. His sister, Ana Ruiz, \
                    protested. \"We cannot wait,\" Ruiz said.";
        let findings = crate::analysis::checks::findings_with(
            &CHECK,
            text,
            crate::analysis::Format::PlainText,
            &crate::analysis::Settings::default(),
        );
        assert_eq!(findings.len(), 1);
        let titles: Vec<&str> = findings[0].fixes.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles, ["Write “Ana Ruiz”", "Write “Carlos Ruiz”"]);
        assert_eq!(findings[0].related.len(), 2);
    }
}
