//! `ambiguous-name`: a bare surname that fits two or more people the story names.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::{Check, Context, Reads};
use crate::analysis::document::Document;
use crate::analysis::entities;
use crate::analysis::finding::{DocumentRef, Finding, Fix, Related, Severity, TextEdit};
use crate::analysis::quotes::{Quote, QuoteKind};

pub const CODE: &str = "ambiguous-name";

pub const CHECK: Check = Check {
    code: CODE,
    summary: "A surname could refer to more than one person in the story",
    description: DESCRIPTION,
    severity: Severity::Information,
    reads: Reads::Entities,
    run,
};

const DESCRIPTION: &str = "\
### ambiguous-name

**What**: a surname used alone after the story has named two or more people with that \
surname (`Carlos Ruiz` and his sister `Ana Ruiz`, then `Ruiz said`). copydesk resolves it to \
the one mentioned most recently (hovers and navigation follow that choice) and reports it. \
A Spanish name's paternal surname counts as a surname alone (`Ortiz` for `María Fernanda \
Ortiz Bustamante`). A surname inside a direct quotation is left alone: the words are the \
speaker's.

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
    // A story that uses a shared surname alone tends to do so again and again: each reading
    // (the name as written and its candidates) is worded once. Looked up on every edit and
    // never iterated, so Fx's cheap hash serves (SipHash was 1.4% of an edit).
    let mut worded: FxHashMap<(&str, Vec<usize>), Option<Wording>> = FxHashMap::default();
    let mut out = Vec::with_capacity(all.ambiguous.len());
    // Quoted words are the speaker's: the full name cannot be written into them.
    let quoted = if all.ambiguous.is_empty() {
        Quotations::default()
    } else {
        Quotations::of(context.quotes())
    };
    for note in &all.ambiguous {
        if quoted.contain(&note.range) {
            continue;
        }
        let Some(written) = doc.text.get(note.range.clone()) else {
            continue;
        };
        let mut candidates = Vec::with_capacity(1 + note.candidates.len());
        candidates.push(note.resolved_to);
        candidates.extend(note.candidates.iter().filter(|&&c| c != note.resolved_to));
        let wording = worded
            .entry((written, candidates))
            .or_insert_with_key(|(written, candidates)| Wording::of(doc, all, written, candidates));
        if let Some(wording) = wording {
            out.push(wording.finding(note.range.clone()));
        }
    }
    out
}

/// The words of the story's quotations of speech, for asking whether a range lies inside one.
#[derive(Default)]
struct Quotations {
    /// Where each quotation's words start, in order.
    starts: Vec<usize>,
    /// The furthest any quotation starting at or before `starts[i]` reaches.
    reach: Vec<usize>,
}

impl Quotations {
    fn of(quotes: &[Quote]) -> Quotations {
        let mut spoken: Vec<&Range<usize>> = Vec::with_capacity(quotes.len());
        spoken.extend(
            (quotes.iter())
                .filter(|quote| quote.kind == QuoteKind::Speech)
                .map(|quote| &quote.inner),
        );
        spoken.sort_by_key(|inner| inner.start);
        let mut reach = Vec::with_capacity(spoken.len());
        let mut furthest = 0;
        for inner in &spoken {
            furthest = furthest.max(inner.end);
            reach.push(furthest);
        }
        Quotations {
            starts: spoken.iter().map(|inner| inner.start).collect(),
            reach,
        }
    }

    /// Whether `range` lies inside one quotation: one starting at or before it reaches past
    /// its end: a binary search over the starts.
    fn contain(&self, range: &Range<usize>) -> bool {
        let before = self.starts.partition_point(|&start| start <= range.start);
        before > 0 && self.reach[before - 1] >= range.end
    }
}

/// What the finding for one reading of a surname says: all of it but the flagged range.
struct Wording {
    message: String,
    related: Vec<Related>,
    /// Each candidate's fix: its title and the full name it writes.
    fixes: Vec<(String, String)>,
}

impl Wording {
    /// `None` when fewer than two of the candidates are known entities.
    fn of(
        doc: &Document<'_>,
        all: &entities::Entities,
        written: &str,
        candidates: &[usize],
    ) -> Option<Wording> {
        let people: Vec<&entities::Entity> = candidates
            .iter()
            .filter_map(|&c| all.entities.get(c))
            .collect();
        if people.len() < 2 {
            return None;
        }
        let quoted: Vec<String> = people.iter().map(|p| format!("“{}”", p.name)).collect();
        Some(Wording {
            message: format!(
                "“{written}” could be {}; read as {} (mentioned last). Use the full name.",
                quoted.join(" or "),
                quoted[0]
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
                .map(|p| (format!("Write “{}”", p.name), p.name.clone()))
                .collect(),
        })
    }

    fn finding(&self, range: Range<usize>) -> Finding {
        Finding {
            code: CODE,
            severity: CHECK.severity,
            range: range.clone(),
            message: self.message.clone(),
            related: self.related.clone(),
            fixes: self
                .fixes
                .iter()
                .map(|(title, name)| Fix {
                    title: title.clone(),
                    edits: vec![TextEdit {
                        range: range.clone(),
                        replacement: name.clone(),
                    }],
                })
                .collect(),
        }
    }
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
        // Hong Kong's `Carrie Wong Mei-ling` is a Wong, as `Wong Kwok-keung` is; `Smith-Jones`
        // is no romanised given name.
        (
            "Carrie Wong Mei-ling lives in Mong Kok.\n\nLandlord Wong Kwok-keung owns four \
             units.\n\n\"We cannot move,\" Wong said. Mary Anne Smith-Jones and Tom Anne \
             left; Anne stayed.",
            &[(5, "Wong")],
        ),
        // A Spanish name's maternal surname does not go alone: `Navarro` is the commander.
        (
            "Judge Rosa Isela Gutiérrez Navarro drives to work.\n\nThe police commander, \
             Jorge Navarro Ríos, spoke.\n\n\"We protect them,\" Navarro said.",
            &[],
        ),
        // Two people of one middle surname, one given an age and one a job, both go by it.
        (
            "Freddy Choque Mamani, 46, drives a minibus.\n\nWilma Choque Alanoca, an \
             economist, disagreed.\n\nChoque said the queues would last.",
            &[(5, "Choque")],
        ),
        // A namesake named only later (here in the same sentence) makes no earlier surname
        // ambiguous; once both are named, a bare surname is.
        (
            "Margaret Ellison, who ran the village shop, has died at 91.\n\nEllison took over \
             the shop from her father, Arthur Ellison, in 1958.\n\nEllison never closed it.",
            &[(5, "Ellison")],
        ),
        // A bank named after its founders is no namesake of an analyst.
        (
            "Rivals Goldman Sachs, Morgan Stanley and JPMorgan Chase also gained.\n\nRuth \
             Stanley, an analyst at Keefe, was unmoved.\n\n\"Trading is fickle,\" Stanley \
             wrote.",
            &[],
        ),
        // A rank's initials (`DCI`) are a title: `DCI Adeyemi` is the inspector named in full.
        (
            "Detective Chief Inspector Marcus Adeyemi appealed for help.\n\n'We need \
             witnesses,' DCI Adeyemi said.\n\nOfficers do not believe he was the target, \
             Adeyemi added.",
            &[],
        ),
        // A surname before a word for kin names the whole family.
        (
            "Marcus Bell and Malik Bell led the defence.\n\nThe Bell twins had three sacks. \
             The Bell family cheered.\n\nBell said little.",
            &[(5, "Bell")],
        ),
        // A surname after `the` names one of the family by place in it; inside a place's name
        // it is part of that name.
        (
            "Adaeze Okafor and Emeka Okafor bake.\n\nThe youngest Okafor wants change. The \
             council may name the corner \"Okafor Corner\". The two Okafor bakers agree.\n\n\
             Okafor said so.",
            &[(5, "Okafor")],
        ),
        // Desk 57b: a surname counted (`the third Jones`, `another Jones`, `three people called
        // Jones`) or worn as a nickname (`Jones the Milk`) is the name, not one of them.
        (
            "Cllr Meinir Jones and Cllr Elfed Jones voted.\n\nThe third Jones in the chamber, \
             Cllr Idris Wyn Jones, abstained.\n\nAnother Jones spoke.\n\nThree people called Jones \
             sat in the gallery.\n\nTea was poured by Jones the Milk.\n\nJones left.",
            &[(11, "Jones")],
        ),
        // Desk 58a: a surname after `the name` or `the surname`, quoted or not, is the word
        // itself (`the name "Kim" is carried by one in five South Koreans`).
        (
            "Kim Eun-ji and Kim Tae-hoon met.\n\nThe name \"Kim\" is common. The surname Kim \
             is older, and the name “Kim” is short. Park names Kim as deputy.\n\nKim left.",
            &[(3, "Kim"), (5, "Kim")],
        ),
        // Desk 59a: a case's name (`R v Hollis`) names the case, not one of the brothers.
        (
            "Liam Hollis and Connor Hollis deny robbery.\n\nThe case, R v Hollis and another, \
             opened. Smith v. Hollis was cited.\n\nHollis wept.",
            &[(5, "Hollis")],
        ),
        // Inside a quotation the words are the speaker's: no full name can be written there.
        (
            "Finance Minister Carlos Ruiz presented the budget.\n\nHis sister, Ana Ruiz, a \
             nurse, protested.\n\n\"I had Mrs. Ruiz as a teacher,\" said Dan Hughes, a \
             novelist.\n\n> \"I had Mrs. Ruiz.\" — Dan Hughes\n\nRuiz left.",
            &[(9, "Ruiz")],
        ),
        // A title that only one namesake's role holds points at that one.
        (
            "Forecaster Lourdes Villanueva spoke.\n\nVirac Mayor Ramon Villanueva, who is not \
             related, said power was out.\n\n\"We have no electricity,\" Mayor Villanueva \
             said.\n\nVillanueva left.",
            &[(7, "Villanueva")],
        ),
        // A title no namesake's role holds is the relative's when the other namesake has
        // another job (`Coach Dunn` is no quarterback), but not when the other's role is
        // unknown; a bare surname is still in doubt.
        (
            "Senior quarterback Tyler Dunn scored twice.\n\nThe team is coached by his \
             father, Rick Dunn, in his 14th season.\n\n\"He was good,\" Coach Dunn said. Dunn \
             smiled.",
            &[(5, "Dunn")],
        ),
        (
            "Tyler Dunn scored twice.\n\nThe team is coached by his father, Rick Dunn, in his \
             14th season.\n\n\"He was good,\" Coach Dunn said.",
            &[(5, "Dunn")],
        ),
        // An obituary's `Mr. Tanabe` is its subject, and `Ms. Tanabe` no father; a bare
        // surname is still in doubt.
        (
            "Hiroshi Tanabe, a game designer, died. His daughter, Yuki Tanabe, confirmed it.\n\n\
             Mr. Tanabe founded a studio. His father, Shigeru Tanabe, repaired radios.\n\n\
             Mr. Tanabe left it in 2015. Ms. Tanabe runs it. Tanabe sold it.",
            &[(5, "Tanabe")],
        ),
        // `Dr. Subramaniam` is the namesake introduced as `Dr.`, or else (an obituary's house
        // style) the one the story opened with.
        (
            "Dr. Meenakshi Subramaniam, a physicist, has died. Her son, Karthik Subramaniam, \
             said so.\n\nDr. Subramaniam built forecasts.",
            &[],
        ),
        (
            "Thomas Marsh, a farmer, spoke. Dr. Helen Marsh, a doctor, spoke.\n\nDr. Marsh \
             urged vaccination.",
            &[],
        ),
        (
            "Anders Solheim, a ship's engineer, and Astrid Solheim, a teacher, had a daughter, \
             Ingrid Solheim.\n\nDr. Solheim became a meteorologist.",
            &[],
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
        // A story that opens on a firm named after a family calls the firm by the name (desk
        // 54b); one that names the siblings before their firm calls them by it (desk 26b).
        (
            "Brenner Automobilwerke AG, founded by engineer August Brenner, said profit fell.\n\n\
             Katharina Brenner, his granddaughter, chairs the board.\n\nBrenner will publish \
             results on July 30.",
            &[],
        ),
        (
            "Declan Marsh and his sister, Fiona Marsh, were jailed.\n\nThe siblings ran Marsh \
             Capital Partners.\n\nMarsh will be eligible for parole after six years.",
            &[(5, "Marsh")],
        ),
        // A publisher with a Spanish given name is a person, not a publishing house (desk 56b).
        (
            "Her translator, Megan Reyes, spoke. Her Chilean publisher, Carlos Reyes, who runs \
             a small press, agreed.\n\nReyes said the books were out of print.",
            &[(3, "Reyes")],
        ),
        // A team named after a family is called by the name, but not in a sentence that calls
        // the bearer `him` (desk 55b); a name in brackets after a driver's is the team, and
        // `the Andretti curse` names no one.
        (
            "Felipe Saldaña of Andretti Global won.\n\nMario Andretti and his grandson Marco \
             Andretti watched.\n\nAndretti said the engineers had told him the car was quick. \
             Fans call it \"the Andretti curse\".\n\n1. Felipe Saldaña (Andretti) 1:44:06",
            &[(5, "Andretti")],
        ),
        (
            "Enzo Ferrari founded the team. His son Dino Ferrari died young.\n\n2. Luca \
             Marchetti (Ferrari) +4.116s\n\nFans speak of \"the Ferrari years\". Ferrari team \
             principal Paolo Venturi spoke.",
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
