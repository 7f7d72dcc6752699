//! `name-variant`: the same entity spelled two ways in one story (`Zelenskyy` / `Zelensky`).

use super::{Check, Context, Reads};
use crate::analysis::entities::Entities;
use crate::analysis::finding::{DocumentRef, Finding, Fix, Related, Severity, TextEdit};

pub const CODE: &str = "name-variant";

pub const CHECK: Check = Check {
    code: CODE,
    summary: "A name is spelled differently from its first (or canonical) spelling",
    description: DESCRIPTION,
    severity: Severity::Warning,
    reads: Reads::Entities,
    run,
};

const DESCRIPTION: &str = "\
### name-variant

**What**: a mention of a person whose spelling differs from the name the story (or the style \
guide) uses: a surname one letter away from the surname of a person the story names, with the \
same other name parts (`Zelensky` in a story about `Volodymyr Zelenskyy`, `Peskow` for \
`Peskov`), its particles written otherwise (`van de Velde`), another romanisation of one \
surname (`Yun` for `Yoon`, `Chou` for `Chow`) or its letters as another language writes them \
(`Mueller` for `Müller`), or a spelling listed as an alias of a person in `copydesk.toml` \
`[[entities]]`.

**Why**: the same person spelled two ways in one story is a classic copy-desk catch; readers \
take it for carelessness, and transliterated names (Ukrainian, Russian, Arabic) have several \
spellings in circulation.

**Example**:

```text
Ukrainian President Volodymyr Zelenskyy said talks would resume.
Zelensky's office gave no date.
```

`Zelensky` is flagged; the quick fix *Use “Zelenskyy”* writes the first full reference's \
spelling (or the style guide's canonical name).";

fn run(context: &Context<'_>) -> Vec<Finding> {
    let doc = context.doc;
    let all = context.entities();
    findings(doc.text, all, |offset| doc.line_of(offset) + 1)
}

/// `An earlier version misspelled the surname of Osman al-Mahdi as al-Mahady`, `Casemiro was
/// registered at birth as Carlos Henrique Casimiro, with an i`: a correction or a story about
/// a name writes the other spelling on purpose, in a sentence about spelling.
pub(crate) fn talks_about_spelling(text: &str, at: usize) -> bool {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let before = text.get(..at).unwrap_or_default();
    let start = before.rfind(is_end).map_or(0, |end| end + 1);
    let after = text.get(at..).unwrap_or_default();
    let end = at + after.find(is_end).unwrap_or(after.len());
    let sentence = text.get(start..end).unwrap_or_default().to_lowercase();
    ["spelled", "spelt", "spelling", "misspel"]
        .iter()
        .any(|word| sentence.contains(word))
        || names_a_letter(&sentence)
}

/// `with an i`, `with a y`, `with two n's`: a sentence spelling a name out letter by letter.
fn names_a_letter(sentence: &str) -> bool {
    let words: Vec<&str> = sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
        .filter(|word| !word.is_empty())
        .collect();
    words.windows(3).any(|three| {
        let letter = three[2].trim_end_matches(['\'', '’', 's']);
        let letter = if letter.is_empty() { three[2] } else { letter };
        three[0] == "with"
            && matches!(three[1], "a" | "an" | "one" | "two" | "double")
            && letter.chars().count() == 1
            && letter.chars().all(char::is_alphabetic)
    })
}

/// What a variant should read: a bare surname, the word of the name it is nearest to
/// (`Carabalí` for `Caravalí` in `Yesenia Carabalí Mina`, `Yoon` for `Yun` in `Yoon Jae-won`);
/// a longer variant, the name's last as many words (`Volodymyr Zelenskyy`, `van der Velde`).
fn preferred_spelling(written: &str, name: &str) -> Option<String> {
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let written_words = written.split_whitespace().count();
    if written_words == 1 {
        let written = written.to_lowercase();
        let distance = |word: &str| strsim::levenshtein(&written, &word.to_lowercase());
        // On a tie the later word, the surname in most names, wins.
        let nearest = name_words
            .iter()
            .enumerate()
            .min_by_key(|&(at, word)| (distance(word), std::cmp::Reverse(at)))?;
        return Some(nearest.1.to_string());
    }
    let tail = name_words.len().checked_sub(written_words)?;
    Some(name_words[tail..].join(" "))
}

/// One finding per variant mention, pointing at the entity's first full reference.
fn findings(text: &str, all: &Entities, line_of: impl Fn(usize) -> usize) -> Vec<Finding> {
    let mut out = Vec::new();
    for variant in &all.variants {
        let Some(entity) = all.entities.get(variant.entity) else {
            continue;
        };
        let Some(preferred) = preferred_spelling(&variant.written, &entity.name) else {
            continue;
        };
        if preferred == variant.written
            || text.get(variant.range.clone()).is_none()
            || talks_about_spelling(text, variant.range.start)
        {
            continue;
        }
        let reference = entity
            .full_reference
            .clone()
            .or_else(|| entity.mentions.first().cloned())
            .unwrap_or(variant.range.clone());
        let source = if entity.canonical {
            "the style guide's spelling".to_string()
        } else {
            format!("first reference on line {}", line_of(reference.start))
        };
        out.push(Finding {
            code: CODE,
            severity: CHECK.severity,
            range: variant.range.clone(),
            message: format!(
                "“{}” is spelled differently from “{}” ({source}).",
                variant.written, entity.name
            ),
            related: vec![Related {
                document: DocumentRef::This,
                range: reference,
                message: format!("{} spelled “{}”", entity.kind.label(), entity.name),
            }],
            fixes: vec![Fix {
                title: format!("Use “{preferred}”"),
                edits: vec![TextEdit {
                    range: variant.range.clone(),
                    replacement: preferred,
                }],
            }],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::checks::assert_flags;
    use crate::analysis::document::Format;
    use crate::analysis::entities::EntityKind;
    use crate::analysis::finding::apply_edits;
    use crate::analysis::settings::{Settings, StyleEntity};

    fn run_with(text: &str, settings: &Settings) -> Vec<Finding> {
        crate::analysis::checks::findings_with(&CHECK, text, Format::Markdown, settings)
    }

    /// Applies every finding's fix at once.
    fn fixed(text: &str, settings: &Settings) -> String {
        let edits: Vec<TextEdit> = run_with(text, settings)
            .into_iter()
            .flat_map(|f| f.fixes[0].edits.clone())
            .collect();
        apply_edits(text, &edits)
    }

    /// (article, flagged (line, text) pairs)
    const CASES: &[(&str, &[(usize, &str)])] = &[
        // The plural of a thing named after someone is no misspelling of it (desk 56a).
        (
            "# States sue over Pell Grant rule\n\nA new rule would cut Pell Grant \
             eligibility.\n\nPell Grants, named for the late Sen. Claiborne Pell, help \
             students.",
            &[],
        ),
        (
            "Ukrainian President Volodymyr Zelenskyy spoke.\n\nZelensky's office said talks \
             go ahead.\n\nZelenskyy left. Later Zelensky returned.",
            &[(3, "Zelensky"), (5, "Zelensky")],
        ),
        // A surname in the middle of a name of three (Congolese names) misspelt.
        (
            "Gécamines chairman Patrice Ilunga Mwamba spoke. Ilunga left.\n\n\"We wait,\" \
             Ilonga said.",
            &[(3, "Ilonga")],
        ),
        // A silk's or an honour's letters after the name are no surname.
        (
            "Fiona Mulgrew KC, defending, questioned her.\n\nMs Mulgrow asked whether she \
             had seen it. Ms Mulgrew sat down.",
            &[(3, "Mulgrow")],
        ),
        (
            "Eileen McAllister MBE chairs the Friends.\n\nMs McAlister said the hours were \
             cut. McAllister left.",
            &[(3, "McAlister")],
        ),
        // An athlete's country code is no acronym making the athlete an organisation.
        (
            "Daniel Kipchumba Kosgei (KEN) won in 59:48.\n\nKosgei, 24, broke the record. \
             Kosgey also collected a bonus.",
            &[(3, "Kosgey")],
        ),
        // `the former miner` is a person (`the miner` alone may be a mining firm).
        (
            "Arthur Pennington, the former miner who led the council, has died.\n\n\
             Pennington left school at 14. In 1988 Penington was appointed OBE.",
            &[(3, "Penington")],
        ),
        // A planet one letter from the byline's surname is the planet.
        (
            "Mars rover drills layered clay\n\nBy Helen Marsh\n\nThe rover on Mars drilled, \
             the team said.\n\nMars has a thin atmosphere, Marsh wrote.",
            &[],
        ),
        // A known place that is someone's surname is still no slip for a third name.
        (
            "Bruno Mars, the singer, toured. Mars said it was his last.\n\nThe rover reached \
             Mars, said Helen Marsh, a scientist.",
            &[],
        ),
        // An Irish surname's particle kept, its name misspelt.
        (
            "Councillor Seán Ó Briain chaired the meeting.\n\nMr Ó Brian closed it. Mr Ó \
             Briain left.",
            &[(3, "Ó Brian")],
        ),
        // A Spanish name's two surnames, the second misspelt.
        (
            "Interior Minister María Fernanda Ortiz Bustamante resigned.\n\nOrtiz Bustamente \
             will testify. Ortiz Bustamante declined to comment.",
            &[(3, "Ortiz Bustamente")],
        ),
        (
            "Kremlin spokesperson Dmitry Peskov said Moscow was ready. Peskow gave no date.",
            &[(1, "Peskow")],
        ),
        (
            "Kremlin spokesperson Dmitry Peskov spoke. Later Dmitry Peskow denied it.",
            &[(1, "Dmitry Peskow")],
        ),
        // In a short name only a dropped or added letter is a slip (`Lee` and `Lea` differ).
        (
            "The prosecutor, Park Seo-yeon, spoke. Park left.\n\nPak told reporters she would \
             appeal. Ann Lee and Mia Lea watched.",
            &[(3, "Pak")],
        ),
        // A surname after its particles, the particles as written.
        (
            "A court convicted Pieter van der Linden, a port official.\n\nJudges said van der \
             Linden took bribes.\n\nLawyers for van der Linde will appeal. Anna de Linde \
             testified.",
            &[(5, "van der Linde")],
        ),
        // The surname right and its particles not.
        (
            "Maarten van der Velde, a Dutch engineer, arrived.\n\nOfficials said van de \
             Velde's team would report. Van der Velde agreed; Pieter de Graaf and De Graaf's \
             aide did not.",
            &[(3, "van de Velde")],
        ),
        // Different people, different names: nothing to report.
        (
            "Finance Minister Carlos Ruiz spoke. His sister Ana Ruis protested. Ruiz left.",
            &[],
        ),
        // A short surname a letter off is a slip when it comes with that person's role; with
        // another role it is someone else.
        (
            "Its chairman, Zhou Jianguo, spoke.\n\nZhuo, the Haoyun chairman, said buyers \
             were surprised.\n\nShou, the Haoyun lawyer, said nothing.",
            &[(3, "Zhuo")],
        ),
        (
            "Coach Mark Jensen and his assistant Mark Hansen watched. Jensen and Hansen left.",
            &[],
        ),
        ("Christine Lagarde spoke. Lagarde left.", &[]),
        // Two namesakes are one surname to misspell.
        (
            "Harold Maddox played sax. His brother, Curtis Maddox, sang. Maddux returned in 1959.",
            &[(1, "Maddux")],
        ),
        // A surname in the plural names the family.
        (
            "Trainer Dermot Fahey saddled the winner. I liked the way the Faheys look after \
             their horses. Owain Williams and Garan Williams, the two Williamses, scored.",
            &[],
        ),
        // Another romanisation of one surname, or letters another language writes two ways.
        (
            "The painter Yoon Jae-won died in 2019. Yoon was 88.\n\nCritics said Yun's \
             canvases sold well. Judge Mei-Ling Chow ruled.\n\nChou ordered restitution. Anna \
             Müller and Lars Sørensen agreed.\n\nMueller and Soerensen left.",
            &[(3, "Yun"), (5, "Chou"), (7, "Mueller"), (7, "Soerensen")],
        ),
        // An Arabic name's vowels and doubled letters romanised otherwise.
        (
            "The army team is led by Lt. Gen. Osman al-Tayeb.\n\nAl-Tayeb spoke, then \
             al-Tayyib left. Bashar al-Assad and el-Asad differ not.",
            &[(3, "al-Tayyib"), (3, "el-Asad")],
        ),
        // A correction names the wrong spelling on purpose.
        (
            "The historian Osman al-Mahdi spoke.\n\n*Correction: An earlier version \
             misspelled the surname of Osman al-Mahdi as al-Mahady. Peskov was spelt \
             Peskow.*",
            &[],
        ),
        // …as does a sentence spelling a name out, wherever the other spelling sits in it.
        (
            "Manchester United's Casemiro was registered at birth as Carlos Henrique \
             Casimiro, with an i, and the shirt name stuck.",
            &[],
        ),
        (
            "Anna Kowalski spoke.\n\nKowalsky left with a smile, with a y on her badge.",
            &[],
        ),
        (
            "Anna Kowalski spoke.\n\nKowalsky left with a smile.",
            &[(3, "Kowalsky")],
        ),
        // Romanisations of two people's surnames: no one to be a variant of.
        (
            "Lee Min-ho and Li Wei met. Yi spoke first.\n\nSpokesman Ahmed Hussein and aide \
             Omar Hussain left; Husayn stayed.",
            &[],
        ),
        // A Spanish name's paternal surname, misspelt alone.
        (
            "Cuauhtémoc Balam Chan leads the beekeepers. \"They need flowers,\" Balam said.\n\n\
             Balan's cooperative sells honey.",
            &[(3, "Balan")],
        ),
        // A compound title before the name (`City Council Member`) is no part of it.
        (
            "City Council Member Grace Nakamura won. He congratulated Nakamora on Tuesday.",
            &[(1, "Nakamora")],
        ),
        // A people is no slip of a surname one letter away (desk 54a's headline).
        (
            "# Samoan Language Week opens in Auckland\n\nThe choir of Pastor Ioane Samoa sang. \
             Samoa said the week mattered.",
            &[],
        ),
    ];

    #[test]
    fn flags_variant_spellings() {
        assert_flags(&CHECK, CASES);
    }

    #[test]
    fn fix_writes_the_first_spelling() {
        let text = "Ukrainian President Volodymyr Zelenskyy spoke.\n\nZelensky's office said \
                    talks go ahead.";
        let findings = run_with(text, &Settings::default());
        assert_eq!(findings[0].fixes[0].title, "Use “Zelenskyy”");
        assert!(
            findings[0].message.contains("line 1"),
            "{}",
            findings[0].message
        );
        assert_eq!(findings[0].related[0].range, 20..39);
        assert_eq!(
            fixed(text, &Settings::default()),
            "Ukrainian President Volodymyr Zelenskyy spoke.\n\nZelenskyy's office said \
             talks go ahead."
        );
    }

    #[test]
    fn fix_writes_the_word_of_the_name_that_was_misspelt() {
        // A paternal or middle surname, and a family name written first, are no last words.
        let text = "Yesenia Carabalí Mina, 31, travelled.\n\nCaravalí said so.\n\nPatrice \
                    Ilunga Mwamba, the mines minister, spoke. Ilonga left.\n\nThe painter Yoon \
                    Jae-won died. Yoon was 88. Critics said Yun's work lasted.";
        assert_eq!(
            fixed(text, &Settings::default()),
            "Yesenia Carabalí Mina, 31, travelled.\n\nCarabalí said so.\n\nPatrice Ilunga \
             Mwamba, the mines minister, spoke. Ilunga left.\n\nThe painter Yoon Jae-won died. \
             Yoon was 88. Critics said Yoon's work lasted."
        );
    }

    #[test]
    fn style_guide_alias_is_a_variant_of_the_canonical_name() {
        let settings = Settings {
            entities: vec![StyleEntity {
                name: "Volodymyr Zelenskyy".into(),
                aliases: vec!["Zelenskiy".into(), "Volodymyr Zelensky".into()],
                kind: Some(EntityKind::Person),
                description: Some("President of Ukraine".into()),
            }],
            ..Settings::default()
        };
        // The story is consistent, but not with the guide.
        let text = "President Volodymyr Zelensky spoke on Monday. Zelensky gave no date. \
                    Zelenskiy's aides agreed.";
        let findings = run_with(text, &settings);
        let flagged: Vec<&str> = findings.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(flagged, ["Volodymyr Zelensky", "Zelensky", "Zelenskiy"]);
        assert!(findings[0].message.contains("style guide"));
        assert_eq!(
            fixed(text, &settings),
            "President Volodymyr Zelenskyy spoke on Monday. Zelenskyy gave no date. \
             Zelenskyy's aides agreed."
        );
        // Organisations' aliases are short forms, not misspellings.
        let settings = Settings {
            entities: vec![StyleEntity {
                name: "European Central Bank".into(),
                aliases: vec!["ECB".into()],
                kind: Some(EntityKind::Organisation),
                description: None,
            }],
            ..Settings::default()
        };
        assert!(run_with(
            "The ECB met. The European Central Bank left rates.",
            &settings
        )
        .is_empty());
    }
}
