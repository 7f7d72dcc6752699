//! `first-reference`: a person called by surname alone before the story gives the full name.

use super::name_variant::talks_about_spelling;
use super::{Check, Context, Reads};
use crate::analysis::document::Document;
use crate::analysis::entities::{names_no_one_person, Entities, EntityKind};
use crate::analysis::finding::{DocumentRef, Finding, Fix, Related, Severity, TextEdit};
use crate::analysis::quotes::{quote_at, QuoteKind};
use crate::analysis::text;

pub const CODE: &str = "first-reference";

pub const CHECK: Check = Check {
    code: CODE,
    summary: "A person is named by surname before the full name appears",
    description: DESCRIPTION,
    severity: Severity::Warning,
    reads: Reads::Entities,
    run,
};

const DESCRIPTION: &str = "\
### first-reference

**What**: a person mentioned by surname alone (`Peskov`, `Sá Menezes`) in the body of the \
story before the first mention with the full name. Headlines and crossheads are left alone: \
they use surnames by convention (so is a story's first line when it reads as a headline: short, \
no full stop, copy after it).

**Why**: AP style gives the full name (usually with a title) on first reference; a reader \
who meets `Peskov` first has to guess who that is. It usually means a paragraph was moved \
or the lede rewritten.

**Example**:

```text
Peskov said Moscow was ready.
Kremlin spokesperson Dmitry Peskov later added that talks would take time.
```

`Peskov` on line 1 is flagged, with the full reference on line 2 as related information; \
the quick fix *Write the full name* puts `Dmitry Peskov` in its place (then shorten the \
later reference by hand).";

fn run(context: &Context<'_>) -> Vec<Finding> {
    let doc = context.doc;
    let all = context.entities();
    let mut out = Vec::new();
    for entity in all.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let Some(full) = &entity.full_reference else {
            continue;
        };
        let mut early = entity
            .mentions
            .iter()
            .filter(|m| m.end <= full.start)
            .peekable();
        if early.peek().is_none() {
            continue;
        }
        let namesake = namesake_explained(doc, full);
        for mention in early {
            if in_heading(doc, mention.start)
                || namesake.is_some_and(|cue| cue.covers(doc.text, mention))
                || names_a_house(doc.text, mention)
                || !entity.is_short_mention(doc.text, mention)
                || !looks_like_a_surname(doc.text, mention)
                || names_no_one_person(doc.text, mention)
                || in_quoted_title(context, mention.start)
                || spelled_on_purpose(all, doc.text, mention)
                || full_name_later_in_sentence(doc, mention, full)
            {
                continue;
            }
            let written = doc.slice(mention);
            out.push(Finding {
                code: CODE,
                severity: CHECK.severity,
                range: mention.clone(),
                message: format!(
                    "“{written}” appears before the full name “{}” (line {}); give the full \
                     name on first reference.",
                    entity.name,
                    doc.line_of(full.start) + 1
                ),
                related: vec![Related {
                    document: DocumentRef::This,
                    range: full.clone(),
                    message: format!("Full name “{}”", entity.name),
                }],
                fixes: vec![Fix {
                    title: "Write the full name".to_string(),
                    edits: vec![TextEdit {
                        range: mention.clone(),
                        replacement: entity.name.clone(),
                    }],
                }],
            });
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// A surname in running copy: not shouted (`MUNICH` in a dateline) and not followed by
/// another capitalised word, where it is more likely part of a title or another name
/// (`Mines Minister Paul Kabuswe`).
fn looks_like_a_surname(text: &str, mention: &std::ops::Range<usize>) -> bool {
    let written = text.get(mention.clone()).unwrap_or("");
    let shouted = written.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !written.chars().any(char::is_lowercase);
    let rest = text.get(mention.end..).unwrap_or("");
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest);
    let next_capitalised = rest.starts_with(' ')
        && rest
            .trim_start_matches(' ')
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    !shouted && !next_capitalised
}

/// `Lucía de la Fuente's "Señora Villanueva"`: a name in a work's title is the work's, not a
/// first reference to the person (or character) it is named after.
fn in_quoted_title(context: &Context<'_>, offset: usize) -> bool {
    quote_at(context.quotes(), offset).is_some_and(|quote| quote.kind == QuoteKind::Title)
}

/// `Casemiro was registered at birth as Carlos Henrique Casimiro, with an i`: a spelling
/// variant in a sentence about spelling is another name on purpose, not an early surname.
fn spelled_on_purpose(all: &Entities, text: &str, mention: &std::ops::Range<usize>) -> bool {
    all.variants.iter().any(|variant| variant.range == *mention)
        && talks_about_spelling(text, mention.start)
}

/// `Wilson's storm petrel, named after the ornithologist Alexander Wilson, nests…`, `C/2025
/// R2 (Okamura) was spotted by Hiroshi Okamura`: a thing named after a person, explained in
/// the same sentence, which tells the reader who that is before it ends.
fn full_name_later_in_sentence(
    doc: &Document<'_>,
    mention: &std::ops::Range<usize>,
    full: &std::ops::Range<usize>,
) -> bool {
    let Some(block) = doc.block_at(mention.start) else {
        return false;
    };
    text::sentences(doc.text, block.content.clone())
        .into_iter()
        .find(|sentence| sentence.contains(&mention.start))
        .is_some_and(|sentence| sentence.contains(&full.start))
}

/// How the sentence giving a full name says that something was named after the person.
#[derive(Debug, Clone, Copy, PartialEq)]
enum NamesakeCue {
    /// `named after`, `takes its name from`, `Bruce McLaren's name`: every earlier use of the
    /// name was the thing's (`Hodgkin lymphoma`, `Mercedes, the marque named after Mercedes
    /// Jellinek`).
    Named,
    /// `first described by`, `discovered by`: the earlier uses in the possessive were the
    /// thing's (`Parkinson's disease`); a bare surname may still be the person too early.
    Described,
}

impl NamesakeCue {
    fn covers(self, text: &str, mention: &std::ops::Range<usize>) -> bool {
        self == NamesakeCue::Named || after_possessive(text, mention).is_some()
    }
}

/// The text after a mention's possessive ending, if it has one (a CMS export writes the
/// apostrophe as an HTML entity).
fn after_possessive<'t>(text: &'t str, mention: &std::ops::Range<usize>) -> Option<&'t str> {
    let after = text.get(mention.end..)?;
    ["'s", "’s", "&#8217;s", "&rsquo;s", "&#39;s"]
        .iter()
        .find_map(|ending| after.strip_prefix(ending))
}

/// Words before a full name that say a thing bears the person's name.
const NAMED_AFTER: [&str; 8] = [
    "named after",
    "named for",
    "name from",
    "names of",
    "name of",
    "in honour of",
    "in honor of",
    "named in memory of",
];

/// Words before a full name that say the person first described or found a thing (a disease,
/// a species, a comet), which goes by the possessive of the name.
const DESCRIBED_BY: [&str; 3] = ["described by", "discovered by", "identified by"];

/// How far before the full name (bytes) a cue may stand: `named after the British physician
/// Thomas Hodgkin`.
const CUE_REACH: usize = 80;

/// The cue, if the sentence giving the full name says a thing is named after the person:
/// within [`CUE_REACH`] before the name, or right after it (`McLaren's name`, `, after whom`).
fn namesake_explained(doc: &Document<'_>, full: &std::ops::Range<usize>) -> Option<NamesakeCue> {
    let block = doc.block_at(full.start)?;
    let sentence = text::sentences(doc.text, block.content.clone())
        .into_iter()
        .find(|sentence| sentence.contains(&full.start))?;
    let mut from = full.start.saturating_sub(CUE_REACH).max(sentence.start);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    let before = doc.text.get(from..full.start)?.to_lowercase();
    let after = doc.text.get(full.end..sentence.end.max(full.end))?;
    // `Phillips, founded in 1796 by Harry Phillips`: the firm goes by the founder's surname.
    let surname = doc.text.get(full.clone())?.rsplit(' ').next()?;
    let opening = doc.text.get(sentence.start..full.start)?;
    let founded_by_namesake = before.contains("founded")
        && founder_follows_by(doc.text.get(from..full.start)?)
        && opening.contains(surname);
    let named_after = founded_by_namesake
        || NAMED_AFTER.iter().any(|cue| before.contains(cue))
        || ["'s name", "’s name", ", after whom", ", whose name"]
            .iter()
            .any(|cue| after.starts_with(cue));
    if named_after {
        Some(NamesakeCue::Named)
    } else if DESCRIBED_BY.iter().any(|cue| before.contains(cue)) {
        Some(NamesakeCue::Described)
    } else {
        None
    }
}

/// `founded in 1796 by`, `founded by the aviation pioneer`: the founder's name comes right
/// after `by` or after a lowercase description of them, on the same line or the next.
fn founder_follows_by(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let Some(by) = words.iter().rposition(|&word| word == "by") else {
        return false;
    };
    let description = &words[by + 1..];
    description.len() <= 4
        && description
            .iter()
            .all(|word| word.chars().all(|c| c.is_lowercase() || c == '-'))
}

/// `at Christie's and Sotheby's`, `living with Parkinson's,`: a possessive that owns nothing
/// after it is the name of a house, a shop or a disease, not the person's.
fn names_a_house(text: &str, mention: &std::ops::Range<usize>) -> bool {
    let Some(rest) = after_possessive(text, mention) else {
        return false;
    };
    let next_word = rest.strip_prefix(' ').map(|rest| {
        rest.split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
    });
    match next_word {
        None => true,
        Some(word) => matches!(
            word,
            "and" | "or" | "in" | "at" | "on" | "for" | "to" | "was" | "is"
        ),
    }
}

fn in_heading(doc: &Document<'_>, offset: usize) -> bool {
    doc.block_at(offset).is_some_and(|block| block.is_heading())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::checks::assert_flags;
    use crate::analysis::finding::apply_edits;

    /// (article, flagged (line, text) pairs)
    const CASES: &[(&str, &[(usize, &str)])] = &[
        // A region is no surname of the town named after it.
        (
            "The coalition kept control of Veneto on Monday, with Alberto Da Ros winning.\n\n\
             Da Ros, 47, a former mayor of Castelfranco Veneto, succeeds a League president.",
            &[],
        ),
        // A name she bore, in a death notice, is no reference to her late husband.
        (
            "SHACKLETON, Joan Margaret (formerly Pickles, née Fawcett). Died aged 101. Widow \
             of Ernest Pickles and of Leonard Shackleton.",
            &[],
        ),
        // A spelling variant in a sentence about spelling is no early surname.
        (
            "Manchester United's Casemiro was registered at birth as Carlos Henrique \
             Casimiro, with an i, and the shirt name stuck.",
            &[],
        ),
        (
            "Peskov said Moscow was ready.\n\nKremlin spokesperson Dmitry Peskov later added \
             more. Peskov left.",
            &[(1, "Peskov")],
        ),
        // Headlines may use the surname first, marked up or not (wire copy opens with one).
        (
            "# Peskov warns Kyiv\n\nKremlin spokesperson Dmitry Peskov spoke. Peskov left.",
            &[],
        ),
        (
            "Peskov warns Kyiv over new talks\n\nKremlin spokesperson Dmitry Peskov spoke. \
             Peskov left.",
            &[],
        ),
        // The full name first: nothing to report.
        (
            "Kremlin spokesperson Dmitry Peskov spoke. Peskov left.\n\nPeskov returned.",
            &[],
        ),
        // Compound surname, particles.
        (
            "The museum reopened, Sá Menezes said on Monday.\n\nIts director, Rodrigo Sá \
             Menezes, cut the ribbon.",
            &[(1, "Sá Menezes")],
        ),
        // A name in a quoted title is the work's, not a first reference to its namesake.
        (
            "Lucía de la Fuente's \"Señora Villanueva\" has sold well. The novel follows \
             Amparo Villanueva, a widowed teacher.",
            &[],
        ),
        // A company named after its founder, before the founder is named, is the company.
        (
            "The Dangote Petroleum Refinery cut prices. \"Dangote wants to set the price,\" \
             Ada Nwankwo said.\n\nIts founder, Aliko Dangote, agreed. Dangote left.",
            &[],
        ),
        // Only a title and surname, never a full name: not this check's business.
        ("President Zelensky spoke. Zelensky left.", &[]),
        // A surname naming a family, or one of it by place in it, names no one by name yet.
        (
            "Now the youngest Okafor wants to change the recipe. The Pruett family's field \
             flooded.\n\nAdaeze Okafor bakes. Dale Pruett farms. Okafor said so.",
            &[],
        ),
        // A surname after a count and a noun and `named` is the name itself; after an
        // appointing `named`, it is the person.
        (
            "Two councillors named Murphy voted.\n\nCllr Noel Murphy spoke. Murphy left.",
            &[],
        ),
        (
            "The board named Murphy chair.\n\nCllr Noel Murphy spoke. Murphy left.",
            &[(1, "Murphy")],
        ),
        // A people in the plural is no one's name.
        (
            "Argentines track the dollar.\n\nOlder Argentines remember the peg.",
            &[],
        ),
        // A post-nominal is no part of the surname; an honorific no given name.
        (
            "Sadler had argued for a shorter sentence.\n\nDefence barrister Michael Sadler SC \
             told the hearing so.",
            &[(1, "Sadler")],
        ),
        (
            "Sukhwinder Singh Grewal conceded.\n\nShri Sukhwinder Singh Grewal, its leader, \
             spoke. Grewal left.",
            &[],
        ),
        // A dateline in capitals or a word inside a title is no surname on first reference.
        (
            "MUNICH, Germany — Coach Anna Munich spoke.\n\nMines Minister Paul Mines said so.",
            &[],
        ),
        // Of three plain words, the middle may be the surname that goes alone (Congolese
        // names), in a name the story gives a role.
        (
            "Mutombo said so.\n\nBlaise Mutombo Kasongo, a Lubumbashi lawyer, spoke. Mutombo \
             left.",
            &[(1, "Mutombo")],
        ),
        (
            "Eastbrook voters decide on June 24.\n\nOpponents, organized as Keep Eastbrook \
             Affordable, argued against it.",
            &[],
        ),
        // A thing named after a person, who is named in full in the same sentence.
        (
            "Wilson's storm petrel, named after the ornithologist Alexander Wilson, nests in \
             crevices.\n\nThe comet, designated C/2025 R2 (Okamura), was spotted on Sept. 8 by \
             Hiroshi Okamura, 71. Okamura was delighted.",
            &[],
        ),
        (
            "Okamura found it. The comet was spotted by Hiroshi Okamura.\n\nWilson's petrel \
             nests there, in crevices of the cliffs\n\nAlexander Wilson named it.",
            &[(1, "Okamura"), (3, "Wilson")],
        ),
        // A disease, a team or a marque named after a person, before the sentence that says
        // so names the person: the thing, not an early surname.
        (
            "More Americans live with Parkinson's, and Hodgkin lymphoma is curable. Mercedes \
             won again.\n\nThe disease was first described by the surgeon James Parkinson. \
             Hodgkin lymphoma is named after the physician Thomas Hodgkin. Mercedes, the \
             marque named after Mercedes Jellinek, leads.",
            &[],
        ),
        (
            "Tom Ashworth of McLaren won. Whitlock said so.\n\nWhitlock, who joined from \
             Williams, said Bruce McLaren's name on the car mattered. Graham Whitlock spoke.",
            &[(1, "Whitlock"), (3, "Whitlock")],
        ),
        // An auction house goes by its founder's name: in the possessive, or in the sentence
        // that says he founded it; an ordinary possessive before a noun is still the person's.
        (
            "Works at Christie's and Sotheby's sold. Phillips took £48 million.\n\nPhillips, \
             founded in 1796 by Harry Phillips, a clerk to the auctioneer James Christie, is \
             small.\n\nHolt's lawyer spoke. The firm, founded by Ann Holt, grew.",
            &[(5, "Holt")],
        ),
        // Desk 58b: an airline goes by its founder's name, who may be described between `by`
        // and the name.
        (
            "A Widerøe turboprop struck its tail.\n\nThe airline Widerøe was founded by the \
             aviation pioneer Viggo Widerøe in 1934.",
            &[],
        ),
        // The same, hard-wrapped between `by` and the description.
        (
            "A Widerøe turboprop struck its tail.\n\nThe airline Widerøe was founded by\nthe \
             aviation pioneer Viggo Widerøe in 1934.",
            &[],
        ),
        // A court case is named after its plaintiff.
        (
            "The case, Batiste v. Tensaw Parish School Board, was heard.\n\nLorraine Batiste \
             died in 2009.",
            &[],
        ),
        // Only the possessive is the thing a person described; the bare surname is the person.
        (
            "Parkinson's disease is common. Parkinson warned of it.\n\nIt was first described \
             by the surgeon James Parkinson.",
            &[(1, "Parkinson")],
        ),
        // Clergy titles (`the Ven`, `the Rt Rev`) are no given names.
        (
            "The plan, which Mr Whitlock described as \"hard\", passed.\n\nThe Ven Simon \
             Whitlock, the Archdeacon of Ludlow, spoke. Crane agreed.\n\nThe Rt Rev Anna \
             Crane, the Bishop of Ludlow, sat down.",
            &[(1, "Whitlock"), (3, "Crane")],
        ),
        // A player's position opening a sentence is no given name: the full name was given.
        (
            "*Hasan Khan's 71 and Tom Reddy's boot carried the hosts home.*\n\nOpener \
             Hasan Khan anchored the chase; Khan hit 71.\n\nFly-half Tom Reddy kicked four \
             goals; Reddy missed one.",
            &[],
        ),
        // Desk 46b: a name that opens its sentence before `, which` is a thing's; a person of
        // that surname named later by shape alone was the thing all along (a union's branch).
        (
            "A response from Unison was added.\n\nUnison, which represents the staff, \
             objected.\n\nFenshire Unison branch secretary Gary Whitlam spoke.",
            &[],
        ),
        // Desk 58a: a place named like a person (the president's family named the firm after
        // the city) is no early surname.
        (
            "Among them is Kikuchi Kasei, a maker of chemicals based in Kikuchi city, north of \
             the site. Its president, Kikuchi Haruto, is the founder's grandson.\n\n\"It is \
             the other way round,\" Kikuchi said.",
            &[],
        ),
        // Desk 59a: a thing named after its maker (`a Stanley knife`), and a case's name, are
        // no early mention of a person of that surname; a bare surname still is.
        (
            "He held a Stanley knife and two Bowie knives.\n\nIn R v Okoro the court \
             sat.\n\nOkoro wept.\n\nGemma Stanley and Jim Bowie spoke. Femi Okoro denies it.",
            &[(5, "Okoro")],
        ),
        // Desk 60b: a dish named after a person (`peach Melba`) is no early mention of her,
        // nor is a shop said to be one (`Marchesi, the pastry shop`).
        (
            "Try the peach Melba.\n\nThe address is Marchesi, the 200-year-old pastry shop on \
             Via Santa Maria that the group bought. It has no link to the late Gualtiero \
             Marchesi.\n\nNellie Melba sang.",
            &[],
        ),
        // A person described by a phrase that only mentions a firm is still a person.
        (
            "Survivors were led by Brennan, a boarder at the school from 1972.\n\nAnthony \
             Brennan, 64, spoke.",
            &[(1, "Brennan")],
        ),
        // Mid-sentence, `which` may point back past the name: still a person.
        (
            "The suit was filed by Whitlam, which surprised no one.\n\nGary Whitlam spoke \
             later.",
            &[(1, "Whitlam")],
        ),
        // `World Heritage` ends an organisation's name, not a person's.
        (
            "Heritage groups dispute that.\n\nThe cemetery is part of the Historic Cairo World \
             Heritage site listed by UNESCO.",
            &[],
        ),
    ];

    #[test]
    fn flags_surnames_before_the_full_name() {
        assert_flags(&CHECK, CASES);
    }

    #[test]
    fn related_points_at_the_full_reference_and_fix_writes_it() {
        let text = "Peskov said Moscow was ready.\n\nKremlin spokesperson Dmitry Peskov spoke.";
        let findings = crate::analysis::checks::findings_with(
            &CHECK,
            text,
            crate::analysis::Format::Markdown,
            &crate::analysis::Settings::default(),
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(&text[findings[0].related[0].range.clone()], "Dmitry Peskov");
        assert!(findings[0].message.contains("line 3"));
        assert_eq!(
            apply_edits(text, &findings[0].fixes[0].edits),
            "Dmitry Peskov said Moscow was ready.\n\nKremlin spokesperson Dmitry Peskov spoke."
        );
    }
}
