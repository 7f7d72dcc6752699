//! `unattributed-quote`: a direct quotation standing alone with no speaker named around it.

use super::{Check, Context, Reads};
use crate::analysis::finding::{DocumentRef, Finding, Related, Severity};
use crate::analysis::quotes::Quote;

pub const CODE: &str = "unattributed-quote";

pub const CHECK: Check = Check {
    code: CODE,
    summary: "A direct quote has no speaker",
    description: DESCRIPTION,
    severity: Severity::Warning,
    reads: Reads::Document,
    run,
};

const DESCRIPTION: &str = "\
### unattributed-quote

**What**: a direct quotation (`\"…\"`, `“…”`, `‘…’` or `'…'`) that stands alone as a sentence \
or paragraph with no speaker: no speech verb or cue phrase with a speaker in its sentence \
(`\"…,\" the mayor said`, `said Ana Ruiz`, `according to police`, `in a statement`), no colon \
introduction, no speaker named in the sentence before (nor in the sentence after, as in \
`That was the message from the mayor.`), and not part of a multi-paragraph quote attributed in \
its first paragraph. Scare quotes and words used as words (one to three words \
inside a sentence), titles of works, nicknames and quotes in headlines are not flagged.

**Why**: every direct quote needs a speaker the reader can identify; a quote with no one \
behind it reads as the paper's own voice, or as invented.

**Example**:

```markdown
The council approved the plan in March.

\"Nobody asked us.\"

Work begins next year.
```

The middle paragraph is flagged; write `\"Nobody asked us,\" said Ana Ruiz, who lives on the \
street.` or name the speaker in the sentence before.";

const MESSAGE: &str = "Quote has no speaker: add who said it (e.g. “…,” she said) or \
attribute it in the sentence before.";

fn run(context: &Context<'_>) -> Vec<Finding> {
    let found = context.quotes();
    found
        .iter()
        .enumerate()
        .filter(|(_, quote)| quote.needs_speaker())
        .map(|(index, quote)| finding(quote, continuations(found, index)))
        .collect()
}

/// The later paragraphs of the multi-paragraph quote starting at `found[head]`.
fn continuations(found: &[Quote], head: usize) -> Vec<Related> {
    found
        .iter()
        .filter(|quote| quote.continues == Some(head))
        .map(|quote| Related {
            document: DocumentRef::This,
            range: quote.range.clone(),
            message: "The quote continues here".to_string(),
        })
        .collect()
}

fn finding(quote: &Quote, related: Vec<Related>) -> Finding {
    let message = if quote.paragraphs > 1 {
        format!(
            "Quote running over {} paragraphs has no speaker: name who said it in its first \
             paragraph (e.g. “…,” she said).",
            quote.paragraphs
        )
    } else {
        MESSAGE.to_string()
    };
    Finding {
        code: CODE,
        severity: CHECK.severity,
        range: quote.range.clone(),
        message,
        related,
        fixes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::checks::flagged;
    use crate::analysis::corpus::Corpus;
    use crate::analysis::document::{Document, Format};
    use crate::analysis::settings::Settings;

    /// The marker ending a line that must be flagged; stripped before checking.
    const MARK: &str = " <<";

    /// Strips the `<<` markers from an annotated article and returns the clean text with the
    /// 1-based numbers of the marked lines. Line breaks (`\n` or `\r\n`) are kept.
    fn annotated(article: &str) -> (String, Vec<usize>) {
        let mut expected = Vec::new();
        let lines: Vec<String> = article
            .split('\n')
            .enumerate()
            .map(|(index, line)| {
                let (body, cr) = match line.strip_suffix('\r') {
                    Some(body) => (body, "\r"),
                    None => (line, ""),
                };
                match body.strip_suffix(MARK) {
                    Some(clean) => {
                        expected.push(index + 1);
                        format!("{clean}{cr}")
                    }
                    None => line.to_string(),
                }
            })
            .collect();
        (lines.join("\n"), expected)
    }

    /// The 1-based line of every finding, one entry per finding.
    fn flagged_lines(text: &str, format: Format) -> Vec<usize> {
        match format {
            Format::Markdown => flagged(&CHECK, text)
                .into_iter()
                .map(|(line, _)| line)
                .collect(),
            Format::PlainText => {
                let doc = Document::parse(text, format);
                run_on(text, format, &Settings::default())
                    .iter()
                    .map(|finding| doc.line_of(finding.range.start) + 1)
                    .collect()
            }
        }
    }

    fn run_on(text: &str, format: Format, settings: &Settings) -> Vec<Finding> {
        let doc = Document::parse(text, format);
        let corpus = Corpus::default();
        run(&Context::new(&doc, None, &corpus, settings, None))
    }

    /// Checks every article: exactly the lines marked `<<` are flagged.
    fn assert_cases(format: Format, articles: &[&str]) {
        for article in articles {
            let (text, expected) = annotated(article);
            assert_eq!(
                flagged_lines(&text, format),
                expected,
                "flagged lines differ in:\n{text}"
            );
        }
    }

    #[test]
    fn every_attributed_form_passes() {
        assert_cases(
            Format::Markdown,
            &[
                // after
                r#""We will rebuild," the mayor said."#,
                r#""We will rebuild," said Ana Ruiz, a nurse."#,
                r#""We will rebuild," Ruiz has said repeatedly."#,
                r#""Is anyone coming?" asked one resident."#,
                // a role described by a word or two before it, then the name
                r#""We are naming species," said co-author Dr Naledi Khumalo, a biologist. "Every description is evidence.""#,
                r#""We are naming species," said lead researcher Ana Ruiz. "Every description is evidence.""#,
                r#""We are naming species," said study co-author Ana Ruiz. "Every description is evidence.""#,
                r#""We will rebuild," it said."#,
                // before, with a colon
                r#"Ruiz said: "We will rebuild.""#,
                r#"**Ruiz:** "We will rebuild.""#,
                r#"The sign on the door was blunt: "Closed until further notice.""#,
                // split
                r#""We will rebuild," she said, "whatever it costs.""#,
                r#"“We will rebuild. Whatever it costs,” she said. “We start today.”"#,
                // partial quotes inside reported speech
                r#"Peskov said the sides were "diametrically opposed"."#,
                r#"Trump warned Russia of "severe" consequences."#,
                r#"The U.S. leader stated to the BBC that while he feels "disappointed," he is "not done" engaging with Putin."#,
                r#"The minister called the report "a work of fiction written to order"."#,
                // cue phrases
                r#""The sides are far apart," according to a senior Ukrainian official."#,
                r#"According to police, "the suspect fled on foot.""#,
                r#""We regret the delay," the ministry said in a statement."#,
                r#"In a statement, "we regret the delay and will compensate every passenger.""#,
                r#""We regret the delay," the airline told the BBC."#,
                r#""See you in court," Musk posted on Tuesday."#,
                r#""See you in court," he tweeted."#,
                r#""That was a mistake," she later admitted."#,
                r#""The plan will fail," economists warned."#,
                r#""This is only the start," added Ruiz."#,
                r#""This is only the start," she continued."#,
                r#"Ruiz continued: "This is only the start.""#,
                // speaker named in the sentence before
                r#"His coach was more measured. "He has a lot to learn.""#,
                r#"Ellery Library's head librarian was blunt. "We cannot stay open.""#,
                r#"Ana Ruiz has run the shelter since 2019. "Nobody asked us.""#,
                "The shelter is run by Ana Ruiz.\n\nRuiz was blunt. \"Nobody asked us.\"",
                r#"Asked why he stayed, he shrugged. "Habit.""#,
                // a long paragraph reporting its subject's speech hands it on
                "The council should have acted on the flood report two years ago, when the river \
                 first burst its banks near the bridge, Sofia Iqbal, the opposition leader, told \
                 a public meeting on Monday night.\n\n\"It is a scandal.\"",
                r#"Crews evacuated 4,000 residents on Sunday, officials said. "We had twenty minutes.""#,
                r#"A spokesperson for the ministry did not dispute the figures. "The numbers are what they are.""#,
                // speaker in the next sentence
                r#""We're done!" Ruiz shouted."#,
                r#""We will rebuild." The mayor said it twice."#,
                r#""We will rebuild, street by street." That was the message from Mayor Ana Ruiz on Monday."#,
                r#""Nobody will be left behind." Those were the final words of the coach."#,
                // dash signature, block quote
                "> \"Nobody asked us.\" — Ana Ruiz",
                "> \"Nobody asked us.\"\n>\n> — Ana Ruiz, resident",
            ],
        );
    }

    #[test]
    fn quotes_that_need_no_speaker_pass() {
        assert_cases(
            Format::Markdown,
            &[
                r#"Critics say the so-called "reform" changes little."#,
                r#"The word "resilience" appears 40 times in the plan."#,
                r#"The council published the report "Building for the Long Term" on Monday."#,
                r#"Her film "Nobody Asked Us" opens on Friday."#,
                r#"A documentary called "The Last Ferry Home" follows the crew."#,
                r#"Dwayne "The Rock" Johnson visited the set."#,
                r#"They sang "And Can It Be That I Should Gain," a hymn by Charles Wesley."#,
                // apostrophes, decades, feet and inches are not quote marks
                "It was the '90s, the age of rock 'n' roll; Chris' car doesn't start.",
                "The players' union met O'Brien, who stands 6'2\" and wears a 12\" watch.",
                "Y’all remember ’em from the ’08 crash, nothin' left but Russia’s word.",
                r#"Residents gathered under banners reading "Save our park"."#,
                "# \"Nobody asked us\"\n\nThe council approved the plan in March.",
                "**\"We will rebuild\"**\n\nThe mayor spoke on Monday.",
                "```\nprint(\"Nobody asked us.\")\n```\n\nThe code ran.",
                "<!-- \"Nobody asked us.\" -->\n\nThe draft is done.",
                "Run `echo \"Nobody asked us.\"` to test.",
                // a track list
                "**Track list**\n\n1. “Glass Harbor”\n2. “Marrow”\n3. “Stay” (featuring Maeve Dunleavy)\n- \"Breakwater\"",
            ],
        );
    }

    #[test]
    fn standalone_quotes_without_a_speaker_are_flagged() {
        assert_cases(
            Format::Markdown,
            &[
                "The council approved the plan in March.\n\n\"Nobody asked us.\" <<\n\nWork begins next year.",
                "The council approved the plan in March.\n\n“Nobody asked us.” <<\n\nWork begins next year.",
                "The council approved the plan in March.\n\n‘Nobody asked us.’ <<\n\nWork begins next year.",
                "The council approved the plan in March.\n\n'Nobody asked us.' <<\n\nWork begins next year.",
                // people asked to do something are not answering the quote before
                "Cooking began at 4am on Friday in a marquee kitchen.\n\n\"It is the one night of the year when the town smells of ghee.\" <<\n\nVisitors were asked not to drive to the manor.",
                "Cooking began at 4am on Friday in a marquee kitchen.\n\n\"It is the one night of the year when the town smells of ghee.\" <<\n\nResidents were asked to use the shuttle buses.",
                // a company's shares, not the company, are the last sentence's subject
                "Analysts expect Solenne to price the drug at about $550 a month.\n\nSolenne shares rose 19% in premarket trading on Monday.\n\n\"Nobody should be prescribing this on the strength of one trial.\" <<\n\nThe company funded the trial.",
                // a sentence opening on a speech verb's bare form is no `Said Ruiz`
                "Morigaon floods almost every year.\n\n\"Every year they promise us a new embankment.\" <<\n\nState Disaster Response Force crews evacuated 2,600 residents.",
                // a quote sentence inside a paragraph, between sentences naming no one
                "The water rose through the night. \"We lost everything.\" The road reopened at noon. <<",
                // pointing back at no speaker
                "The water rose through the night.\n\n\"We lost everything.\" That was the worst of it. <<",
                "The water rose through the night.\n\n\"We lost everything.\" Those were the words of a song. <<",
                // apostrophes inside do not hide it
                "The levee failed at dawn.\n\n'We don't know where the '90s flood maps went.' <<",
                "The dam held.\n\n\"He's 6'2\" and still couldn't reach the shelf.\" <<",
                // a long paragraph of background hands on no speaker, whatever its subject
                "A WTO panel ruled in 2022 that the ban breached global trade rules, but Jakarta \
                 appealed to the Appellate Body, which has been unable to hear cases since 2019 \
                 because the United States has blocked the appointment of its judges.\n\n\"Nobody \
                 in Brussels asked how many jobs depend on these smelters.\" <<",
                "The court heard that Kershaw, trading under a series of names, would knock on \
                 doors in streets of older terraced houses and tell residents he had noticed loose \
                 tiles.\n\n'He had a clipboard and the kindest smile you ever saw.' <<",
                // a short exclamation is still a quote standing alone
                "Water poured into the cellar.\n\n\"Why?\" <<\n\nThe pumps failed at six.",
                // the verb inside the quote is not attribution
                "The plan was approved in March.\n\n\"They said it would never flood here.\" <<",
                // a list of things people said is still speech
                "Residents told us:\n\n- \"Nobody asked us.\"\n\nThe plan was approved in March.\n\n- \"We were never told.\" <<",
                // a crowd that sang a prayer and wept hands on no speaker
                "The Rev. Martha Quinlan said the parish would help.\n\nThe crowd sang \"Oseh Shalom,\" a Hebrew prayer for peace, and stood in silence for a full minute. Several members of the congregation wept.\n\n\"Hate does not get the last word on this street.\" <<",
                // what a name of several words owns speaks only if it is a person
                "The library closes at 2 a.m.\n\nEllery Library's overnight staffing costs about $260,000 a year.\n\n\"If you close the library at 2, people will study in their cars.\" <<",
                // strikes that continued somewhere said nothing
                "A final text must be adopted by April 6.\n\n“This vote changes nothing in the street.” <<\n\nRolling strikes continued at four refineries on Tuesday.",
                // a capital opening a hyphened noun is no name: `Purple T-shirts` say nothing
                "Lindqvist was sentenced to life.\n\nPurple T-shirts printed with her photograph filled the first three rows.\n\n\"She remembered everybody's birthday.\" <<",
                // a `he` in a condition is no one on stage; a `he` who acts is
                "Trevor Halloway voted against it.\n\nThe contract also includes a clause guaranteeing the superintendent a full year's salary if he is dismissed without cause.\n\n\"Every one of those vacancies is a kid with a different adult in front of them.\" <<",
                "Trevor Halloway voted against it.\n\nIf the board agreed, he said, the district would lose its best teachers.\n\n\"Every one of those vacancies is a kid with a different adult in front of them.\"",
                // figures that tell a story said nothing
                "Attendance at that meeting was eleven.\n\n“Nobody asked the people who use the building at night.” <<\n\nThe evening figures tell a different story from the committee papers.",
                "Attendance at that meeting was eleven.\n\n“Nobody asked the people who use the building at night.”\n\nThe librarian told reporters the same story.",
                // a paragraph after a heading opens a sentence: `Stamp` is no name
                "Rosalind Agnew said she had cut the price.\n\n## Tax and running costs\n\nStamp duty on a home in England now exceeds £90,000 for a main residence, and £160,000 when the property is an additional home.\n\n\"Nobody wants to pay six figures in tax and then discover that the roof needs replacing.\" <<",
                // a name that only says which crossing is no subject who speaks (desk 58b); a
                // role after it still is
                "The Craignure crossing is the busiest on the network, carrying 700,000 passengers a year.\n\n\"Nobody told us anything for twenty minutes.\" <<\n\nBlackouts are rare.",
                "The Mariners manager was furious after the match.\n\n\"Nobody told us anything for twenty minutes.\"",
                // `Power demand` is no one demanding (desk 58a)
                "Coal is losing ground in Vietnam.\n\n\"Everyone wants gas until the price doubles.\" <<\n\nPower demand in Vietnam has grown by about 9 per cent a year.",
                // a road is no subject who speaks
                "Rory MacKenzie said he would raise it.\n\nThe A9 between Helmsdale and the Ord of Caithness was closed by snow on six days last winter.\n\n\"We are one bad winter away from a tragedy.\" <<",
                "Rosalind Agnew said she had cut the price.\n\n**Tax and running costs**\n\nStamp duty on a home in England now exceeds £90,000 for a main residence, and £160,000 when the property is an additional home.\n\n\"Nobody wants to pay six figures in tax and then discover that the roof needs replacing.\" <<",
            ],
        );
    }

    #[test]
    fn realistic_unattributed_quotes_in_articles() {
        assert_cases(
            Format::Markdown,
            &[
                "\
# Flood Barrier Plan Approved

The city council voted 7-2 on Tuesday to build a flood barrier along the east bank of the \
river, ending a decade of debate.

The barrier will cost $48 million and take four years to complete, according to the city's \
engineering department.

\"It should have happened years ago.\" <<

Construction is expected to begin in the spring.",
                "\
Crews evacuated more than 4,000 residents from low-lying districts on Sunday, officials said.

\"We had twenty minutes to get out. Twenty minutes.\" <<

The river crested at 9.2 metres on Monday morning.

\"We will rebuild every home,\" Mayor Ana Ruiz said at a briefing.",
                "\
Shares in the company fell 12% in early trading after the announcement.

“This is a disaster for small investors, and nobody in the boardroom seems to care.” <<

The company did not respond to a request for comment.",
                // people nearby who are not speakers: bystanders, objects, an organisation
                "\
In the old town, shopkeepers hauled ruined stock into the street, and army trucks carried \
away soaked carpets and furniture.

\"The water came in faster than anyone could carry things upstairs.\" <<

Damage is expected to exceed 1 billion euros.",
                "\
Some older commuters have begun comparing the disruption to the strikes of the ’80s.

‘We’ve waited two years for a serious offer, and we won’t wait through another winter.’ <<

Northern Rail runs about 1,100 services a day between Liverpool and Hull.",
                "\
A recount may be ordered if the margin is below 0.1 points. Ballots are counted in teams of \
four, and every stack is checked by two people from different parties. “There is nothing \
more to count.” The result was certified on Friday. <<",
                // a person nearby, but the quote is not theirs
                "\
Investors were unconvinced.

\"Confidence doesn't pay dividends.\" <<

Shares closed down 18%.",
            ],
        );
    }

    #[test]
    fn speakers_in_neighbouring_paragraphs() {
        assert_cases(
            Format::Markdown,
            &[
                // the speaker is in focus at the end of the paragraph before
                "Paul Reilly, 58, was shovelling again. Asked why he didn't wait, he shrugged.\n\n\"Habit.\"",
                "His neighbour, Tom Hale, was less philosophical.\n\n\"They knew. Everybody knew.\"",
                "The minister was asked about the plan:\n\n\"We will not change course.\"",
                "\"We will not change course.\"\n\nThe minister was asked whether the plan would survive.",
                "\"We will rebuild,\" the mayor said.\n\n\"Whatever it costs.\"",
                // the next paragraph names the speaker
                "\"I remember '78. This isn't '78.\"\n\nThat was Reilly again, before heading inside.",
                "\"We will rebuild.\"\n\nThe mayor said it twice on Monday.",
                "\"We queue at four. By six it's finished.\" That was how Nomvula Mthembu, a domestic worker, described her mornings.",
                // …but not one that goes on to more news
                "\"We slept on cots.\" <<\n\nCity officials also urged residents to be wary of contractors.",
                "\"Nobody asked us.\"\n\n\"We were never told,\" said Ana Ruiz, a resident.",
                // …nor one whose subject responds in deeds, not words
                "\"These are children used as weapons.\" <<\n\nSuccessive governments have responded with longer sentences.",
                "\"We regret the delay.\"\n\nThe ministry responded with a short statement on Monday.",
                // `a separate question` is no speaker of the ballot's words, nor of the quote after
                "The ballot will carry a separate question for each member, worded the same way: \"Shall Gail Underwood be recalled from the office of member of the Lisbon Falls Board of Education?\"\n\n\"Nobody in this town voted for a school board that would close Hawthorne.\" <<",
                "At the vigil on Tuesday night, in front of about 40 neighbours and both candidates, a steward read from the letter the union had sent to the district in March.\n\n\"We will not be moved.\"",
                // a speech noun or an introductory clause leads into the quote
                "The ministry's statement was short.\n\n\"We regret the delay.\"",
                "Her answer surprised nobody.\n\n\"No.\"",
                "Asked about the plan, Smith smiled.\n\n\"We'll see.\"",
                "Coach Ann Hale watched. Hale's voice cracked.\n\n\"We'll be back.\"",
                // a month that is also a name, speaking
                "Earl's wife, June, keeps the books.\n\n\"We're all right,\" June said. \"There's a difference.\"",
                "Coach Ann Hale watched. Hale's assistant, Tom Reyes, was calmer.\n\n\"We'll be back.\"",
                // what a team owns does not speak
                "Coach Ann Hale of Lincoln watched. Lincoln's defense held them to 71 yards.\n\n\"Nobody thought we were done.\" <<",
                // nor does a company renaming a possessive's noun
                "Its flagship, Hanseong Heavy Industries, builds ships and employs 14,000 people.\n\n\"Nobody ever asked where the money went.\" <<",
                // a trailing attribution or a list of places is not a speaker for what follows
                "Flights resumed on Sunday, the airport said.\n\n\"We waited nine hours.\" <<",
                "Trains stopped in Leeds, Manchester and Sheffield.\n\n\"We are done waiting.\" <<",
                // a country reports, but no one in it said the quote after it
                "Neighbouring Uruguay also reported flooding along the border, with about 2,000 people evacuated in the department of Artigas, according to the national emergency system.\n\n'Nobody here has slept properly in a week.' <<",
                "Uruguay reported flooding too.\n\n\"Nobody here has slept.\" <<",
                "Irving Berlin reported for duty.\n\n\"I was scared stiff.\"",
                // a heading in between breaks the link
                "\"We will rebuild,\" the mayor said.\n\n## Costs\n\n\"Whatever it costs.\" <<",
                // a short sentence closing a long paragraph of results hands on no speaker,
                // unless the paragraph reports speech
                "Earlier on the card, the opener went to the 5-2 favourite Ballyrush Lady, ridden by Shane Burke for the Kilkenny trainer Brid Nolan. Burke completed a double in the fourth race.\n\n'The ground is as testing as I've seen it.' <<",
                "Divers and boat crews searched the Kennebec River on Tuesday after the center span of a bridge carrying Route 9 gave way during the morning commute. Three people have been confirmed dead.\n\n\"This is going to be a long night for a lot of families.\" <<",
                // a subject that declined to comment speaks no quote after it
                "Nexora declined to comment, citing the investigation.\n\n\"Nobody owns those accounts.\" <<",
                // nor does a long paraphrase of a document
                "The scammers often spoof the office's real phone number, so a familiar number on caller ID does not mean the call is genuine, the statement said.\n\n\"It's a scam. Every time.\" <<",
                // a crowd going in grumbling reports no speech that a team's result hands on
                "Owen Pryce landed a second penalty for Ravensbourne just before half-time, but the home crowd went in grumbling. Ravensbourne had lost their previous two home games and had not beaten Northfield at Priory Park since 2019.\n\n\"We looked like a side that had forgotten how to win at home.\" <<",
                "Owen Pryce landed a second penalty just before half-time, and the coach walked off, muttering that his side had lost their previous two home games.\n\n\"We looked like a side that had forgotten how to win at home.\"",
                "Earlier on the card, the trainer Brid Nolan said Shane Burke would ride her runner after a cold snap and a long season. Burke completed a double in the fourth race.\n\n'The ground is as testing as I've seen it.'",
                // a role word that qualifies a noun names no one; before a verb or a role it does
                "The general fund reserve stands at about $9.4 million, well below the target.\n\n\"We can't keep balancing this on the backs of retirees.\" <<",
                "The local economy has stalled since the mill closed.\n\n\"Nobody is hiring.\" <<",
                "The general manager was blunter.\n\n\"It is too dense for the lot.\"",
                "The general said little at first.\n\n\"We hold the bridge.\"",
                "The chief resigned on Friday.\n\n\"I had no choice.\"",
                "The chief medical officer was more cautious.\n\n\"It is too early to say.\"",
                "The chief engineer was blunter.\n\n\"We ran out of drivers.\"",
                // a label no list knows, before a name, still leads to the speaker
                "The crew won.\n\n\"I kept waiting for someone to tell us there'd been a mistake,\" said coxswain Lily Tran, a first-year. \"Nobody did.\"",
                // a class defined by a clause is everyone it fits, not a speaker
                "Under the draft, owners who hold more than one permit would have two years to give up all but one.\n\n\"If you take away the second unit, you take away my kid's college fund.\" <<",
                "Under the rule, owners who hold two permits said the cap was unfair.\n\n\"If you take away the second unit, you take away my kid's college fund.\"",
                // a goal's back post says nothing; a fan who posts does
                "Dortmund were level within 13 minutes. Lukas Brandt was left unmarked at the back post to volley in a cross, and for the next 20 minutes the visitors had the better of it, with Pedro Lacerda saving well.\n\n\"We let them back into it for twenty minutes.\" <<",
                "Lukas Brandt scored the equaliser at the near post and then, with the travelling fans still singing in the away end long after the final whistle, stayed on the pitch to post a video for them.\n\n\"We let them back into it for twenty minutes.\"",
            ],
        );
    }

    #[test]
    fn ap_multi_paragraph_quotes() {
        assert_cases(
            Format::Markdown,
            &[
                // attributed in the first paragraph: nothing flagged
                "\
The mayor spoke for an hour.

\"We will rebuild,\" Ruiz said. \"We will rebuild every street and every home.

\"It will take years, and it will cost more than anyone wants to hear.

\"But we will do it.\"

Work begins in May.",
                "\
Ruiz said: \"Nobody asked us.

\"Nobody came to the meetings, and nobody answered our letters.\"",
                "\
“We were never told,” she said. “Not once.

“Now they want our land.”",
                // attributed in its last paragraph only: still attributed
                "\
The council met on Tuesday.

\"We were never told.

\"Now they want our land,\" said Ana Ruiz, a resident.",
                // unattributed: the first paragraph is flagged, once
                "\
The council approved the plan in March.

\"Nobody asked us. Nobody came to the meetings. <<

\"Now they want our land.\"

Work begins next year.",
            ],
        );
    }

    #[test]
    fn multi_paragraph_message_counts_paragraphs() {
        let text = "The plan passed.\n\n\"Nobody asked us.\n\n\"Nobody came.\n\n\"Now they want our land.\"";
        let findings = run_on(text, Format::Markdown, &Settings::default());
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("3 paragraphs"));
        assert_eq!(&text[findings[0].range.clone()], "\"Nobody asked us.");
        let continued: Vec<&str> = findings[0]
            .related
            .iter()
            .map(|related| &text[related.range.clone()])
            .collect();
        assert_eq!(
            continued,
            vec!["\"Nobody came.", "\"Now they want our land.\""]
        );
    }

    #[test]
    fn message_says_what_is_missing() {
        let text = "The plan passed.\n\n\"Nobody asked us.\"";
        let findings = run_on(text, Format::Markdown, &Settings::default());
        assert_eq!(findings.len(), 1);
        assert_eq!(&text[findings[0].range.clone()], "\"Nobody asked us.\"");
        assert!(findings[0].message.starts_with("Quote has no speaker"));
        assert!(findings[0].fixes.is_empty());
        assert_eq!(findings[0].severity, Severity::Warning);
    }

    #[test]
    fn wire_copy_one_paragraph_per_line() {
        assert_cases(
            Format::PlainText,
            &[
                // a headline and byline without full stops: read as one long paragraph
                "\
Germany pledges aid for flood-hit towns
By Staff Reporter
BERLIN — The government pledged 500 million euros in aid on Tuesday.
Shopkeepers hauled ruined stock into the street, and army trucks carried away carpets.
\"The water came in faster than anyone could carry things upstairs.\" <<
Chancellor Petra Lang visited the town on Wednesday.",
                "\
Crews evacuated more than 4,000 residents on Sunday.
\"We will rebuild,\" Mayor Ana Ruiz said on Monday.
\"Whatever it costs.\"
The river crested at 9.2 metres.
\"Nobody asked us.\" <<
Work begins next year.",
                "\
The council met on Tuesday.
Ruiz said: \"We were never told.
\"Now they want our land.\"
The vote is on Friday.",
            ],
        );
    }

    #[test]
    fn seed_paragraphs_with_partial_quotes_pass() {
        assert_cases(
            Format::PlainText,
            &[
                "Zelensky's call for renewed discussions follows US President Donald Trump's warning to Russia about facing “severe” sanctions if hostilities do not cease within 50 days. This comes in the wake of intensified Russian offensives against Ukraine in recent weeks, prompting Washington to provide additional military aid to Kyiv.",
                "While the Turkish government has committed to hosting the talks, there has been no response from Moscow, which has historically seen previous negotiations in May and June fail to yield meaningful outcomes. The upcoming talks aim to address ongoing conflict and the possibility of a meeting between Zelensky and Russian President Vladimir Putin, although Moscow appears to remain skeptical about any immediate breakthroughs. Kremlin spokesperson Dmitry Peskov highlighted that the two nations are \"diametrically opposed\" and warned that extensive diplomatic efforts will be required moving forward.",
                "Zelensky had proposed the peace talks over the weekend, shortly after U.S. President Donald Trump warned Russia of \"severe\" consequences should there be no ceasefire agreement between Moscow and Kyiv within the next 50 days. Alongside diplomatic pressure, Washington has pledged to provide additional military support to Ukraine as Russian forces have ramped up their assaults.",
                "This series of talks represents yet another opportunity to halt the ongoing conflict that has persisted for more than three years, coinciding with Trump's expressed dissatisfaction with Russian President Vladimir Putin. The U.S. leader stated to the BBC that while he feels \"disappointed,\" he is \"not done\" engaging with Putin.",
                "The focus of the Istanbul negotiations may include potential prisoner exchanges and the possibility of a meeting between Zelensky and Putin, according to a senior Ukrainian official in comments to Agence France-Presse. However, the Kremlin has attempted to temper expectations regarding possible outcomes from the talks. Kremlin spokesman Dmitry Peskov remarked on Monday that the two parties hold \"diametrically opposed\" views and emphasized that substantial diplomatic effort is still necessary.",
            ],
        );
    }

    #[test]
    fn crlf_and_hard_wrapped_paragraphs() {
        assert_cases(
            Format::Markdown,
            &[
                "The plan passed.\r\n\r\n\"Nobody asked us.\" <<\r\n\r\nWork begins soon.",
                "\"We will rebuild every street,\" the mayor\nsaid on Monday, \"and every home.\"",
            ],
        );
    }

    #[test]
    fn extra_verbs_and_cues_from_settings() {
        let text = "The plan passed.\n\n\"Nobody asked us,\" harrumphed the Smiths.\n\n\"It is late.\" In a deposition on Monday, lawyers listed the costs.";
        let settings = Settings {
            extra_attribution_verbs: vec!["harrumph".into()],
            extra_cue_phrases: vec!["in a deposition".into()],
            ..Settings::default()
        };
        let doc = Document::parse(text, Format::Markdown);
        let with_defaults = crate::analysis::quotes::find_quotes(&doc, &Settings::default());
        let with_extras = crate::analysis::quotes::find_quotes(&doc, &settings);
        assert_eq!(with_defaults[0].attribution, None);
        assert!(with_extras[0].attribution.is_some());
        assert_eq!(
            run_on(text, Format::Markdown, &Settings::default()).len(),
            1
        );
        assert!(run_on(text, Format::Markdown, &settings).is_empty());
    }

    #[test]
    fn messy_input_never_panics() {
        let long_line = "word \"quote ".repeat(10_000);
        let many_quotes = "\"a\" 'b' “c” ‘d’ ".repeat(5_000);
        let apostrophes = "Jones' s' '90s 'n' ".repeat(5_000);
        let inputs = [
            String::new(),
            "\"".to_string(),
            "'".to_string(),
            "“".to_string(),
            "’".to_string(),
            "\"\"".to_string(),
            "''''".to_string(),
            "“”‘’\"'".to_string(),
            "\" \" ' ' “ ” ‘ ’".to_string(),
            "\"Unbalanced quote that never closes".to_string(),
            "Closing only.\"".to_string(),
            "“Nested ‘inner “deeper” unclosed”".to_string(),
            "😀 \"🔥 émoji ‘quotes’ 中文\" 😀".to_string(),
            "\"\n\n\"\n\n\"".to_string(),
            "`unclosed code \"quote\"".to_string(),
            "<a href=\"x".to_string(),
            "[link](http://x \"title".to_string(),
            "x".repeat(100_000),
            long_line,
            many_quotes,
            apostrophes,
        ];
        for input in &inputs {
            for format in [Format::Markdown, Format::PlainText] {
                let _ = run_on(input, format, &Settings::default());
            }
        }
    }

    #[test]
    fn a_long_article_with_many_quotes_stays_clean() {
        let paragraph = "The council approved the plan in March after a long debate. \
            \"We will rebuild,\" said Ana Ruiz, a nurse. Peskov called it \"a farce\". \
            \"Nobody asked us.\"\n\n";
        let text = paragraph.repeat(400);
        // Speed is measured in `cargo bench`, not asserted here.
        let findings = run_on(&text, Format::Markdown, &Settings::default());
        assert!(findings.is_empty());
    }
}
