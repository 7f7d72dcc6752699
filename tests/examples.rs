//! The bundled example articles produce exactly the findings their answer key
//! (tests/fixtures/examples-expected.md) lists: every planted problem is caught, and the clean
//! articles stay clean.

use std::process::Command;

use serde_json::Value;

/// `(file, 1-based line, code)` for every finding expected in examples/.
const EXPECTED: &[(&str, u64, &str)] = &[
    ("cms-election-recount.txt", 6, "duplicate-passage"),
    ("cms-election-recount.txt", 12, "unattributed-quote"),
    ("flood-evacuation.md", 29, "duplicate-passage"),
    ("flood-evacuation.md", 33, "repeated-heading"),
    ("mining-copper-results.md", 31, "repeated-heading"),
    ("rail-strike-talks.txt", 21, "unattributed-quote"),
    ("wire-flood-aid.txt", 6, "duplicate-passage"),
    ("wire-flood-aid.txt", 9, "unattributed-quote"),
    ("wire-zelenskyy-energy-talks.txt", 4, "repeated-heading"),
    ("wire-zelenskyy-energy-talks.txt", 10, "name-variant"),
    ("wire-zelenskyy-energy-talks.txt", 13, "name-variant"),
];

fn check_json(args: &[&str]) -> (Vec<(String, u64, String)>, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("run copydesk check");
    let findings: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let mut found: Vec<(String, u64, String)> = findings
        .as_array()
        .expect("array")
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            let name = file.rsplit(['/', '\\']).next().unwrap().to_string();
            (
                name,
                f["line"].as_u64().unwrap(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    (found, output.status.code())
}

#[test]
fn examples_yield_exactly_the_answer_key() {
    let (found, status) = check_json(&["examples/"]);
    let mut expected: Vec<(String, u64, String)> = EXPECTED
        .iter()
        .map(|(file, line, code)| (file.to_string(), *line, code.to_string()))
        .collect();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(status, Some(1));
}

#[test]
fn every_clean_example_is_clean_on_its_own() {
    let flagged: Vec<&str> = EXPECTED.iter().map(|(file, _, _)| *file).collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut clean = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if flagged.contains(&name.as_str()) {
            continue;
        }
        let (found, status) = check_json(&[path.to_str().unwrap()]);
        assert!(found.is_empty(), "{name}: {found:?}");
        assert_eq!(status, Some(0), "{name}");
        clean += 1;
    }
    assert!(clean >= 5, "expected several clean examples, found {clean}");
}

/// The two real seed articles (the same story from two outlets): the repeated bold heading is
/// flagged, no quote is (all are attributed), and the rewritten opening sentence of the second
/// is reported against the first.
#[test]
fn seed_articles_show_the_heading_and_the_rewritten_lede_only() {
    let (found, status) = check_json(&[
        "tests/fixtures/seeds/istanbul-talks-a.txt",
        "tests/fixtures/seeds/istanbul-talks-b.txt",
    ]);
    assert_eq!(
        found,
        vec![
            (
                "istanbul-talks-a.txt".to_string(),
                4,
                "repeated-heading".to_string()
            ),
            (
                "istanbul-talks-b.txt".to_string(),
                1,
                "duplicate-passage".to_string()
            ),
        ]
    );
    assert_eq!(status, Some(1));
}

/// Stories written by someone else for four crying-wolf audits (2026-12-04: sport with
/// nicknames and a box score, elections with a results table, obituaries full of namesakes, a
/// live blog, a Q&A, a track list, a pull quote, wire copy in CRLF; then British, Australian,
/// Indian and Japanese copy, a peer, a bilingual story, a theatre review; then a newsletter,
/// a bishop, letters from 1944, brothers on one team, a British court, a farm family; then
/// cricket, F1, chess and esports, international wire copy with Arabic, Chinese, Spanish and
/// Vietnamese names, CMS Markdown with front matter, tables and a live blog). Every finding on
/// them was a false alarm to fix, but one: a bare `Brannigan` in an obituary that names five Brannigans and
/// calls its subject `Nell`, which a copy editor might well query (information only).
#[test]
fn unseen_clean_stories_stay_clean() {
    let (found, _) = check_json(&["tests/fixtures/audit/clean/"]);
    // Two companies' earnings stories share a formulaic sentence whose figures all differ
    // (`raised its full-year revenue forecast to between $1.58 billion and $1.61 billion`):
    // house style, not a paste, so not flagged.
    // And one passage two stories share: the same flood-safety warning, quoted from two
    // officials. The words repeat, so it is flagged; the copy editor checks that the quote
    // was not lifted.
    let mut expected = vec![
        (
            "08_obituary.txt".to_string(),
            28,
            "ambiguous-name".to_string(),
        ),
        (
            "flood-mill-creek.txt".to_string(),
            38,
            "duplicate-passage".to_string(),
        ),
        // Round 17, seen after round 16's fixes: a dek's "the other Nielsen" in a story of
        // three Nielsens (a fair query). Its two false alarms are fixed: a party label after a
        // place (`a Philadelphia Democrat`) is no name, and `Committee to Protect Journalists`
        // is one organisation, not a person `Protect Journalists`.
        (
            "17d-goalkeeper-feature.md".to_string(),
            15,
            "ambiguous-name".to_string(),
        ),
        // Round 18 (18b science and technology, unseen: no finding; 18c wire copy, whose
        // false alarms were fixed): an AP quote led into by the next sentence's subject
        // (`"We had our chances…" Jaguars coach Greg Salter returned to that point…`), left as a
        // query: a name opening the next sentence is as often the next item of news.
        (
            "18c-06-nfl-jaguars-texans-recap.txt".to_string(),
            34,
            "unattributed-quote".to_string(),
        ),
    ];
    expected.sort();
    assert_eq!(found, expected);
}

/// Nineteen of those stories with 35 problems planted by their writers (answer key:
/// tests/fixtures/audit/planted-answers.md). Four are not caught: three
/// paraphrases that change more than a light rewrite does (new sentence structure and
/// synonyms); a British quote standing alone after a paragraph whose subject, the defendant,
/// is taken as its speaker (the rule that lets `He shrugged.` introduce `"Habit."`). A planted
/// second Maddox makes every later bare `Maddox` ambiguous, as it should.
#[test]
fn unseen_planted_problems_are_caught() {
    let (found, _) = check_json(&["tests/fixtures/audit/planted/"]);
    let mut expected: Vec<(String, u64, String)> = [
        ("01-uk-politics.txt", 9, "first-reference"),
        ("01-uk-politics.txt", 23, "name-variant"),
        ("02-obituary-jazz-saxophonist.txt", 36, "ambiguous-name"),
        ("02-obituary-jazz-saxophonist.txt", 40, "name-variant"),
        ("02-obituary-jazz-saxophonist.txt", 54, "ambiguous-name"),
        ("02-obituary-jazz-saxophonist.txt", 58, "ambiguous-name"),
        ("02-obituary-jazz-saxophonist.txt", 59, "ambiguous-name"),
        ("02-obituary-jazz-saxophonist.txt", 64, "ambiguous-name"),
        ("02-obituary-jazz-saxophonist.txt", 74, "ambiguous-name"),
        ("04-football-roundup.txt", 27, "duplicate-passage"),
        (
            "04-longread-letters-in-the-wall.md",
            27,
            "duplicate-passage",
        ),
        (
            "04-longread-letters-in-the-wall.md",
            41,
            "unattributed-quote",
        ),
        ("05-investigation.md", 53, "repeated-heading"),
        ("05-investigation.md", 67, "unattributed-quote"),
        ("06-basketball-brothers.txt", 13, "first-reference"),
        ("06-basketball-brothers.txt", 27, "ambiguous-name"),
        // A victim's quote after a long paragraph of what the court heard.
        ("08-court-roofer-jailed.txt", 21, "unattributed-quote"),
        ("08-crime.txt", 43, "ambiguous-name"),
        ("09-mars-mission.md", 9, "first-reference"),
        ("09-mars-mission.md", 37, "unattributed-quote"),
        ("10-city-council-water-mains.txt", 5, "first-reference"),
        ("12-explainer-chloramine.md", 47, "repeated-heading"),
        ("12-tokyo-wire.txt", 26, "duplicate-passage"),
        ("13-vendors-bilingual.md", 21, "name-variant"),
        ("13-vendors-bilingual.md", 45, "duplicate-passage"),
        // Round 18: 18b (science and technology, unseen: 11 of 13 caught; missed `Ezeh` for
        // `Eze` and one quote after `Nexora declined to comment`, both caught since) and 18c (wire copy: 12 of 13; missed `Domínguez Sáenz` for `Domínguez
        // Sanz`). 18c-04 line 13 is the cross-story rewrite planted in 18c-03, reported from
        // the later file; 18c-06 line 36 is the clean story's AP lead-in query.
        ("18b-01-clinical-trial.md", 31, "ambiguous-name"),
        ("18b-01-clinical-trial.md", 37, "duplicate-passage"),
        ("18b-01-clinical-trial.md", 55, "first-reference"),
        ("18b-05-climate-study.md", 39, "name-variant"),
        ("18b-05-climate-study.md", 45, "duplicate-passage"),
        ("18b-05-climate-study.md", 61, "duplicate-passage"),
        ("18b-05-climate-study.md", 65, "repeated-heading"),
        ("18b-06-cyber-breach.txt", 13, "name-variant"),
        ("18b-06-cyber-breach.txt", 19, "unattributed-quote"),
        ("18b-06-cyber-breach.txt", 33, "duplicate-passage"),
        ("18b-09-product-review.md", 17, "first-reference"),
        ("18b-09-product-review.md", 31, "unattributed-quote"),
        ("18b-09-product-review.md", 60, "repeated-heading"),
        ("18c-01-spain-corruption-verdict.txt", 21, "ambiguous-name"),
        (
            "18c-01-spain-corruption-verdict.txt",
            78,
            "duplicate-passage",
        ),
        (
            "18c-03-maine-bridge-collapse-live.txt",
            5,
            "unattributed-quote",
        ),
        (
            "18c-03-maine-bridge-collapse-live.txt",
            41,
            "duplicate-passage",
        ),
        (
            "18c-03-maine-bridge-collapse-live.txt",
            55,
            "repeated-heading",
        ),
        (
            "18c-04-maine-governor-transcript.txt",
            13,
            "duplicate-passage",
        ),
        ("18c-05-red-sea-summit-abu-dhabi.txt", 22, "first-reference"),
        ("18c-05-red-sea-summit-abu-dhabi.txt", 49, "name-variant"),
        (
            "18c-05-red-sea-summit-abu-dhabi.txt",
            93,
            "duplicate-passage",
        ),
        ("18c-06-nfl-jaguars-texans-recap.txt", 8, "first-reference"),
        ("18c-06-nfl-jaguars-texans-recap.txt", 14, "ambiguous-name"),
        (
            "18c-06-nfl-jaguars-texans-recap.txt",
            28,
            "unattributed-quote",
        ),
        (
            "18c-06-nfl-jaguars-texans-recap.txt",
            36,
            "unattributed-quote",
        ),
        ("council-parking-garage.md", 27, "duplicate-passage"),
        ("council-parking-garage.md", 41, "ambiguous-name"),
        ("court-treasurer-sentenced.txt", 36, "first-reference"),
        // `Chou` for `Chow`: two romanisations of one Chinese surname.
        ("court-treasurer-sentenced.txt", 75, "name-variant"),
        ("election-lakeport-results.txt", 10, "unattributed-quote"),
        ("election-lakeport-results.txt", 20, "name-variant"),
        // A paraphrase that keeps the content words and the figures.
        ("feature-pan-de-leon-bakery.md", 37, "duplicate-passage"),
        ("feature-pan-de-leon-bakery.md", 45, "ambiguous-name"),
        // The flood-safety warning the live blog also quotes (see the clean stories' test).
        ("flood-mill-creek.txt", 38, "duplicate-passage"),
        ("football-lincoln-jefferson.md", 33, "unattributed-quote"),
        ("football-lincoln-jefferson.md", 43, "repeated-heading"),
        ("police-fire-briefs.md", 31, "first-reference"),
        ("police-fire-briefs.md", 37, "repeated-heading"),
        ("police-fire-briefs.md", 51, "duplicate-passage"),
        // Round 16 (prefixed 16a/16b/16c): sport and culture, international wire copy, CMS
        // Markdown. Missed: a surname in a dek (16b-04, line 2). A quote after a long
        // paragraph of race results that reports no speech (16a-09, line 16) is caught since
        // round 18's rules.
        ("16a-01-cricket-ashes.txt", 7, "unattributed-quote"),
        ("16a-01-cricket-ashes.txt", 31, "duplicate-passage"),
        ("16a-01-cricket-ashes.txt", 33, "ambiguous-name"),
        ("16a-02-tennis-wimbledon.md", 9, "first-reference"),
        ("16a-02-tennis-wimbledon.md", 17, "name-variant"),
        ("16a-02-tennis-wimbledon.md", 37, "repeated-heading"),
        ("16a-03-f1-spanish-gp.txt", 8, "name-variant"),
        ("16a-03-f1-spanish-gp.txt", 16, "duplicate-passage"),
        ("16a-07-art-ni-dhomhnaill.txt", 19, "first-reference"),
        ("16a-07-art-ni-dhomhnaill.txt", 84, "duplicate-passage"),
        ("16a-09-racing-irish-gold-cup.txt", 10, "ambiguous-name"),
        ("16a-09-racing-irish-gold-cup.txt", 14, "duplicate-passage"),
        ("16a-09-racing-irish-gold-cup.txt", 16, "unattributed-quote"),
        ("16a-11-chess-wijk-aan-zee.md", 27, "repeated-heading"),
        ("16a-11-chess-wijk-aan-zee.md", 39, "duplicate-passage"),
        ("16a-11-chess-wijk-aan-zee.md", 50, "name-variant"),
        ("16b-01-ceasefire-doha.txt", 18, "name-variant"),
        ("16b-01-ceasefire-doha.txt", 23, "duplicate-passage"),
        ("16b-01-ceasefire-doha.txt", 27, "unattributed-quote"),
        ("16b-04-election-bogota.txt", 8, "name-variant"),
        ("16b-04-election-bogota.txt", 16, "repeated-heading"),
        ("16b-06-mine-collapse-nova-lima.txt", 15, "ambiguous-name"),
        ("16b-06-mine-collapse-nova-lima.txt", 16, "ambiguous-name"),
        (
            "16b-06-mine-collapse-nova-lima.txt",
            22,
            "duplicate-passage",
        ),
        ("16b-08-trade-dispute-jakarta.txt", 4, "first-reference"),
        ("16b-08-trade-dispute-jakarta.txt", 18, "unattributed-quote"),
        ("16b-08-trade-dispute-jakarta.txt", 24, "repeated-heading"),
        ("16b-09-coup-attempt-bissau.txt", 27, "duplicate-passage"),
        ("16b-09-coup-attempt-bissau.txt", 47, "duplicate-passage"),
        (
            "16b-12-corruption-trial-changchun.txt",
            28,
            "ambiguous-name",
        ),
        (
            "16b-12-corruption-trial-changchun.txt",
            32,
            "ambiguous-name",
        ),
        (
            "16b-12-corruption-trial-changchun.txt",
            37,
            "ambiguous-name",
        ),
        (
            "16b-12-corruption-trial-changchun.txt",
            42,
            "ambiguous-name",
        ),
        (
            "16b-12-corruption-trial-changchun.txt",
            46,
            "ambiguous-name",
        ),
        (
            "16b-12-corruption-trial-changchun.txt",
            76,
            "ambiguous-name",
        ),
        (
            "16b-12-corruption-trial-changchun.txt",
            76,
            "duplicate-passage",
        ),
        (
            "16b-12-corruption-trial-changchun.txt",
            80,
            "ambiguous-name",
        ),
        ("16c-01-liveblog-storm.md", 30, "repeated-heading"),
        ("16c-01-liveblog-storm.md", 64, "duplicate-passage"),
        ("16c-01-liveblog-storm.md", 85, "duplicate-passage"),
        (
            "16c-03-zoning-hearing-elm-street.md",
            22,
            "unattributed-quote",
        ),
        (
            "16c-03-zoning-hearing-elm-street.md",
            38,
            "repeated-heading",
        ),
        (
            "16c-03-zoning-hearing-elm-street.md",
            64,
            "duplicate-passage",
        ),
        ("16c-04-sports-roundup-friday.md", 15, "first-reference"),
        ("16c-04-sports-roundup-friday.md", 27, "ambiguous-name"),
        ("16c-04-sports-roundup-friday.md", 37, "name-variant"),
        (
            "16c-05-restaurant-opening-saltgrass.md",
            43,
            "unattributed-quote",
        ),
        (
            "16c-05-restaurant-opening-saltgrass.md",
            59,
            "duplicate-passage",
        ),
        ("16c-08-startup-leaklight-funding.md", 18, "first-reference"),
        (
            "16c-08-startup-leaklight-funding.md",
            64,
            "duplicate-passage",
        ),
        ("16c-09-obituary-rosalind-achterberg.md", 28, "name-variant"),
        (
            "16c-09-obituary-rosalind-achterberg.md",
            40,
            "ambiguous-name",
        ),
        // Round 17 (prefixed 17d/17e): business, courts, politics and features; Canadian,
        // Indian, Nigerian, German, Philippine, South African, Australian, New Zealand, Irish
        // and Mexican copy. Missed: a quote between two paragraphs about evidence (17d-murder,
        // line 14) and `von Arnheim` for `von Arnim` (17e-germany, line 23). The goalkeeper's
        // dek asks about "the other Nielsen", as in the clean copy.
        ("17d-goalkeeper-feature.md", 15, "ambiguous-name"),
        ("17d-goalkeeper-feature.md", 45, "repeated-heading"),
        ("17d-goalkeeper-feature.md", 61, "name-variant"),
        ("17d-goalkeeper-feature.md", 75, "ambiguous-name"),
        ("17d-markets.md", 33, "repeated-heading"),
        ("17d-markets.md", 62, "duplicate-passage"),
        ("17d-markets.md", 70, "name-variant"),
        ("17d-murder-verdict.wire.txt", 22, "duplicate-passage"),
        ("17d-uk-committee.txt", 15, "unattributed-quote"),
        ("17d-uk-committee.txt", 31, "first-reference"),
        ("17d-uk-committee.txt", 45, "duplicate-passage"),
        ("17e-germany-coalition.md", 34, "duplicate-passage"),
        ("17e-germany-coalition.md", 47, "repeated-heading"),
        ("17e-ireland-housing.md", 30, "unattributed-quote"),
        ("17e-ireland-housing.md", 40, "duplicate-passage"),
        ("17e-ireland-housing.md", 59, "repeated-heading"),
        ("17e-nigeria-fuel-protest.txt", 8, "first-reference"),
        ("17e-nigeria-fuel-protest.txt", 10, "unattributed-quote"),
        ("17e-nigeria-fuel-protest.txt", 24, "duplicate-passage"),
        ("17e-philippines-typhoon.txt", 28, "duplicate-passage"),
        ("17e-philippines-typhoon.txt", 39, "name-variant"),
        ("17e-philippines-typhoon.txt", 41, "ambiguous-name"),
    ]
    .iter()
    .map(|(file, line, code)| (file.to_string(), *line, code.to_string()))
    .collect();
    expected.sort();
    assert_eq!(found, expected);
}

/// Three desks' workspaces, each written unseen by someone else and checked as its own
/// workspace (2026-12-04, rounds 18a and 19): local news and service copy; business, courts and
/// international copy with Korean, Vietnamese, Chinese, Arabic, Nigerian and Brazilian names and
/// a hearing transcript; features, reviews, a Q&A, a live blog and a newsletter from one city's
/// paper. Their clean stories raise nothing (every false alarm they showed was fixed).
/// Then (round 20) a politics-and-crime desk, clean too, and a sports-and-obituaries desk; and
/// (round 21) a business, sport and features desk, clean after three fixes (`Ten-man
/// Kettleby` taken for a name, `Management` for a firm's short name, a crowd `grumbling`
/// handing a team the next quote); and (round 22) a politics, weather and courts desk and a
/// local-government, schools and health desk, both clean as first run; and (round 23) an
/// arts, tech, obituaries and world desk, clean after an obituary's `Mr. Tanabe` among his
/// relatives, a mother's bracketed maiden name and Billboard's `U.S. Afrobeats` chart were
/// read right; and (round 23) a world, elections and environment desk and a courts, sport and
/// obituaries desk, clean after an alert's `Take Highway 38 west`, `at Hampden Park` and an
/// obituary's `Dr. Subramaniam` among her family were read right; and (round 24) a live-blog,
/// Chilean-politics and obituary desk, clean after `Wójcik's Bakery` was read as a business,
/// and a wire desk of parliament, health and crime, clean as first run; and (round 24) an
/// agency desk of naming customs (Ethiopian, Icelandic, Indonesian, Brazilian, Indian,
/// Vietnamese, Irish), clean as first run, and a UK regional daily, clean after `Tate
/// Planning` was read as a firm; and (round 24) a US metro desk, clean after `Follow the
/// latest below` and `Pine Hollow` were read right, and a finance and science wire, clean
/// after `Nordhavn Markets` was read as a firm; and (round 25) an Australian, New Zealand
/// and Irish desk (Māori and Irish names, Aunty and Cllr, a barrister's `SC`), clean after
/// `two councillors named Murphy` was read as the name itself, and a South Asian and African
/// desk (initials, Singh and Kaur, Shri, Ethiopian second references), clean after `Shri`
/// was read as an honorific and `That was how Nomvula Mthembu described…` as an attribution;
/// and (round 25) a UK national desk (Welsh and Scottish names, peers, a Q&A, a CMS export),
/// clean after `Parc y Scarlets` was read as a place, and a Canada and Latin America desk
/// (Quebec, First Nations, Spanish and Portuguese surnames), clean after `Older Argentines`,
/// `First Nations` and a Spanish name's maternal surname were read right; and (round 26) an
/// East Asia desk (Chinese, Korean, Japanese, Vietnamese and Mongolian names, Hong Kong's
/// `Carrie Wong Mei-ling`), clean after her `Ms Wong` was read as hers, and a northern Europe
/// desk (Dutch and Belgian particles, Nordic letters, German quotation marks), clean as first
/// run; and (round 27) a Middle East and North Africa desk (al-, bin and Abu names, honorifics,
/// quotes said in Arabic), clean after `World Heritage` was read as an organisation's name
/// but for its obituary's queries (below), and a sports desk (namesake teammates, nicknames,
/// box scores, chants), clean after `Kieran 'The Hammer' Doyle` was read as one name and
/// `Coach Dunn` as the quarterback's father; and (round 27) a courts and faith desk
/// (transcripts, clergy titles, scripture), clean after `a neighbor of Aaron Kessler` was read
/// as a person, and a southern Europe and francophone Africa desk (particles, guillemets,
/// Congolese names), clean as first run, its `Mutombo` and `Ilonga` caught once a middle
/// surname was read as one; and (round 28) a Caribbean desk (Haitian, Indo-Caribbean and
/// double surnames, `the Honourable`), clean after `the Honourable Cedric Knowles`, `Prince
/// George Wharf` and `New Providence` were read right, and a science and space desk
/// (surname-first names, mission logs, scare quotes), clean after `Mars` was read as the
/// planet, not a slip for the byline's `Marsh`, `sub-Saharan Africa` as a place and `Seeing
/// Dimorphos` as a gerund and its object; and (round 28) a US politics wire (AP titles and
/// party labels, surnames that are places and common words: Jordan, Washington, Church) and
/// an entertainment and rural desk (stage names, bands, lyrics, family farms, auctions), both
/// clean as first run; and (round 29) a religion desk (clergy titles, houses of worship,
/// denominations, hymns), clean after `Grace Point` was read as its church's short name and
/// `United Methodist` as a denomination, and a military desk (ranks ending in a class, units,
/// ships, contractors), clean after `Sgt. 1st Class` was read as one title; and (round 29)
/// an education desk (double surnames, students by first name and age, schools named after
/// people), clean as first run, its planted quote after `if he is dismissed` caught once a
/// `he` in a condition handed on no quote; an arts desk (stage names, particles, characters,
/// works named after people, lyrics), clean after `said d'Almeida`, `Oh said` and a quoted
/// novel `"Señora Villanueva"` were read right; a technology desk (founders, funds and
/// products named after people, handles), clean as first run; and a Pacific desk (matai and
/// chiefly titles, the ʻokina, rugby sides), clean after `Manu Samoa` was read as a team and
/// `Samoan` as its people; and (round 29) a courts and police desk (a blotter, case names,
/// Jr. and Sr., transcripts), clean as first run, and an energy and agriculture trade desk
/// (companies named after founders, benchmarks, research notes), clean after `Dangote` before
/// `Aliko Dangote` was read as his refinery and `Dated Brent` as no person; and (round 30) a
/// zoning and real estate desk (public comment, roll calls, trusts and LLCs), clean as first
/// run, its two planted quotes caught once `The general fund reserve` and `owners who hold…`
/// handed on no speaker; a world sport desk (one-name players, scorecards, namesakes), clean
/// after `Casemiro … Casimiro, with an i` was read as spelled on purpose, its planted quote
/// caught once `the back post` was read as no speech verb; an immigration desk (double
/// surnames, first names only, interpreters), clean as first run; and an Indian regional desk
/// (initials, honorifics, sabhas), clean as first run, `Sabha` no longer ambiguous once
/// `Narada Gana Sabha` and `Sri Parthasarathy Swami Sabha` were read as organisations; and
/// (round 30) a health desk, clean after `Johns Hopkins Medicine` was read as an organisation;
/// a weather and disaster desk (live blogs, storms named like people), clean after items of
/// one list were allowed one pattern; a student paper and letters page, clean after `said
/// coxswain Lily Tran`, two of its planted problems missed (a third caught in round 31 once
/// `Ellery Library's overnight staffing` was no speaker); and a European politics wire,
/// clean after `Veneto` was read as a place, its planted quote caught (round 31) once `Rolling
/// strikes continued at four refineries` was no speech; and (round 31) an
/// Africa desk (Yoruba, Igbo, Hausa and Kenyan names, honorifics, results tables), one false
/// alarm left (below), its planted misspelling caught once `(KEN)` was read as a country;
/// a business wire (firms named after people, credit lines), clean after wire credits were
/// read as no copy and `Morgan Stanley` as a bank; a crime and courts live blog (ranks, KCs,
/// witnesses by letter), clean after `DCI` was read as a title, its two missed problems caught
/// once `KC` was no surname and `Purple T-shirts` no speaker; an obituaries and arts page,
/// its subjects among relatives queried (below), its missed misspelling caught once `the
/// former miner` was a person; an Indian national desk, clean and caught as first run; and a
/// UK local government desk, its speaker's parallel sentences (`When the post office went,
/// people said we still had the pub. When the bus went…`) allowed as one quotation's, two
/// false alarms left (below), two planted problems missed; then four more desks, 2026-12-07: a
/// science and environment wire (a byline with the writer's job, `co-author Dr …` as a
/// speaker, a petrel and a comet named after people), a sports results desk (`Opener Hasan
/// Khan`), Brazilian news (Portuguese names with particles, four false alarms left, below) and
/// a religion desk (`the Ven`, `the Hare Krishna movement`, `were asked not to drive`), all
/// 52 planted problems caught after the fixes; then two more, clean as first run: Spanish
/// names of Latin America (a paternal surname misspelt alone, `Freddy Choque Mamani, 46,` and
/// `Wilma Choque Alanoca` both going by `Choque`) and interviews and transcripts (`Brendan
/// Keogh, the developer…; he testified` a person, a passage pasted into an answer one
/// finding), all 26 planted problems caught after the fixes; then labour and transport (an
/// airline named after its founder, `Harlan Air`, was a person whose slip was the sign `Fly
/// Fair`) and an opinion page with arts listings (a CMS listing's HTML counted as words, and
/// `The evening figures tell a different story` named the speaker of the quote before it),
/// 26 of 26 caught and the clean copy clean after the fixes; then East African news, clean as
/// first run, and an Asian business wire with UK property (a paragraph after `## Tax and
/// running costs` read `Stamp` as a speaker, `Takahashi Noboru` written family name first, a
/// bank named after two families, a wire credit's reporters), 26 of 26 caught and the clean
/// copy clean after the fixes; then a crime and courts blotter, clean as first run, and
/// universities abroad (`the Centre for Living Languages`, `Universities Australia`), 26 of
/// 26 caught and the clean copy clean after the fixes; then Middle East and Gulf news and West
/// African news, 26 of 26 caught and no finding on the clean copy at first run (their hovers
/// read states, malls, programmes and `English Premier League` as people, and `Hajiya` as a
/// first name, until the fixes); then Pacific islands and New Zealand news (`Samoan` in a
/// headline a slip of a surname) and German and Nordic politics and business (`Brenner
/// Automobilwerke AG` a person, its founder `August Brenner` no one, and the firm's short name
/// an ambiguous Brenner), 26 of 26 caught and the clean copy clean after the fixes; then
/// health and hospitals (diseases named after people before the sentence naming them,
/// `Lurie Children's` a person) and motorsport and tennis (teams named after founders, a
/// results line read as a rewrite, `Court No. 1` a person called `No`), 26 of 26 caught but
/// 20 false alarms on the clean copy at first run, none after the fixes; then US politics and
/// law (court cases, a plural `Pell Grants`) and arts, prizes and philanthropy (auction houses
/// and a practice named after founders, a publisher `Carlos Reyes` read as a firm, so his
/// namesake's bare `Reyes` went unflagged), 25 of 26 caught and 11 false alarms (5 on clean
/// copy) at first run; 26 of 26 after the fixes, with 2 false alarms left on clean copy (pinned
/// below) and one in 56b's planted copy (`Guggenheim` in a standfirst's list of museums); then
/// Eastern Europe (`Pivnichna Saltivka` a person, `Zelenskyy` in a paper's quoted title a
/// slip) and Welsh and Scottish local news (three Joneses counted, `Evans the Post`, `Ysgol
/// Llanfihangel` a person, a ferry timetable laid out with spaces read as prose), 25 of 26
/// caught and 15 false alarms (12 on clean copy) at first run; 26 of 26 and none after the
/// fixes; then Japanese and Korean business (three Kims, `the name "Toyoda"`, `Kikuchi city`
/// and its namesake firm's president, `Power demand` read as someone demanding) and aviation
/// and maritime incidents (`Qantas Airbus A380` a person, an airline named before its founder,
/// a photo agency's credit, `The Craignure crossing` read as a speaker), 24 of 26 caught and 8
/// false alarms (6 on clean copy) at first run; 26 of 26 after the fixes, with one false alarm
/// left in 58a's planted copy (line 11 of `11-nagasaki-frigate-exports.md`, a house note on
/// the order of names, is 80% like the copied story's note to the opposite effect); then UK
/// Crown Court reports (`R v Hollis` read as one of the Hollis brothers, `a Stanley knife`
/// before `Gemma Stanley`, the hospital `the Royal Stoke` a person) and Turkish and Iranian
/// politics (dotless i, ezafe, `Khamene'i` as a word), 26 of 26 caught and 3 false alarms (all
/// on clean copy) at first run; 26 of 26 and none after the fixes. Then China and Russia (two
/// Wangs and two Lis, patronymics, Ivanov and Ivanova, a live blog, a ministry briefing's Q and
/// A): 13 of 13 caught and none on clean copy at first run. Then food and fashion (houses named
/// after founders, dishes named after people, a trattoria, a recipe card): 13 of 13 caught and
/// 16 false alarms (13 on clean copy) at first run; 13 of 13 and 10 on clean copy after the
/// fixes (pinned below).
const DESKS: &[&str] = &[
    "tests/fixtures/desks/18a-local-news",
    "tests/fixtures/desks/19a-business-courts-world",
    "tests/fixtures/desks/19b-features-culture",
    "tests/fixtures/desks/20a-politics-crime",
    "tests/fixtures/desks/20b-sports-obituaries",
    "tests/fixtures/desks/21a-health-science-transport",
    "tests/fixtures/desks/21b-metro-education-tech",
    "tests/fixtures/desks/23a-politics-weather-courts",
    "tests/fixtures/desks/23b-business-sport-features",
    "tests/fixtures/desks/24a-local-schools-health",
    "tests/fixtures/desks/24b-arts-tech-obits-world",
    "tests/fixtures/desks/25a-world-elections-environment",
    "tests/fixtures/desks/25b-courts-sport-obituaries",
    "tests/fixtures/desks/26a-liveblog-chile-obituary",
    "tests/fixtures/desks/26b-wire-parliament-health-crime",
    "tests/fixtures/desks/27a-agency-naming-customs",
    "tests/fixtures/desks/27b-uk-regional-daily",
    "tests/fixtures/desks/28a-us-metro-daily",
    "tests/fixtures/desks/28b-finance-science-wire",
    "tests/fixtures/desks/29a-au-nz-irish",
    "tests/fixtures/desks/29b-south-asia-africa",
    "tests/fixtures/desks/30a-uk-national",
    "tests/fixtures/desks/30b-canada-latin-america",
    "tests/fixtures/desks/31a-east-asia",
    "tests/fixtures/desks/31b-northern-europe",
    "tests/fixtures/desks/32a-middle-east",
    "tests/fixtures/desks/32b-sports-desk",
    "tests/fixtures/desks/33a-courts-and-faith",
    "tests/fixtures/desks/33b-southern-europe-francophone-africa",
    "tests/fixtures/desks/34a-caribbean",
    "tests/fixtures/desks/34b-science-space",
    "tests/fixtures/desks/35a-us-politics-wire",
    "tests/fixtures/desks/35b-entertainment-rural",
    "tests/fixtures/desks/36a-religion",
    "tests/fixtures/desks/36b-military",
    "tests/fixtures/desks/37a-education",
    "tests/fixtures/desks/37b-arts-reviews",
    "tests/fixtures/desks/38a-tech-startups",
    "tests/fixtures/desks/38b-pacific-islands",
    "tests/fixtures/desks/39a-courts-blotter",
    "tests/fixtures/desks/39b-energy-agriculture-trade",
    "tests/fixtures/desks/40a-zoning-real-estate",
    "tests/fixtures/desks/40b-world-sport",
    "tests/fixtures/desks/41a-immigration-translation",
    "tests/fixtures/desks/41b-india-regional",
    "tests/fixtures/desks/42a-health-medicine",
    "tests/fixtures/desks/42b-weather-disaster",
    "tests/fixtures/desks/43a-student-paper-opinion",
    "tests/fixtures/desks/43b-european-politics-wire",
    "tests/fixtures/desks/44a-africa-desk",
    "tests/fixtures/desks/44b-business-earnings-wire",
    "tests/fixtures/desks/45a-crime-courts-liveblog",
    "tests/fixtures/desks/45b-obituaries-arts",
    "tests/fixtures/desks/46a-india-national",
    "tests/fixtures/desks/46b-uk-local-government",
    "tests/fixtures/desks/47a-science-environment-wire",
    "tests/fixtures/desks/47b-sports-results",
    "tests/fixtures/desks/48a-brazil-portuguese-names",
    "tests/fixtures/desks/48b-religion-faith",
    "tests/fixtures/desks/49a-latin-america-spanish-names",
    "tests/fixtures/desks/49b-interviews-transcripts",
    "tests/fixtures/desks/50a-labour-transport",
    "tests/fixtures/desks/50b-opinion-arts-listings",
    "tests/fixtures/desks/51a-east-africa",
    "tests/fixtures/desks/51b-asia-business-uk-property",
    "tests/fixtures/desks/52a-crime-courts-blotter",
    "tests/fixtures/desks/52b-universities-abroad",
    "tests/fixtures/desks/53a-middle-east-gulf",
    "tests/fixtures/desks/53b-west-africa",
    "tests/fixtures/desks/54a-pacific-islands-nz",
    "tests/fixtures/desks/54b-german-nordic",
    "tests/fixtures/desks/55a-health-hospitals",
    "tests/fixtures/desks/55b-motorsport-tennis",
    "tests/fixtures/desks/56a-us-politics-law",
    "tests/fixtures/desks/56b-arts-prizes",
    "tests/fixtures/desks/57a-eastern-europe",
    "tests/fixtures/desks/57b-wales-scotland",
    "tests/fixtures/desks/58a-japan-korea-business",
    "tests/fixtures/desks/58b-aviation-maritime",
    "tests/fixtures/desks/59a-uk-crown-court",
    "tests/fixtures/desks/59b-turkey-iran",
    "tests/fixtures/desks/60a-china-russia",
    "tests/fixtures/desks/60b-food-fashion",
];

/// False alarms on desks' clean copy, left for now and pinned so that a fix shows: 48a's
/// network `Globo` for a misspelt `Lobo`, and the people `Pataxó` before `Cacique Jurandir
/// Pataxó`; 56b's `Mrs Brennan` in a novel's opening line quoted before its heroine `Nóra
/// Brennan`; 60b's houses, restaurants and wine named after people before their namesakes
/// (`Chanel`, `Dior`, `Castiglioni`, `Ottolenghi`, `Sato` in a review's header and address box)
/// and `Right Bank Bordeaux` read as a person.
const KNOWN_FALSE_ALARMS: &[(&str, &str, u64, &str)] = &[
    (
        "56b-arts-prizes",
        "03-booker-prize-winner.md",
        13,
        "first-reference",
    ),
    (
        "48a-brazil-portuguese-names",
        "santos-transfer.txt",
        45,
        "name-variant",
    ),
    (
        "48a-brazil-portuguese-names",
        "stf-indigenous-land.txt",
        19,
        "first-reference",
    ),
    (
        "60b-food-fashion",
        "03-paris-lerault-show.md",
        3,
        "first-reference",
    ),
    (
        "60b-food-fashion",
        "03-paris-lerault-show.md",
        3,
        "first-reference",
    ),
    (
        "60b-food-fashion",
        "05-milan-fashion-week.md",
        7,
        "first-reference",
    ),
    (
        "60b-food-fashion",
        "05-milan-fashion-week.md",
        37,
        "ambiguous-name",
    ),
    (
        "60b-food-fashion",
        "06-bordeaux-barossa-wine.md",
        7,
        "first-reference",
    ),
    (
        "60b-food-fashion",
        "06-bordeaux-barossa-wine.md",
        13,
        "first-reference",
    ),
    (
        "60b-food-fashion",
        "06-bordeaux-barossa-wine.md",
        46,
        "first-reference",
    ),
    (
        "60b-food-fashion",
        "07-sato-leeds-review.txt",
        3,
        "first-reference",
    ),
    (
        "60b-food-fashion",
        "07-sato-leeds-review.txt",
        78,
        "ambiguous-name",
    ),
    (
        "60b-food-fashion",
        "09-ottolenghi-alumni.md",
        7,
        "first-reference",
    ),
];

/// Desks whose clean copy calls an obituary's or a final's subject by bare surname among
/// relatives of that surname named in full: queried (below), nothing else raised.
const SUBJECT_AMONG_RELATIVES: [&str; 3] = [
    "tests/fixtures/desks/20b-sports-obituaries",
    "tests/fixtures/desks/32a-middle-east",
    "tests/fixtures/desks/45b-obituaries-arts",
];

#[test]
fn each_desk_workspace_is_clean() {
    for desk in DESKS
        .iter()
        .filter(|desk| !SUBJECT_AMONG_RELATIVES.contains(desk))
    {
        let (found, status) = check_json(&[&format!("{desk}/clean")]);
        let known: Vec<(String, u64, String)> = KNOWN_FALSE_ALARMS
            .iter()
            .filter(|(name, ..)| desk.ends_with(name))
            .map(|(_, file, line, code)| (file.to_string(), *line, code.to_string()))
            .collect();
        assert_eq!(found, known, "{desk}");
        let expected_status = if known.is_empty() { 0 } else { 1 };
        assert_eq!(status, Some(expected_status), "{desk}");
    }
}

/// The sports-and-obituaries desk calls an obituary's or a final's subject by bare surname
/// among relatives of that surname named in full (`Lavalle` with his father, brother, wife and
/// son; `Marković` with her father, mother and sister), and the Middle East desk its poet's
/// obituary (`Khatib` after `His daughter, the documentary filmmaker Rasha al-Khatib`). AP
/// style asks for first names then, and `ambiguous-name` queries each bare use (information,
/// not a warning); nothing else is raised on the desks' clean copy.
#[test]
fn a_subject_called_by_surname_among_relatives_is_queried_and_nothing_else() {
    let queried = [
        "obit-curtis-lavalle.md",
        "obit-ingrid-solheim.txt",
        "tennis-lorne-cup-final.md",
        "obituary-marwan-al-khatib.md",
        "01-obit-ray-holloway.md",
        "04-obit-nora-kielty.txt",
    ];
    // A mother's maiden name in brackets (`Marie (Thibodeaux) Lavalle`) is part of her name,
    // not a bare surname to query; `Dr. Solheim`, as the obituary calls its subject throughout,
    // is its subject.
    for (desk, queries) in SUBJECT_AMONG_RELATIVES.iter().zip([21, 5, 5]) {
        let (found, _) = check_json(&[&format!("{desk}/clean")]);
        assert_eq!(found.len(), queries, "{desk}");
        for (file, line, code) in &found {
            assert!(
                code == "ambiguous-name" && queried.contains(&file.as_str()),
                "{file}:{line} {code}"
            );
        }
    }
}

/// Each desk's planted copy (answer keys in each desk's planted-answers.md, 13 problems each):
/// every one caught but 21b's `Pembroke`, one of 26b's, one of 27b's and those noted `Not
/// caught` below. Findings not on the keys: in 19b's planted folder three of five stories end with the same newsletter sign-up line, under the
/// four-document floor for boilerplate (in the desk's full workspace it is boilerplate and not
/// flagged); 20b's and 45b's obituaries keep their clean copy's queries (above). A copy
/// between two stories is reported on the one read later, which in 30a, 31a, 31b, 32b, 34a,
/// 36a, 36b, 39a, 40b, 42a, 42b, 43a and 44a is the one holding the original (`copydesk
/// check` reads files by name; it cannot tell which was written first).
#[test]
fn each_desk_planted_problems_are_caught() {
    let expected: [&[(&str, u64, &str)]; 83] = [
        &[
            ("police-briefs.md", 23, "name-variant"),
            ("police-briefs.md", 35, "unattributed-quote"),
            ("police-briefs.md", 49, "repeated-heading"),
            ("school-board-start-times.md", 15, "first-reference"),
            ("school-board-start-times.md", 38, "ambiguous-name"),
            ("school-board-start-times.md", 58, "duplicate-passage"),
            ("storm-recovery.txt", 10, "name-variant"),
            ("storm-recovery.txt", 14, "duplicate-passage"),
            ("storm-recovery.txt", 21, "unattributed-quote"),
            ("storm-recovery.txt", 24, "duplicate-passage"),
            ("zoning-orchard-street.md", 9, "first-reference"),
            ("zoning-orchard-street.md", 47, "duplicate-passage"),
            ("zoning-orchard-street.md", 53, "repeated-heading"),
        ],
        &[
            ("01-harrow-boateng-earnings.md", 11, "first-reference"),
            ("01-harrow-boateng-earnings.md", 32, "unattributed-quote"),
            ("01-harrow-boateng-earnings.md", 48, "repeated-heading"),
            ("01-harrow-boateng-earnings.md", 58, "duplicate-passage"),
            ("04-delaney-sentencing.txt", 83, "duplicate-passage"),
            ("04-delaney-sentencing.txt", 103, "duplicate-passage"),
            ("04-delaney-sentencing.txt", 110, "ambiguous-name"),
            ("06-hanseong-verdict-seoul.txt", 25, "unattributed-quote"),
            ("06-hanseong-verdict-seoul.txt", 33, "name-variant"),
            ("06-hanseong-verdict-seoul.txt", 39, "ambiguous-name"),
            ("09-al-noor-rio-climate-fund.md", 9, "first-reference"),
            // The rewrite of 07's paragraph, planted in 09.
            ("09-al-noor-rio-climate-fund.md", 30, "duplicate-passage"),
            ("09-al-noor-rio-climate-fund.md", 58, "repeated-heading"),
        ],
        &[
            ("01-profile-okafor-bakery.md", 52, "unattributed-quote"),
            ("01-profile-okafor-bakery.md", 58, "duplicate-passage"),
            ("01-profile-okafor-bakery.md", 70, "ambiguous-name"),
            ("01-profile-okafor-bakery.md", 78, "repeated-heading"),
            ("07-liveblog-riverside-line.txt", 25, "first-reference"),
            ("07-liveblog-riverside-line.txt", 51, "unattributed-quote"),
            ("07-liveblog-riverside-line.txt", 101, "name-variant"),
            // The sign-up line (see above).
            ("07-liveblog-riverside-line.txt", 109, "duplicate-passage"),
            ("08-newsletter-morning-ledger.md", 23, "repeated-heading"),
            ("08-newsletter-morning-ledger.md", 45, "duplicate-passage"),
            ("08-newsletter-morning-ledger.md", 57, "duplicate-passage"),
            ("09-sports-mensah-brothers.txt", 6, "first-reference"),
            ("09-sports-mensah-brothers.txt", 9, "ambiguous-name"),
            ("09-sports-mensah-brothers.txt", 23, "duplicate-passage"),
            // The newsletter's rewrite of this story's paragraph (line 27 there), reported on
            // the file checked later.
            ("10-climate-ghost-forests.txt", 29, "duplicate-passage"),
        ],
        &[
            ("city-budget.txt", 80, "duplicate-passage"),
            ("city-budget.txt", 100, "name-variant"),
            ("city-budget.txt", 110, "ambiguous-name"),
            ("governor-race.md", 30, "duplicate-passage"),
            ("governor-race.md", 46, "repeated-heading"),
            ("governor-race.md", 50, "ambiguous-name"),
            ("governor-race.md", 64, "name-variant"),
            ("police-shooting.txt", 5, "first-reference"),
            ("police-shooting.txt", 20, "duplicate-passage"),
            ("police-shooting.txt", 25, "unattributed-quote"),
            // The rewrite of election-results.md's turnout paragraph.
            ("school-board-recall.md", 13, "duplicate-passage"),
            // After a ballot question quoted in a sentence about `a separate question`.
            ("school-board-recall.md", 17, "unattributed-quote"),
            ("school-board-recall.md", 55, "repeated-heading"),
        ],
        &[
            ("baseball-aviators-tides.md", 25, "ambiguous-name"),
            ("baseball-aviators-tides.md", 35, "first-reference"),
            ("baseball-aviators-tides.md", 51, "duplicate-passage"),
            ("baseball-aviators-tides.md", 66, "repeated-heading"),
            ("marathon-lakeshore.txt", 25, "ambiguous-name"),
            ("marathon-lakeshore.txt", 41, "name-variant"),
            ("marathon-lakeshore.txt", 53, "unattributed-quote"),
            ("obit-curtis-lavalle.md", 25, "name-variant"),
            ("obit-curtis-lavalle.md", 27, "ambiguous-name"),
            ("obit-curtis-lavalle.md", 33, "ambiguous-name"),
            ("obit-curtis-lavalle.md", 35, "ambiguous-name"),
            ("obit-curtis-lavalle.md", 35, "duplicate-passage"),
            ("obit-curtis-lavalle.md", 41, "unattributed-quote"),
            ("obit-curtis-lavalle.md", 53, "ambiguous-name"),
            ("transfers-roundup.txt", 13, "duplicate-passage"),
            ("transfers-roundup.txt", 29, "duplicate-passage"),
            ("transfers-roundup.txt", 33, "first-reference"),
        ],
        &[
            ("hospital-merger.md", 37, "repeated-heading"),
            ("hospital-merger.md", 39, "first-reference"),
            ("hospital-merger.md", 49, "ambiguous-name"),
            ("measles-outbreak.txt", 8, "unattributed-quote"),
            // `Ragunathan` for `Pradeep Raghunathan, the department's … program manager`.
            ("measles-outbreak.txt", 20, "name-variant"),
            ("measles-outbreak.txt", 22, "duplicate-passage"),
            ("storm-live.md", 32, "repeated-heading"),
            ("storm-live.md", 46, "ambiguous-name"),
            ("storm-live.md", 66, "duplicate-passage"),
            ("storm-live.md", 72, "duplicate-passage"),
            ("transit-fare.txt", 32, "unattributed-quote"),
            ("transit-fare.txt", 67, "first-reference"),
            ("transit-fare.txt", 92, "duplicate-passage"),
        ],
        &[
            ("data-breach.txt", 40, "duplicate-passage"),
            ("data-breach.txt", 88, "unattributed-quote"),
            // Missed: `Pembroke` for `Harold Pembrook` (line 49) is two edits away; names two
            // edits apart are as often different names (`Williams`, `Williamson`).
            ("teachers-strike.txt", 26, "unattributed-quote"),
            ("teachers-strike.txt", 50, "duplicate-passage"),
            ("teachers-strike.txt", 54, "name-variant"),
            ("tech-layoffs.md", 19, "first-reference"),
            ("tech-layoffs.md", 31, "repeated-heading"),
            ("tech-layoffs.md", 35, "ambiguous-name"),
            ("zoning-fight.md", 27, "ambiguous-name"),
            ("zoning-fight.md", 35, "repeated-heading"),
            ("zoning-fight.md", 39, "first-reference"),
            ("zoning-fight.md", 43, "duplicate-passage"),
        ],
        &[
            ("brazil-floods-wire.txt", 7, "first-reference"),
            // `van de Velde` for `Maarten van der Velde`: the particles misspelt.
            ("brazil-floods-wire.txt", 41, "name-variant"),
            // After `Neighbouring Uruguay also reported flooding`: a country is no speaker.
            ("brazil-floods-wire.txt", 45, "unattributed-quote"),
            ("hurricane-odette-louisiana.md", 21, "first-reference"),
            ("hurricane-odette-louisiana.md", 49, "repeated-heading"),
            ("hurricane-odette-louisiana.md", 51, "duplicate-passage"),
            ("hurricane-odette-louisiana.md", 57, "name-variant"),
            ("tacoma-police-oversight.md", 57, "duplicate-passage"),
            ("tacoma-police-oversight.md", 63, "repeated-heading"),
            ("tacoma-police-oversight.md", 65, "ambiguous-name"),
            ("tornado-pope-county.txt", 43, "duplicate-passage"),
            ("tornado-pope-county.txt", 53, "unattributed-quote"),
            ("tornado-pope-county.txt", 64, "ambiguous-name"),
        ],
        &[
            ("01-halden-results.md", 25, "name-variant"),
            ("01-halden-results.md", 35, "duplicate-passage"),
            ("01-halden-results.md", 55, "repeated-heading"),
            ("02-ashbourne-kettleby-report.md", 16, "first-reference"),
            ("02-ashbourne-kettleby-report.md", 20, "unattributed-quote"),
            ("02-ashbourne-kettleby-report.md", 34, "ambiguous-name"),
            ("07-calder-bank-results.txt", 9, "first-reference"),
            ("07-calder-bank-results.txt", 11, "duplicate-passage"),
            ("07-calder-bank-results.txt", 23, "name-variant"),
            // A stand-alone quote after a paragraph whose crowd went in `grumbling`.
            ("08-ravensbourne-northfield.txt", 32, "unattributed-quote"),
            ("08-ravensbourne-northfield.txt", 41, "ambiguous-name"),
            ("08-ravensbourne-northfield.txt", 68, "repeated-heading"),
            ("08-ravensbourne-northfield.txt", 89, "duplicate-passage"),
        ],
        &[
            ("council-budget.md", 17, "first-reference"),
            ("council-budget.md", 23, "name-variant"),
            ("council-budget.md", 37, "unattributed-quote"),
            ("council-budget.md", 49, "repeated-heading"),
            ("measles-outbreak.txt", 30, "name-variant"),
            ("measles-outbreak.txt", 40, "ambiguous-name"),
            ("measles-outbreak.txt", 42, "duplicate-passage"),
            ("school-board-closures.md", 42, "ambiguous-name"),
            ("school-board-closures.md", 48, "duplicate-passage"),
            ("school-board-closures.md", 56, "repeated-heading"),
            ("transit-levy.txt", 5, "first-reference"),
            ("transit-levy.txt", 13, "duplicate-passage"),
            ("transit-levy.txt", 24, "unattributed-quote"),
        ],
        &[
            ("arts-dutch-restitution-ruysdael.md", 27, "name-variant"),
            ("arts-dutch-restitution-ruysdael.md", 35, "repeated-heading"),
            (
                "arts-dutch-restitution-ruysdael.md",
                43,
                "duplicate-passage",
            ),
            ("arts-dutch-restitution-ruysdael.md", 49, "ambiguous-name"),
            // `Yun` for `Yoon`: two romanisations of one Korean surname.
            ("arts-seoul-yoon-retrospective.md", 29, "name-variant"),
            ("arts-seoul-yoon-retrospective.md", 41, "repeated-heading"),
            ("arts-seoul-yoon-retrospective.md", 45, "unattributed-quote"),
            ("intl-chile-lithium-deal.txt", 4, "first-reference"),
            ("intl-chile-lithium-deal.txt", 8, "unattributed-quote"),
            ("obit-mercedes-alvarado-quiroga.md", 21, "duplicate-passage"),
            ("obit-mercedes-alvarado-quiroga.md", 29, "first-reference"),
            ("obit-mercedes-alvarado-quiroga.md", 39, "duplicate-passage"),
            ("obit-mercedes-alvarado-quiroga.md", 43, "ambiguous-name"),
        ],
        // The cross-story rewrite (ceasefire line 11 of summit line 23) is reported on the
        // summit, the file read later.
        &[
            // `al-Tayyib` for `al-Tayeb`: an Arabic name's vowels romanised otherwise.
            ("ceasefire-talks-doha.txt", 17, "name-variant"),
            ("ceasefire-talks-doha.txt", 45, "unattributed-quote"),
            ("drought-andalusia.txt", 8, "first-reference"),
            // `Jiménez said` for one of two siblings `Jiménez Navarro`: a Spanish name's
            // paternal surname alone.
            ("drought-andalusia.txt", 9, "ambiguous-name"),
            ("drought-andalusia.txt", 11, "repeated-heading"),
            ("mayoral-runoff-port-calloway.md", 11, "first-reference"),
            ("mayoral-runoff-port-calloway.md", 23, "name-variant"),
            ("mayoral-runoff-port-calloway.md", 37, "ambiguous-name"),
            ("mayoral-runoff-port-calloway.md", 49, "duplicate-passage"),
            ("summit-accra-maritime.md", 23, "duplicate-passage"),
            ("summit-accra-maritime.md", 34, "unattributed-quote"),
            ("summit-accra-maritime.md", 45, "repeated-heading"),
            ("summit-accra-maritime.md", 57, "duplicate-passage"),
        ],
        &[
            ("fraud-sentencing.md", 23, "first-reference"),
            ("fraud-sentencing.md", 31, "name-variant"),
            ("fraud-sentencing.md", 53, "unattributed-quote"),
            ("fraud-sentencing.md", 69, "repeated-heading"),
            ("marathon.txt", 12, "ambiguous-name"),
            ("marathon.txt", 23, "duplicate-passage"),
            ("obit-scientist.md", 17, "name-variant"),
            ("obit-scientist.md", 35, "repeated-heading"),
            ("obit-scientist.md", 43, "ambiguous-name"),
            ("obit-scientist.md", 49, "duplicate-passage"),
            ("police-inquiry.txt", 9, "first-reference"),
            ("police-inquiry.txt", 41, "unattributed-quote"),
            ("police-inquiry.txt", 45, "duplicate-passage"),
        ],
        // The cross-story rewrite (transport line 8 of weather line 23) is reported on the
        // weather story, the file read later.
        &[
            // `Ortiz told reporters` with two ministers and senators `Ortiz` (a Spanish name's
            // paternal surname alone), and `Ortiz Bustamente` for `Ortiz Bustamante`.
            ("chile-interior-minister.md", 17, "ambiguous-name"),
            ("chile-interior-minister.md", 45, "duplicate-passage"),
            ("chile-interior-minister.md", 47, "name-variant"),
            ("council-budget-liveblog.md", 35, "repeated-heading"),
            ("council-budget-liveblog.md", 47, "unattributed-quote"),
            ("council-budget-liveblog.md", 53, "first-reference"),
            ("council-budget-liveblog.md", 89, "duplicate-passage"),
            ("obituary-tomasz-wojcik.md", 23, "first-reference"),
            ("obituary-tomasz-wojcik.md", 29, "repeated-heading"),
            ("obituary-tomasz-wojcik.md", 33, "ambiguous-name"),
            // `Father O'Sulivan` for `The Rev. Declan O'Sullivan`: `Father` is a title.
            ("obituary-tomasz-wojcik.md", 45, "name-variant"),
            ("transport-tanner-bridge.txt", 10, "unattributed-quote"),
            ("weather-alder-river-flood.md", 23, "duplicate-passage"),
        ],
        // Missed: the quote after `Lan is her given name; Nguyen is the family name.`
        // (immigration line 23), which hands it to Lan as a short sentence about her would.
        &[
            ("crime.txt", 5, "first-reference"),
            ("crime.txt", 16, "ambiguous-name"),
            ("crime.txt", 22, "name-variant"),
            ("health.md", 23, "name-variant"),
            ("health.md", 25, "duplicate-passage"),
            ("health.md", 35, "ambiguous-name"),
            ("health.md", 47, "repeated-heading"),
            // The rewrite of farm's paragraph, planted in immigration.
            ("immigration.md", 51, "duplicate-passage"),
            ("parliament.md", 29, "unattributed-quote"),
            ("parliament.md", 33, "first-reference"),
            ("parliament.md", 41, "duplicate-passage"),
            ("parliament.md", 47, "repeated-heading"),
        ],
        // The cross-story rewrite (india line 9 of markets line 9) is reported on markets, the
        // file read later.
        &[
            ("brazil-football.txt", 23, "first-reference"),
            ("brazil-football.txt", 41, "name-variant"),
            ("brazil-football.txt", 87, "ambiguous-name"),
            ("india-vardhan-outlook.md", 23, "name-variant"),
            ("india-vardhan-outlook.md", 43, "ambiguous-name"),
            ("markets-chipmaker.md", 9, "duplicate-passage"),
            ("religion-winter-shelter.md", 17, "unattributed-quote"),
            ("religion-winter-shelter.md", 43, "repeated-heading"),
            ("religion-winter-shelter.md", 63, "duplicate-passage"),
            ("townhall-lead-pipes.md", 7, "first-reference"),
            ("townhall-lead-pipes.md", 25, "unattributed-quote"),
            ("townhall-lead-pipes.md", 55, "duplicate-passage"),
            ("townhall-lead-pipes.md", 57, "repeated-heading"),
        ],
        // Missed: the quote before `Planning officers had recommended approval, pointing out
        // that …` (planning line 13), which that paragraph's reporting verb takes for theirs.
        // The cross-story rewrite (hospital line 37 of research line 13) is reported on
        // research, the file read later. Each bare `Thornton` and `Bowen` is queried.
        &[
            ("crime-appeal-wakefield-road.txt", 4, "first-reference"),
            ("crime-appeal-wakefield-road.txt", 10, "ambiguous-name"),
            ("crime-appeal-wakefield-road.txt", 11, "ambiguous-name"),
            ("crime-appeal-wakefield-road.txt", 17, "ambiguous-name"),
            ("crime-appeal-wakefield-road.txt", 21, "duplicate-passage"),
            ("hospital-winter-pressures.md", 11, "unattributed-quote"),
            ("hospital-winter-pressures.md", 25, "name-variant"),
            ("planning-saxby-homes.md", 31, "repeated-heading"),
            ("planning-saxby-homes.md", 39, "duplicate-passage"),
            ("research-sepsis-alert.md", 13, "duplicate-passage"),
            ("rugby-blues-thistle.md", 9, "first-reference"),
            ("rugby-blues-thistle.md", 25, "ambiguous-name"),
            ("rugby-blues-thistle.md", 27, "ambiguous-name"),
            ("rugby-blues-thistle.md", 29, "ambiguous-name"),
            ("rugby-blues-thistle.md", 31, "name-variant"),
            ("rugby-blues-thistle.md", 43, "ambiguous-name"),
            ("rugby-blues-thistle.md", 45, "repeated-heading"),
        ],
        // The cross-story rewrite (cityhall line 61 of housing line 15) is reported on
        // housing, the file read later.
        &[
            ("cityhall-probe.md", 29, "first-reference"),
            ("cityhall-probe.md", 35, "unattributed-quote"),
            ("cityhall-probe.md", 55, "repeated-heading"),
            ("housing-feature.md", 15, "duplicate-passage"),
            ("sentencing.txt", 21, "first-reference"),
            ("sentencing.txt", 41, "ambiguous-name"),
            ("tech-layoffs.md", 24, "name-variant"),
            ("tech-layoffs.md", 42, "duplicate-passage"),
            ("tech-layoffs.md", 50, "unattributed-quote"),
            ("wildfire-live.md", 61, "ambiguous-name"),
            ("wildfire-live.md", 83, "name-variant"),
            ("wildfire-live.md", 97, "repeated-heading"),
            ("wildfire-live.md", 99, "duplicate-passage"),
        ],
        // The cross-story rewrite (glacier line 28 of opec line 29) is reported on opec, the
        // file read later.
        &[
            ("anchor-af-trial.md", 23, "ambiguous-name"),
            ("anchor-af-trial.md", 27, "first-reference"),
            ("anchor-af-trial.md", 39, "unattributed-quote"),
            ("corvane-earnings.txt", 9, "first-reference"),
            ("corvane-earnings.txt", 27, "name-variant"),
            ("corvane-earnings.txt", 35, "duplicate-passage"),
            ("corvane-earnings.txt", 37, "duplicate-passage"),
            ("glacier-report.md", 48, "repeated-heading"),
            ("glacier-report.md", 52, "unattributed-quote"),
            ("halvorsen-nobel-profile.md", 27, "ambiguous-name"),
            ("halvorsen-nobel-profile.md", 33, "name-variant"),
            ("halvorsen-nobel-profile.md", 35, "repeated-heading"),
            ("opec-output-cuts.md", 29, "duplicate-passage"),
        ],
        &[
            ("02-pukeatua-land-return.md", 21, "first-reference"),
            ("02-pukeatua-land-return.md", 49, "repeated-heading"),
            ("02-pukeatua-land-return.md", 51, "duplicate-passage"),
            ("02-pukeatua-land-return.md", 59, "name-variant"),
            ("03-kerry-council-gaeltacht-levy.txt", 15, "ambiguous-name"),
            (
                "03-kerry-council-gaeltacht-levy.txt",
                21,
                "unattributed-quote",
            ),
            ("03-kerry-council-gaeltacht-levy.txt", 27, "name-variant"),
            ("06-causeway-inquest.md", 29, "duplicate-passage"),
            ("06-causeway-inquest.md", 35, "unattributed-quote"),
            ("06-causeway-inquest.md", 55, "repeated-heading"),
            (
                "10-ballarat-dangerous-driving-sentence.txt",
                11,
                "first-reference",
            ),
            (
                "10-ballarat-dangerous-driving-sentence.txt",
                25,
                "ambiguous-name",
            ),
            (
                "10-ballarat-dangerous-driving-sentence.txt",
                41,
                "duplicate-passage",
            ),
        ],
        &[
            ("assam-floods.md", 27, "unattributed-quote"),
            ("assam-floods.md", 37, "duplicate-passage"),
            ("assam-floods.md", 41, "repeated-heading"),
            ("assam-floods.md", 57, "name-variant"),
            ("kenya-court.txt", 15, "first-reference"),
            ("kenya-court.txt", 31, "unattributed-quote"),
            ("naira-cbn.txt", 16, "duplicate-passage"),
            ("naira-cbn.txt", 18, "name-variant"),
            ("naira-cbn.txt", 19, "ambiguous-name"),
            ("punjab-election.md", 11, "first-reference"),
            ("punjab-election.md", 37, "ambiguous-name"),
            ("punjab-election.md", 43, "duplicate-passage"),
            ("punjab-election.md", 49, "repeated-heading"),
        ],
        // The cross-story rewrite (06 line 57 of 09 line 10) is reported on 09, the file
        // read later.
        &[
            ("01-transfer-deadline.md", 19, "first-reference"),
            ("01-transfer-deadline.md", 41, "repeated-heading"),
            ("01-transfer-deadline.md", 47, "unattributed-quote"),
            ("05-nhs-waiting-times.md", 27, "ambiguous-name"),
            ("05-nhs-waiting-times.md", 45, "duplicate-passage"),
            ("05-nhs-waiting-times.md", 49, "duplicate-passage"),
            ("06-investigation.md", 19, "unattributed-quote"),
            ("06-investigation.md", 25, "name-variant"),
            ("06-investigation.md", 53, "repeated-heading"),
            ("07-llanelli-bookshop.txt", 14, "first-reference"),
            ("07-llanelli-bookshop.txt", 27, "name-variant"),
            ("07-llanelli-bookshop.txt", 75, "ambiguous-name"),
            ("09-safe-account-scam.txt", 10, "duplicate-passage"),
        ],
        &[
            ("nhl-canadiens-senators.md", 43, "name-variant"),
            ("nhl-canadiens-senators.md", 45, "ambiguous-name"),
            ("nhl-canadiens-senators.md", 47, "duplicate-passage"),
            ("nhl-canadiens-senators.md", 53, "repeated-heading"),
            ("quebec-farmland-bill.txt", 22, "unattributed-quote"),
            ("quebec-farmland-bill.txt", 67, "ambiguous-name"),
            ("quebec-farmland-bill.txt", 80, "name-variant"),
            ("vancouver-housing-feature.md", 13, "first-reference"),
            ("vancouver-housing-feature.md", 49, "duplicate-passage"),
            ("vancouver-housing-feature.md", 53, "repeated-heading"),
            (
                "wildfire-keewatin-river-evacuation.md",
                34,
                "first-reference",
            ),
            (
                "wildfire-keewatin-river-evacuation.md",
                52,
                "unattributed-quote",
            ),
            (
                "wildfire-keewatin-river-evacuation.md",
                66,
                "duplicate-passage",
            ),
        ],
        &[
            ("china-ev-exports.md", 26, "name-variant"),
            ("china-ev-exports.md", 28, "ambiguous-name"),
            ("hongkong-subdivided-flats.md", 13, "unattributed-quote"),
            ("hongkong-subdivided-flats.md", 35, "repeated-heading"),
            ("japan-cabinet-reshuffle.md", 7, "first-reference"),
            ("japan-cabinet-reshuffle.md", 27, "repeated-heading"),
            ("japan-cabinet-reshuffle.md", 33, "name-variant"),
            ("japan-cabinet-reshuffle.md", 51, "duplicate-passage"),
            ("korea-chaebol-court.txt", 13, "first-reference"),
            ("korea-chaebol-court.txt", 15, "ambiguous-name"),
            ("korea-chaebol-court.txt", 27, "unattributed-quote"),
            ("korea-chaebol-court.txt", 39, "duplicate-passage"),
            ("mongolia-gobi-copper-water.txt", 25, "duplicate-passage"),
        ],
        &[
            ("brussels-farm-emissions.md", 23, "first-reference"),
            ("brussels-farm-emissions.md", 51, "repeated-heading"),
            ("bundesliga-match.md", 9, "name-variant"),
            ("bundesliga-match.md", 33, "ambiguous-name"),
            ("bundesliga-match.md", 35, "duplicate-passage"),
            ("bundestag-budget.md", 19, "unattributed-quote"),
            ("bundestag-budget.md", 35, "ambiguous-name"),
            ("bundestag-budget.md", 51, "repeated-heading"),
            ("bundestag-budget.md", 55, "name-variant"),
            ("dutch-nitrogen-ruling.md", 11, "duplicate-passage"),
            ("swedish-gang-violence.txt", 7, "first-reference"),
            ("swedish-gang-violence.txt", 9, "first-reference"),
            ("swedish-gang-violence.txt", 15, "unattributed-quote"),
            ("swedish-gang-violence.txt", 33, "duplicate-passage"),
        ],
        &[
            ("emirates-nbd-results.md", 11, "first-reference"),
            ("emirates-nbd-results.md", 31, "ambiguous-name"),
            ("emirates-nbd-results.md", 41, "repeated-heading"),
            ("emirates-nbd-results.md", 47, "duplicate-passage"),
            ("iraq-kurdistan-oil-exports.txt", 6, "first-reference"),
            ("iraq-kurdistan-oil-exports.txt", 16, "ambiguous-name"),
            ("iraq-kurdistan-oil-exports.txt", 17, "name-variant"),
            ("syria-returnees-aleppo.md", 29, "unattributed-quote"),
            ("syria-returnees-aleppo.md", 37, "repeated-heading"),
            ("syria-returnees-aleppo.md", 39, "duplicate-passage"),
            ("west-bank-water-shortage.md", 13, "unattributed-quote"),
            ("west-bank-water-shortage.md", 37, "name-variant"),
            ("west-bank-water-shortage.md", 47, "duplicate-passage"),
        ],
        &[
            ("everton-manager-pressure.md", 19, "unattributed-quote"),
            ("everton-manager-pressure.md", 33, "name-variant"),
            ("everton-manager-pressure.md", 37, "repeated-heading"),
            ("hs-basketball-semifinal.md", 9, "first-reference"),
            ("hs-basketball-semifinal.md", 23, "ambiguous-name"),
            ("hs-basketball-semifinal.md", 29, "duplicate-passage"),
            ("minor-league-callup.txt", 7, "first-reference"),
            ("minor-league-callup.txt", 19, "ambiguous-name"),
            ("premier-league-report.md", 21, "duplicate-passage"),
            ("regional-track-meet.md", 27, "unattributed-quote"),
            ("regional-track-meet.md", 37, "name-variant"),
            ("regional-track-meet.md", 39, "duplicate-passage"),
            ("regional-track-meet.md", 54, "repeated-heading"),
        ],
        &[
            ("p1-closing-arguments.md", 12, "duplicate-passage"),
            ("p1-closing-arguments.md", 16, "first-reference"),
            ("p1-closing-arguments.md", 32, "unattributed-quote"),
            ("p1-closing-arguments.md", 40, "repeated-heading"),
            ("p2-diocese-pension-settlement.txt", 24, "ambiguous-name"),
            ("p2-diocese-pension-settlement.txt", 30, "duplicate-passage"),
            ("p2-diocese-pension-settlement.txt", 32, "name-variant"),
            ("p3-holy-trinity-reopens.md", 30, "unattributed-quote"),
            ("p3-holy-trinity-reopens.md", 36, "duplicate-passage"),
            ("p3-holy-trinity-reopens.md", 38, "repeated-heading"),
            ("p3-holy-trinity-reopens.md", 40, "name-variant"),
            ("p4-copper-thefts.txt", 7, "first-reference"),
            ("p4-copper-thefts.txt", 11, "ambiguous-name"),
        ],
        &[
            ("p1-france-senate-vote.md", 27, "duplicate-passage"),
            ("p1-france-senate-vote.md", 31, "repeated-heading"),
            ("p1-france-senate-vote.md", 33, "ambiguous-name"),
            ("p2-greek-ferry-inquiry.txt", 10, "unattributed-quote"),
            ("p2-greek-ferry-inquiry.txt", 13, "name-variant"),
            ("p2-greek-ferry-inquiry.txt", 15, "duplicate-passage"),
            ("p3-senegal-results.md", 5, "first-reference"),
            ("p3-senegal-results.md", 25, "repeated-heading"),
            ("p3-senegal-results.md", 31, "ambiguous-name"),
            ("p4-drc-cobalt-talks.md", 5, "first-reference"),
            ("p4-drc-cobalt-talks.md", 11, "duplicate-passage"),
            ("p4-drc-cobalt-talks.md", 19, "name-variant"),
            ("p4-drc-cobalt-talks.md", 27, "unattributed-quote"),
        ],
        &[
            ("caricom-free-movement-reaction.md", 35, "name-variant"),
            ("caricom-summit-free-movement.md", 9, "duplicate-passage"),
            ("haiti-election-delay.txt", 7, "first-reference"),
            ("haiti-election-delay.txt", 23, "ambiguous-name"),
            ("haiti-election-delay.txt", 27, "unattributed-quote"),
            ("haiti-election-delay.txt", 33, "name-variant"),
            ("jamaica-port-strike.md", 9, "first-reference"),
            ("jamaica-port-strike.md", 41, "duplicate-passage"),
            ("jamaica-port-strike.md", 43, "repeated-heading"),
            ("trinidad-cricket-selection.md", 15, "ambiguous-name"),
            ("trinidad-cricket-selection.md", 25, "unattributed-quote"),
            ("trinidad-cricket-selection.md", 29, "repeated-heading"),
            ("trinidad-cricket-selection.md", 31, "duplicate-passage"),
        ],
        &[
            ("11-ariane-co2m-launch.md", 9, "first-reference"),
            ("11-ariane-co2m-launch.md", 27, "duplicate-passage"),
            ("11-ariane-co2m-launch.md", 29, "repeated-heading"),
            ("12-heat-tolerant-wheat.md", 19, "ambiguous-name"),
            ("12-heat-tolerant-wheat.md", 25, "duplicate-passage"),
            ("12-heat-tolerant-wheat.md", 29, "repeated-heading"),
            ("13-getz-ice-submarine.txt", 11, "name-variant"),
            ("13-getz-ice-submarine.txt", 13, "duplicate-passage"),
            ("13-getz-ice-submarine.txt", 17, "unattributed-quote"),
            ("13-getz-ice-submarine.txt", 25, "ambiguous-name"),
            ("14-hyper-kamiokande-filling.txt", 13, "first-reference"),
            ("14-hyper-kamiokande-filling.txt", 19, "name-variant"),
            ("14-hyper-kamiokande-filling.txt", 23, "unattributed-quote"),
        ],
        &[
            ("11-house-stopgap-spending.md", 7, "first-reference"),
            ("11-house-stopgap-spending.md", 35, "unattributed-quote"),
            ("11-house-stopgap-spending.md", 39, "repeated-heading"),
            ("11-house-stopgap-spending.md", 41, "duplicate-passage"),
            ("12-pennsylvania-senate-debate.md", 27, "name-variant"),
            ("12-pennsylvania-senate-debate.md", 31, "duplicate-passage"),
            ("12-pennsylvania-senate-debate.md", 37, "ambiguous-name"),
            ("12-pennsylvania-senate-debate.md", 39, "repeated-heading"),
            ("13-tennessee-special-session.txt", 7, "first-reference"),
            ("13-tennessee-special-session.txt", 9, "duplicate-passage"),
            ("13-tennessee-special-session.txt", 25, "unattributed-quote"),
            ("14-missouri-senator-resigns.txt", 8, "name-variant"),
            ("14-missouri-senator-resigns.txt", 11, "ambiguous-name"),
        ],
        &[
            ("p1-harvest-days.md", 7, "first-reference"),
            ("p1-harvest-days.md", 33, "unattributed-quote"),
            ("p1-harvest-days.md", 39, "duplicate-passage"),
            ("p1-harvest-days.md", 41, "repeated-heading"),
            ("p2-plum-creek-4h-sale.txt", 29, "duplicate-passage"),
            ("p2-plum-creek-4h-sale.txt", 31, "ambiguous-name"),
            ("p2-plum-creek-4h-sale.txt", 33, "name-variant"),
            ("p3-prairie-gold-groundbreaking.md", 9, "duplicate-passage"),
            (
                "p3-prairie-gold-groundbreaking.md",
                25,
                "unattributed-quote",
            ),
            ("p3-prairie-gold-groundbreaking.md", 33, "repeated-heading"),
            ("p4-wild-oats-concert.md", 5, "first-reference"),
            ("p4-wild-oats-concert.md", 25, "ambiguous-name"),
            ("p4-wild-oats-concert.md", 27, "name-variant"),
        ],
        &[
            ("archdiocese-synod.txt", 23, "ambiguous-name"),
            ("archdiocese-synod.txt", 33, "name-variant"),
            ("archdiocese-synod.txt", 35, "duplicate-passage"),
            ("church-disaffiliation.md", 9, "first-reference"),
            ("church-disaffiliation.md", 41, "repeated-heading"),
            ("church-disaffiliation.md", 47, "duplicate-passage"),
            ("church-disaffiliation.md", 49, "name-variant"),
            ("mosque-board-vote.md", 17, "unattributed-quote"),
            ("mosque-board-vote.md", 37, "repeated-heading"),
            ("mosque-expansion.md", 11, "duplicate-passage"),
            ("synagogue-vigil.md", 9, "first-reference"),
            ("synagogue-vigil.md", 27, "ambiguous-name"),
            ("synagogue-vigil.md", 33, "unattributed-quote"),
        ],
        &[
            ("guard-homecoming.txt", 13, "ambiguous-name"),
            ("guard-homecoming.txt", 17, "unattributed-quote"),
            ("korea-river-crossing-drill.md", 19, "unattributed-quote"),
            ("korea-river-crossing-drill.md", 29, "ambiguous-name"),
            ("korea-river-crossing-drill.md", 31, "duplicate-passage"),
            ("korea-river-crossing-drill.md", 33, "repeated-heading"),
            ("philippine-maritime-patrol.txt", 5, "first-reference"),
            ("philippine-maritime-patrol.txt", 23, "name-variant"),
            ("philippine-maritime-patrol.txt", 29, "duplicate-passage"),
            ("shipyard-hiring-push.md", 7, "first-reference"),
            ("shipyard-hiring-push.md", 31, "repeated-heading"),
            ("shipyard-hiring-push.md", 33, "name-variant"),
            ("uss-kessler-commissioning.md", 15, "duplicate-passage"),
        ],
        &[
            (
                "11-fairview-superintendent-contract.md",
                27,
                "unattributed-quote",
            ),
            (
                "11-fairview-superintendent-contract.md",
                31,
                "repeated-heading",
            ),
            (
                "11-fairview-superintendent-contract.md",
                33,
                "duplicate-passage",
            ),
            ("11-fairview-superintendent-contract.md", 39, "name-variant"),
            ("12-commonwealth-state-tuition.md", 9, "first-reference"),
            ("12-commonwealth-state-tuition.md", 29, "ambiguous-name"),
            ("12-commonwealth-state-tuition.md", 37, "repeated-heading"),
            ("12-commonwealth-state-tuition.md", 39, "duplicate-passage"),
            ("13-whitmore-state-march.txt", 9, "duplicate-passage"),
            ("13-whitmore-state-march.txt", 21, "name-variant"),
            ("13-whitmore-state-march.txt", 25, "unattributed-quote"),
            ("14-hillsboro-lunch-vendor.txt", 5, "first-reference"),
            ("14-hillsboro-lunch-vendor.txt", 12, "ambiguous-name"),
        ],
        &[
            ("edinburgh-fringe-roundup.md", 21, "first-reference"),
            ("edinburgh-fringe-roundup.md", 27, "repeated-heading"),
            ("edinburgh-fringe-roundup.md", 39, "duplicate-passage"),
            ("edinburgh-fringe-roundup.md", 41, "name-variant"),
            ("hayward-lena-brandt.md", 23, "ambiguous-name"),
            ("hayward-lena-brandt.md", 25, "repeated-heading"),
            ("hayward-lena-brandt.md", 29, "duplicate-passage"),
            ("met-madame-x-study-on-view.txt", 7, "duplicate-passage"),
            ("met-madame-x-study-on-view.txt", 15, "ambiguous-name"),
            ("met-madame-x-study-on-view.txt", 19, "unattributed-quote"),
            ("obituary-solveig-halvorsen.md", 13, "first-reference"),
            ("obituary-solveig-halvorsen.md", 25, "unattributed-quote"),
            ("obituary-solveig-halvorsen.md", 29, "name-variant"),
        ],
        &[
            ("p01-kemi-freight-layoffs.md", 15, "unattributed-quote"),
            ("p01-kemi-freight-layoffs.md", 35, "name-variant"),
            ("p01-kemi-freight-layoffs.md", 37, "repeated-heading"),
            ("p01-kemi-freight-layoffs.md", 41, "duplicate-passage"),
            ("p02-kubera-ai-assistant.md", 7, "first-reference"),
            ("p02-kubera-ai-assistant.md", 21, "duplicate-passage"),
            ("p02-kubera-ai-assistant.md", 27, "repeated-heading"),
            ("p02-kubera-ai-assistant.md", 29, "ambiguous-name"),
            ("p03-maya-health-class-action.txt", 7, "duplicate-passage"),
            ("p03-maya-health-class-action.txt", 15, "unattributed-quote"),
            ("p03-maya-health-class-action.txt", 23, "name-variant"),
            ("p04-lanting-heron-model.txt", 5, "first-reference"),
            ("p04-lanting-heron-model.txt", 19, "ambiguous-name"),
        ],
        &[
            ("11-fiji-cane-belt.md", 21, "ambiguous-name"),
            ("11-fiji-cane-belt.md", 37, "unattributed-quote"),
            ("11-fiji-cane-belt.md", 45, "repeated-heading"),
            ("11-fiji-cane-belt.md", 47, "name-variant"),
            ("12-lahaina-permits.txt", 5, "first-reference"),
            ("12-lahaina-permits.txt", 25, "duplicate-passage"),
            ("12-lahaina-permits.txt", 29, "duplicate-passage"),
            ("13-tonga-squad.md", 31, "repeated-heading"),
            ("13-tonga-squad.md", 35, "ambiguous-name"),
            ("13-tonga-squad.md", 41, "name-variant"),
            ("14-forum-fossil-fuels.md", 7, "first-reference"),
            ("14-forum-fossil-fuels.md", 21, "duplicate-passage"),
            ("14-forum-fossil-fuels.md", 31, "unattributed-quote"),
        ],
        &[
            ("bail-hearing-hersi.txt", 13, "ambiguous-name"),
            ("bail-hearing-hersi.txt", 21, "unattributed-quote"),
            ("bail-hearing-hersi.txt", 25, "duplicate-passage"),
            ("blotter-week-of-march-17.md", 13, "first-reference"),
            ("blotter-week-of-march-17.md", 19, "ambiguous-name"),
            ("blotter-week-of-march-17.md", 29, "repeated-heading"),
            ("blotter-week-of-march-17.md", 31, "duplicate-passage"),
            ("civil-verdict-porch-collapse.md", 9, "first-reference"),
            ("civil-verdict-porch-collapse.md", 35, "name-variant"),
            ("sentencing-delgado.md", 39, "unattributed-quote"),
            ("sentencing-delgado.md", 43, "repeated-heading"),
            ("sentencing-delgado.md", 47, "name-variant"),
            ("verdict-state-v-delgado.md", 7, "duplicate-passage"),
        ],
        &[
            ("p1-wheat-exports.md", 9, "first-reference"),
            ("p1-wheat-exports.md", 31, "unattributed-quote"),
            ("p1-wheat-exports.md", 35, "repeated-heading"),
            ("p1-wheat-exports.md", 37, "duplicate-passage"),
            ("p2-lng-gulf-coast.md", 27, "repeated-heading"),
            ("p2-lng-gulf-coast.md", 29, "duplicate-passage"),
            ("p2-lng-gulf-coast.md", 31, "ambiguous-name"),
            ("p2-lng-gulf-coast.md", 33, "name-variant"),
            ("p3-grain-handlers-harvest.txt", 11, "unattributed-quote"),
            ("p3-grain-handlers-harvest.txt", 19, "duplicate-passage"),
            ("p3-grain-handlers-harvest.txt", 23, "name-variant"),
            ("p4-potash-fertiliser.txt", 7, "first-reference"),
            ("p4-potash-fertiliser.txt", 17, "ambiguous-name"),
        ],
        &[
            ("p1.md", 9, "duplicate-passage"),
            ("p1.md", 33, "repeated-heading"),
            ("p1.md", 37, "ambiguous-name"),
            ("p1.md", 39, "name-variant"),
            ("p2.md", 9, "first-reference"),
            ("p2.md", 19, "unattributed-quote"),
            ("p2.md", 35, "repeated-heading"),
            ("p2.md", 41, "name-variant"),
            ("p3.txt", 31, "unattributed-quote"),
            ("p3.txt", 37, "ambiguous-name"),
            ("p3.txt", 39, "duplicate-passage"),
            ("p4.txt", 5, "first-reference"),
            ("p4.txt", 14, "duplicate-passage"),
        ],
        &[
            ("arsenal-dortmund-first-leg.md", 7, "first-reference"),
            ("arsenal-dortmund-first-leg.md", 21, "unattributed-quote"),
            ("arsenal-dortmund-first-leg.md", 35, "duplicate-passage"),
            ("deadline-day-roundup.md", 27, "ambiguous-name"),
            ("deadline-day-roundup.md", 35, "duplicate-passage"),
            ("deadline-day-roundup.md", 39, "name-variant"),
            ("deadline-day-roundup.md", 41, "repeated-heading"),
            ("lindqvist-cleared-for-wimbledon.txt", 9, "first-reference"),
            (
                "lindqvist-cleared-for-wimbledon.txt",
                11,
                "unattributed-quote",
            ),
            (
                "lindqvist-eastbourne-withdrawal.md",
                13,
                "duplicate-passage",
            ),
            ("wigan-st-helens-good-friday.md", 23, "ambiguous-name"),
            ("wigan-st-helens-good-friday.md", 25, "name-variant"),
            ("wigan-st-helens-good-friday.md", 33, "repeated-heading"),
        ],
        &[
            ("p1-houston-court-backlog.md", 29, "unattributed-quote"),
            ("p1-houston-court-backlog.md", 37, "repeated-heading"),
            ("p1-houston-court-backlog.md", 43, "duplicate-passage"),
            ("p1-houston-court-backlog.md", 47, "name-variant"),
            ("p2-tapachula-comar-line.txt", 9, "first-reference"),
            ("p2-tapachula-comar-line.txt", 23, "ambiguous-name"),
            ("p2-tapachula-comar-line.txt", 27, "duplicate-passage"),
            ("p3-grande-synthe-crossings.md", 13, "unattributed-quote"),
            ("p3-grande-synthe-crossings.md", 35, "ambiguous-name"),
            ("p3-grande-synthe-crossings.md", 37, "repeated-heading"),
            ("p3-grande-synthe-crossings.md", 43, "name-variant"),
            ("p4-guatemala-returnee-job-fair.md", 11, "duplicate-passage"),
            ("p4-guatemala-returnee-job-fair.md", 17, "first-reference"),
        ],
        &[
            ("p1-cuddalore-tenant-farmers.md", 23, "duplicate-passage"),
            ("p1-cuddalore-tenant-farmers.md", 29, "unattributed-quote"),
            ("p1-cuddalore-tenant-farmers.md", 33, "repeated-heading"),
            ("p1-cuddalore-tenant-farmers.md", 39, "name-variant"),
            ("p2-kolkata-ward-bypoll.txt", 11, "first-reference"),
            ("p2-kolkata-ward-bypoll.txt", 25, "duplicate-passage"),
            ("p2-kolkata-ward-bypoll.txt", 29, "ambiguous-name"),
            ("p3-margazhi-first-week.md", 15, "first-reference"),
            ("p3-margazhi-first-week.md", 33, "repeated-heading"),
            ("p3-margazhi-first-week.md", 35, "duplicate-passage"),
            ("p4-hyderabad-edtech-layoffs.md", 23, "unattributed-quote"),
            ("p4-hyderabad-edtech-layoffs.md", 31, "ambiguous-name"),
            ("p4-hyderabad-edtech-layoffs.md", 37, "name-variant"),
        ],
        &[
            ("chemo-drug-shortage.md", 11, "first-reference"),
            ("chemo-drug-shortage.md", 23, "ambiguous-name"),
            ("chemo-drug-shortage.md", 29, "duplicate-passage"),
            ("chemo-drug-shortage.md", 33, "repeated-heading"),
            ("maternity-review-east-wessex.md", 21, "unattributed-quote"),
            ("maternity-review-east-wessex.md", 44, "name-variant"),
            ("wales-ambulance-handovers.txt", 17, "ambiguous-name"),
            ("wales-ambulance-handovers.txt", 29, "duplicate-passage"),
            ("wales-ambulance-handovers.txt", 33, "repeated-heading"),
            ("zelvara-fda-advisers.md", 11, "first-reference"),
            ("zelvara-fda-advisers.md", 25, "unattributed-quote"),
            ("zelvara-fda-advisers.md", 37, "name-variant"),
            ("zelvara-kidney-trial.md", 21, "duplicate-passage"),
        ],
        &[
            ("hurricane-teodora-live.md", 30, "name-variant"),
            ("hurricane-teodora-live.md", 42, "duplicate-passage"),
            ("hurricane-teodora-live.md", 44, "repeated-heading"),
            ("mindanao-quake-wire.txt", 7, "first-reference"),
            ("mindanao-quake-wire.txt", 21, "ambiguous-name"),
            ("mindanao-quake-wire.txt", 23, "duplicate-passage"),
            ("phoenix-heat.md", 9, "first-reference"),
            ("phoenix-heat.md", 25, "name-variant"),
            ("phoenix-heat.md", 37, "unattributed-quote"),
            ("phoenix-heat.md", 47, "repeated-heading"),
            ("sawtooth-fire-day3.md", 23, "unattributed-quote"),
            ("sawtooth-fire-day3.md", 35, "ambiguous-name"),
            ("wildfire-sawtooth-evacuation.md", 47, "duplicate-passage"),
        ],
        &[
            // Not caught: library-hours.txt 23 (a bare Gallagher) and tuition-rally.md 34 (a
            // misspelling); see the desk's answer key.
            ("housing-lottery.md", 12, "first-reference"),
            ("housing-lottery.md", 34, "ambiguous-name"),
            ("housing-lottery.md", 42, "repeated-heading"),
            ("library-hours.txt", 27, "unattributed-quote"),
            ("library-hours.txt", 41, "duplicate-passage"),
            ("senate-budget.md", 10, "first-reference"),
            ("senate-budget.md", 42, "repeated-heading"),
            ("senate-budget.md", 46, "name-variant"),
            ("senate-budget.md", 48, "duplicate-passage"),
            ("tuition-rally.md", 20, "unattributed-quote"),
            ("tuition.md", 26, "duplicate-passage"),
        ],
        &[
            ("berlin-budget-row.md", 29, "name-variant"),
            ("berlin-budget-row.md", 37, "repeated-heading"),
            ("berlin-budget-row.md", 41, "ambiguous-name"),
            ("berlin-budget-row.md", 45, "duplicate-passage"),
            ("madrid-budget-defeat.md", 7, "first-reference"),
            ("madrid-budget-defeat.md", 33, "ambiguous-name"),
            ("madrid-budget-defeat.md", 35, "repeated-heading"),
            ("madrid-budget-defeat.md", 44, "duplicate-passage"),
            ("paris-senate-pensions.txt", 7, "duplicate-passage"),
            ("paris-senate-pensions.txt", 19, "unattributed-quote"),
            ("warsaw-tribunal.txt", 7, "first-reference"),
            ("warsaw-tribunal.txt", 19, "unattributed-quote"),
            ("warsaw-tribunal.txt", 29, "name-variant"),
        ],
        &[
            ("abeokuta-fuel-queues.md", 21, "name-variant"),
            ("abeokuta-fuel-queues.md", 27, "unattributed-quote"),
            ("amac-tribunal-witness.md", 11, "first-reference"),
            ("amac-tribunal-witness.md", 27, "repeated-heading"),
            ("amac-tribunal-witness.md", 37, "ambiguous-name"),
            ("asaba-studio-streaming-deal.txt", 11, "first-reference"),
            ("asaba-studio-streaming-deal.txt", 27, "unattributed-quote"),
            ("asaba-studio-streaming-deal.txt", 35, "ambiguous-name"),
            ("asaba-studio-streaming-deal.txt", 37, "duplicate-passage"),
            ("fuel-subsidy-row.md", 9, "duplicate-passage"),
            ("kisumu-half-marathon.md", 27, "duplicate-passage"),
            ("kisumu-half-marathon.md", 31, "name-variant"),
            ("kisumu-half-marathon.md", 37, "repeated-heading"),
        ],
        &[
            ("carrow-home-takeover.md", 23, "duplicate-passage"),
            ("carrow-home-takeover.md", 27, "unattributed-quote"),
            ("carrow-home-takeover.md", 35, "repeated-heading"),
            ("carrow-home-takeover.md", 39, "name-variant"),
            ("cascade-bancorp-q4-results.md", 9, "first-reference"),
            ("cascade-bancorp-q4-results.md", 36, "duplicate-passage"),
            ("cascade-bancorp-q4-results.md", 40, "name-variant"),
            ("cascade-bancorp-q4-results.md", 42, "repeated-heading"),
            ("europe-close-ecb-hold.md", 11, "first-reference"),
            ("europe-close-ecb-hold.md", 27, "ambiguous-name"),
            ("nordvik-motor-q3-results.txt", 21, "unattributed-quote"),
            ("nordvik-motor-q3-results.txt", 29, "duplicate-passage"),
            ("nordvik-motor-q3-results.txt", 35, "ambiguous-name"),
        ],
        &[
            ("p1-lawlor-trial-day-three-live.md", 28, "name-variant"),
            ("p1-lawlor-trial-day-three-live.md", 47, "repeated-heading"),
            (
                "p1-lawlor-trial-day-three-live.md",
                69,
                "unattributed-quote",
            ),
            ("p1-lawlor-trial-day-three-live.md", 78, "duplicate-passage"),
            ("p2-doherty-wrong-house-sentencing.md", 35, "ambiguous-name"),
            (
                "p2-doherty-wrong-house-sentencing.md",
                37,
                "duplicate-passage",
            ),
            (
                "p2-doherty-wrong-house-sentencing.md",
                41,
                "first-reference",
            ),
            (
                "p2-doherty-wrong-house-sentencing.md",
                47,
                "repeated-heading",
            ),
            ("p3-lindqvist-sentenced-life.txt", 12, "duplicate-passage"),
            ("p3-lindqvist-sentenced-life.txt", 20, "unattributed-quote"),
            ("p3-lindqvist-sentenced-life.txt", 32, "name-variant"),
            ("p4-warsame-arrest-briefing-live.md", 10, "first-reference"),
            ("p4-warsame-arrest-briefing-live.md", 36, "ambiguous-name"),
        ],
        &[
            ("01-obit-ray-holloway.md", 39, "ambiguous-name"),
            ("arts-weekend-nair.md", 18, "ambiguous-name"),
            ("arts-weekend-nair.md", 37, "repeated-heading"),
            ("arts-weekend-nair.md", 39, "duplicate-passage"),
            ("holloway-celebration.txt", 11, "duplicate-passage"),
            ("holloway-celebration.txt", 19, "unattributed-quote"),
            ("holloway-celebration.txt", 23, "name-variant"),
            ("obit-arthur-pennington.txt", 6, "first-reference"),
            ("obit-arthur-pennington.txt", 12, "ambiguous-name"),
            ("obit-arthur-pennington.txt", 13, "name-variant"),
            ("obit-fiona-maclennan.md", 15, "first-reference"),
            ("obit-fiona-maclennan.md", 31, "repeated-heading"),
            ("obit-fiona-maclennan.md", 35, "unattributed-quote"),
            ("obit-fiona-maclennan.md", 37, "duplicate-passage"),
        ],
        &[
            ("p1-railway-safety-debate.md", 7, "first-reference"),
            ("p1-railway-safety-debate.md", 29, "repeated-heading"),
            ("p1-railway-safety-debate.md", 31, "unattributed-quote"),
            ("p1-railway-safety-debate.md", 39, "duplicate-passage"),
            ("p2-dadar-civic-contest.txt", 17, "name-variant"),
            ("p2-dadar-civic-contest.txt", 19, "ambiguous-name"),
            ("p2-dadar-civic-contest.txt", 23, "duplicate-passage"),
            ("p3-anantam-purandar-airport.md", 15, "duplicate-passage"),
            ("p3-anantam-purandar-airport.md", 35, "repeated-heading"),
            ("p3-anantam-purandar-airport.md", 37, "name-variant"),
            ("p4-womens-t20-captaincy.md", 9, "first-reference"),
            ("p4-womens-t20-captaincy.md", 17, "ambiguous-name"),
            ("p4-womens-t20-captaincy.md", 25, "unattributed-quote"),
        ],
        &[
            ("allotment-rent-row.md", 9, "first-reference"),
            ("allotment-rent-row.md", 27, "unattributed-quote"),
            ("allotment-rent-row.md", 31, "repeated-heading"),
            ("hospital-staff-parking.md", 11, "duplicate-passage"),
            ("hospital-staff-parking.md", 36, "name-variant"),
            ("school-transport-charges.md", 33, "unattributed-quote"),
            ("school-transport-charges.md", 35, "repeated-heading"),
            ("school-transport-charges.md", 47, "name-variant"),
            ("school-transport-charges.md", 51, "duplicate-passage"),
            ("solar-farm-refused.txt", 13, "first-reference"),
            ("solar-farm-refused.txt", 39, "duplicate-passage"),
            // Not caught: solar-farm-refused.txt 43 and allotment-rent-row.md 35, `Mr Marsh`
            // and `Mr Holloway` with two men of each name: an honorific goes to the namesake
            // the story opened with (an obituary's house style).
        ],
        &[
            ("arctic-ice-free-projection.md", 9, "first-reference"),
            ("arctic-ice-free-projection.md", 27, "unattributed-quote"),
            ("arctic-ice-free-projection.md", 39, "duplicate-passage"),
            ("arctic-ice-free-projection.md", 43, "name-variant"),
            ("baltic-grey-seal-count.txt", 10, "first-reference"),
            ("baltic-grey-seal-count.txt", 31, "name-variant"),
            ("baltic-grey-seal-count.txt", 39, "ambiguous-name"),
            ("lisbon-methane-ministerial.md", 29, "ambiguous-name"),
            ("lisbon-methane-ministerial.md", 35, "duplicate-passage"),
            ("lisbon-methane-ministerial.md", 39, "repeated-heading"),
            ("salina-satellite-launch.md", 15, "duplicate-passage"),
            ("salina-satellite-launch.md", 23, "unattributed-quote"),
            ("salina-satellite-launch.md", 37, "repeated-heading"),
        ],
        &[
            ("p1-bristol-city-norwich.md", 23, "unattributed-quote"),
            ("p1-bristol-city-norwich.md", 37, "repeated-heading"),
            ("p1-bristol-city-norwich.md", 39, "name-variant"),
            ("p1-bristol-city-norwich.md", 41, "duplicate-passage"),
            ("p2-warrington-hull-kr-cup.txt", 11, "first-reference"),
            ("p2-warrington-hull-kr-cup.txt", 19, "ambiguous-name"),
            ("p2-warrington-hull-kr-cup.txt", 21, "duplicate-passage"),
            ("p3-preston-appoint-kilbride.md", 12, "first-reference"),
            ("p3-preston-appoint-kilbride.md", 26, "duplicate-passage"),
            ("p3-preston-appoint-kilbride.md", 28, "name-variant"),
            ("p4-somerset-surrey-blast.md", 17, "unattributed-quote"),
            ("p4-somerset-surrey-blast.md", 31, "ambiguous-name"),
            ("p4-somerset-surrey-blast.md", 47, "repeated-heading"),
        ],
        &[
            ("amazon-fires.md", 19, "unattributed-quote"),
            ("amazon-fires.md", 27, "duplicate-passage"),
            ("amazon-fires.md", 29, "ambiguous-name"),
            ("flamengo-signing.txt", 11, "first-reference"),
            ("flamengo-signing.txt", 29, "unattributed-quote"),
            ("flamengo-signing.txt", 37, "name-variant"),
            ("petrobras-dividends.md", 15, "first-reference"),
            ("petrobras-dividends.md", 33, "duplicate-passage"),
            ("petrobras-dividends.md", 37, "name-variant"),
            ("petrobras-dividends.md", 39, "repeated-heading"),
            ("sao-paulo-runoff.md", 47, "ambiguous-name"),
            ("sao-paulo-runoff.md", 49, "repeated-heading"),
            ("sao-paulo-runoff.md", 53, "duplicate-passage"),
        ],
        &[
            ("crewe-mosque-opening.txt", 15, "unattributed-quote"),
            ("crewe-mosque-opening.txt", 29, "ambiguous-name"),
            ("crewe-mosque-opening.txt", 33, "duplicate-passage"),
            ("hereford-synod-closures.md", 9, "first-reference"),
            ("hereford-synod-closures.md", 27, "repeated-heading"),
            ("hereford-synod-closures.md", 31, "name-variant"),
            ("hereford-synod-closures.md", 37, "duplicate-passage"),
            ("janmashtami-watford.txt", 29, "unattributed-quote"),
            ("janmashtami-watford.txt", 33, "ambiguous-name"),
            ("st-wilfrids-redress.md", 9, "first-reference"),
            ("st-wilfrids-redress.md", 27, "repeated-heading"),
            ("st-wilfrids-redress.md", 31, "name-variant"),
            ("st-wilfrids-redress.md", 37, "duplicate-passage"),
        ],
        &[
            ("argentina-pensioners-protest.md", 19, "unattributed-quote"),
            ("argentina-pensioners-protest.md", 29, "ambiguous-name"),
            ("argentina-pensioners-protest.md", 31, "repeated-heading"),
            ("argentina-pensioners-protest.md", 40, "duplicate-passage"),
            ("bolivia-fuel-shortage.txt", 7, "first-reference"),
            ("bolivia-fuel-shortage.txt", 21, "ambiguous-name"),
            ("colombia-rifles-melted.md", 13, "unattributed-quote"),
            ("colombia-rifles-melted.md", 23, "duplicate-passage"),
            ("colombia-rifles-melted.md", 27, "name-variant"),
            ("mexico-tren-maya-freight.md", 11, "first-reference"),
            ("mexico-tren-maya-freight.md", 31, "repeated-heading"),
            ("mexico-tren-maya-freight.md", 33, "name-variant"),
            ("mexico-tren-maya-freight.md", 35, "duplicate-passage"),
        ],
        &[
            ("panel-schools.md", 36, "repeated-heading"),
            ("panel-schools.md", 44, "ambiguous-name"),
            ("panel-schools.md", 46, "duplicate-passage"),
            ("podcast-rent.txt", 8, "first-reference"),
            ("podcast-rent.txt", 24, "ambiguous-name"),
            ("podcast-rent.txt", 38, "name-variant"),
            ("police-chief-qa.md", 11, "unattributed-quote"),
            ("police-chief-qa.md", 39, "repeated-heading"),
            ("police-chief-qa.md", 43, "duplicate-passage"),
            ("zoning-sentencing.md", 11, "first-reference"),
            ("zoning-sentencing.md", 15, "duplicate-passage"),
            ("zoning-sentencing.md", 29, "name-variant"),
            ("zoning-sentencing.md", 35, "unattributed-quote"),
        ],
        &[
            ("eastbridge-arbitrator-ruling.txt", 11, "duplicate-passage"),
            ("eastbridge-arbitrator-ruling.txt", 17, "unattributed-quote"),
            ("eastbridge-arbitrator-ruling.txt", 29, "name-variant"),
            ("halloran-rail-crew-size.md", 7, "first-reference"),
            ("halloran-rail-crew-size.md", 29, "ambiguous-name"),
            ("riverside-light-rail-vote.md", 7, "first-reference"),
            ("riverside-light-rail-vote.md", 27, "ambiguous-name"),
            ("riverside-light-rail-vote.md", 31, "repeated-heading"),
            ("riverside-light-rail-vote.md", 33, "duplicate-passage"),
            ("sandoval-pilots-strike-vote.md", 31, "name-variant"),
            ("sandoval-pilots-strike-vote.md", 33, "repeated-heading"),
            ("sandoval-pilots-strike-vote.md", 37, "unattributed-quote"),
            ("sandoval-pilots-strike-vote.md", 41, "duplicate-passage"),
        ],
        &[
            ("obit-morag-maclennan.md", 23, "ambiguous-name"),
            ("obit-morag-maclennan.md", 29, "unattributed-quote"),
            ("obit-morag-maclennan.md", 35, "name-variant"),
            ("oped-evening-shift.md", 19, "first-reference"),
            ("oped-evening-shift.md", 29, "unattributed-quote"),
            ("oped-evening-shift.md", 39, "duplicate-passage"),
            ("oped-late-libraries.md", 7, "duplicate-passage"),
            ("review-lamplighters.md", 9, "first-reference"),
            ("review-lamplighters.md", 35, "repeated-heading"),
            ("review-lamplighters.md", 39, "name-variant"),
            ("review-lamplighters.md", 41, "duplicate-passage"),
            ("weekend-listings-0621.md", 35, "repeated-heading"),
            ("weekend-listings-0621.md", 37, "ambiguous-name"),
        ],
        &[
            ("02-nairobi-assembly-walkout.md", 9, "first-reference"),
            ("02-nairobi-assembly-walkout.md", 33, "unattributed-quote"),
            ("02-nairobi-assembly-walkout.md", 37, "repeated-heading"),
            ("02-nairobi-assembly-walkout.md", 43, "duplicate-passage"),
            ("03-mengo-land-ruling.md", 27, "name-variant"),
            ("03-mengo-land-ruling.md", 33, "ambiguous-name"),
            ("03-mengo-land-ruling.md", 35, "repeated-heading"),
            ("03-mengo-land-ruling.md", 37, "duplicate-passage"),
            ("04-othaya-tea-blockade.txt", 7, "first-reference"),
            ("04-othaya-tea-blockade.txt", 9, "duplicate-passage"),
            ("04-othaya-tea-blockade.txt", 23, "unattributed-quote"),
            ("05-kigali-half-marathon-heat.md", 21, "name-variant"),
            ("05-kigali-half-marathon-heat.md", 31, "ambiguous-name"),
        ],
        &[
            ("11-osaka-morishita-forecast.md", 41, "duplicate-passage"),
            ("11-osaka-morishita-forecast.md", 45, "name-variant"),
            ("11-osaka-morishita-forecast.md", 47, "repeated-heading"),
            ("12-seoul-doyoung-feud.md", 9, "first-reference"),
            ("12-seoul-doyoung-feud.md", 31, "ambiguous-name"),
            ("12-seoul-doyoung-feud.md", 37, "repeated-heading"),
            ("12-seoul-doyoung-feud.md", 39, "duplicate-passage"),
            ("13-uk-country-homes-slide.md", 11, "duplicate-passage"),
            ("13-uk-country-homes-slide.md", 19, "first-reference"),
            ("13-uk-country-homes-slide.md", 29, "unattributed-quote"),
            ("13-uk-country-homes-slide.md", 41, "name-variant"),
            ("14-hongkong-tai-shing-loans.txt", 25, "unattributed-quote"),
            ("14-hongkong-tai-shing-loans.txt", 33, "ambiguous-name"),
        ],
        &[
            ("p1-garage-burglary-ring.md", 9, "first-reference"),
            ("p1-garage-burglary-ring.md", 39, "repeated-heading"),
            ("p1-garage-burglary-ring.md", 41, "duplicate-passage"),
            ("p2-grocery-arson-bail.md", 19, "unattributed-quote"),
            ("p2-grocery-arson-bail.md", 37, "ambiguous-name"),
            ("p2-grocery-arson-bail.md", 39, "duplicate-passage"),
            ("p3-mercer-family-lawsuit.txt", 14, "duplicate-passage"),
            ("p3-mercer-family-lawsuit.txt", 32, "name-variant"),
            ("p3-mercer-family-lawsuit.txt", 40, "unattributed-quote"),
            ("p4-bouncer-assault-verdict.md", 9, "first-reference"),
            ("p4-bouncer-assault-verdict.md", 33, "name-variant"),
            ("p4-bouncer-assault-verdict.md", 35, "repeated-heading"),
            ("p4-bouncer-assault-verdict.md", 41, "ambiguous-name"),
        ],
        &[
            ("p1-ucu-talks-collapse.md", 9, "duplicate-passage"),
            ("p1-ucu-talks-collapse.md", 15, "unattributed-quote"),
            ("p1-ucu-talks-collapse.md", 19, "first-reference"),
            ("p1-ucu-talks-collapse.md", 31, "name-variant"),
            ("p2-melbourne-union-levy.md", 15, "duplicate-passage"),
            ("p2-melbourne-union-levy.md", 29, "ambiguous-name"),
            ("p2-melbourne-union-levy.md", 31, "repeated-heading"),
            ("p3-jadavpur-quantum-grant.md", 7, "first-reference"),
            ("p3-jadavpur-quantum-grant.md", 21, "repeated-heading"),
            ("p3-jadavpur-quantum-grant.md", 23, "duplicate-passage"),
            ("p3-jadavpur-quantum-grant.md", 25, "name-variant"),
            ("p4-dublin-indian-students.txt", 19, "ambiguous-name"),
            ("p4-dublin-indian-students.txt", 31, "unattributed-quote"),
        ],
        &[
            ("11-dubai-airline-crew.md", 9, "first-reference"),
            ("11-dubai-airline-crew.md", 27, "duplicate-passage"),
            ("11-dubai-airline-crew.md", 29, "repeated-heading"),
            ("12-amman-water-tariffs.md", 21, "name-variant"),
            ("12-amman-water-tariffs.md", 29, "ambiguous-name"),
            ("12-amman-water-tariffs.md", 33, "duplicate-passage"),
            ("12-amman-water-tariffs.md", 43, "repeated-heading"),
            ("13-beirut-bank-audit.txt", 9, "duplicate-passage"),
            ("13-beirut-bank-audit.txt", 25, "ambiguous-name"),
            ("13-beirut-bank-audit.txt", 33, "unattributed-quote"),
            ("14-cairo-winger-transfer.md", 7, "first-reference"),
            ("14-cairo-winger-transfer.md", 29, "unattributed-quote"),
            ("14-cairo-winger-transfer.md", 41, "name-variant"),
        ],
        &[
            ("black-stars-bamako-preview.txt", 27, "ambiguous-name"),
            ("black-stars-bamako-preview.txt", 33, "name-variant"),
            ("kano-governorship-rerun.md", 7, "first-reference"),
            ("kano-governorship-rerun.md", 33, "unattributed-quote"),
            ("kano-governorship-rerun.md", 41, "duplicate-passage"),
            ("kano-governorship-rerun.md", 47, "repeated-heading"),
            ("lagos-flood-toll-rises.md", 9, "duplicate-passage"),
            ("lagos-flood-toll-rises.md", 11, "first-reference"),
            ("lagos-flood-toll-rises.md", 25, "unattributed-quote"),
            ("naira-bdc-abuja.md", 31, "ambiguous-name"),
            ("naira-bdc-abuja.md", 39, "duplicate-passage"),
            ("naira-bdc-abuja.md", 41, "repeated-heading"),
            ("naira-bdc-abuja.md", 43, "name-variant"),
        ],
        &[
            ("fiji-sevens-final.md", 31, "ambiguous-name"),
            ("fiji-sevens-final.md", 33, "repeated-heading"),
            ("fiji-sevens-final.md", 35, "duplicate-passage"),
            ("fiji-sevens-final.md", 37, "name-variant"),
            ("png-landowners-court.txt", 7, "first-reference"),
            ("png-landowners-court.txt", 23, "unattributed-quote"),
            ("samoa-seats-appeal.md", 7, "first-reference"),
            ("samoa-seats-appeal.md", 29, "ambiguous-name"),
            ("samoa-seats-appeal.md", 33, "repeated-heading"),
            ("samoa-seats-appeal.md", 39, "duplicate-passage"),
            ("tonga-nomuka-wharf.md", 17, "unattributed-quote"),
            ("tonga-nomuka-wharf.md", 29, "name-variant"),
            ("tonga-volcano-recovery.md", 15, "duplicate-passage"),
        ],
        &[
            ("11-vienna-bank-merger.md", 9, "first-reference"),
            ("11-vienna-bank-merger.md", 27, "unattributed-quote"),
            ("11-vienna-bank-merger.md", 35, "duplicate-passage"),
            ("11-vienna-bank-merger.md", 41, "repeated-heading"),
            ("12-stockholm-shipyard-stake.md", 29, "ambiguous-name"),
            ("12-stockholm-shipyard-stake.md", 31, "duplicate-passage"),
            ("12-stockholm-shipyard-stake.md", 33, "repeated-heading"),
            ("12-stockholm-shipyard-stake.md", 35, "name-variant"),
            ("13-stor-heia-lawsuit-filed.md", 11, "first-reference"),
            ("13-stor-heia-lawsuit-filed.md", 17, "duplicate-passage"),
            ("13-stor-heia-lawsuit-filed.md", 31, "unattributed-quote"),
            ("14-copenhagen-turbine-maker.txt", 25, "ambiguous-name"),
            ("14-copenhagen-turbine-maker.txt", 35, "name-variant"),
        ],
        &[
            ("11-sepsis-review.md", 7, "first-reference"),
            ("11-sepsis-review.md", 29, "duplicate-passage"),
            ("11-sepsis-review.md", 31, "repeated-heading"),
            ("11-sepsis-review.md", 35, "name-variant"),
            ("12-rsv-surge.txt", 16, "unattributed-quote"),
            ("12-rsv-surge.txt", 28, "ambiguous-name"),
            ("12-rsv-surge.txt", 40, "duplicate-passage"),
            ("13-graduate-nurses.md", 7, "first-reference"),
            ("13-graduate-nurses.md", 15, "duplicate-passage"),
            ("13-graduate-nurses.md", 27, "name-variant"),
            ("14-resident-doctors.md", 31, "unattributed-quote"),
            ("14-resident-doctors.md", 35, "repeated-heading"),
            ("14-resident-doctors.md", 37, "ambiguous-name"),
        ],
        &[
            ("11-british-gp.md", 7, "first-reference"),
            ("11-british-gp.md", 13, "duplicate-passage"),
            ("11-british-gp.md", 39, "repeated-heading"),
            ("11-british-gp.md", 63, "name-variant"),
            ("12-us-open-doubles.md", 37, "unattributed-quote"),
            ("12-us-open-doubles.md", 49, "duplicate-passage"),
            ("12-us-open-doubles.md", 51, "ambiguous-name"),
            ("13-indycar-long-beach.md", 41, "ambiguous-name"),
            ("13-indycar-long-beach.md", 43, "repeated-heading"),
            ("13-indycar-long-beach.md", 51, "duplicate-passage"),
            ("14-wimbledon.md", 13, "first-reference"),
            ("14-wimbledon.md", 31, "unattributed-quote"),
            ("14-wimbledon.md", 37, "name-variant"),
        ],
        &[
            ("11-pell-grant-lawsuit.md", 7, "first-reference"),
            ("11-pell-grant-lawsuit.md", 33, "repeated-heading"),
            ("11-pell-grant-lawsuit.md", 43, "duplicate-passage"),
            ("11-pell-grant-lawsuit.md", 49, "name-variant"),
            ("12-ohio-interrogation-bill.md", 13, "duplicate-passage"),
            ("12-ohio-interrogation-bill.md", 29, "ambiguous-name"),
            ("12-ohio-interrogation-bill.md", 37, "unattributed-quote"),
            ("13-va-contract-hearing.txt", 8, "first-reference"),
            ("13-va-contract-hearing.txt", 26, "name-variant"),
            ("13-va-contract-hearing.txt", 54, "duplicate-passage"),
            ("14-whistleblower-bill-vote.md", 31, "ambiguous-name"),
            ("14-whistleblower-bill-vote.md", 35, "repeated-heading"),
            ("14-whistleblower-bill-vote.md", 43, "unattributed-quote"),
        ],
        &[
            ("11-phillips-evening-sale.md", 15, "first-reference"),
            ("11-phillips-evening-sale.md", 29, "unattributed-quote"),
            ("11-phillips-evening-sale.md", 35, "repeated-heading"),
            ("11-phillips-evening-sale.md", 41, "duplicate-passage"),
            ("12-nobel-literature.md", 31, "ambiguous-name"),
            ("12-nobel-literature.md", 39, "duplicate-passage"),
            ("12-nobel-literature.md", 41, "name-variant"),
            ("12-nobel-literature.md", 43, "repeated-heading"),
            ("13-haddad-tripoli-market.md", 9, "first-reference"),
            ("13-haddad-tripoli-market.md", 15, "unattributed-quote"),
            ("13-haddad-tripoli-market.md", 25, "duplicate-passage"),
            ("13-haddad-tripoli-market.md", 27, "name-variant"),
            ("14-bloomberg-museum-digitisation.txt", 3, "first-reference"),
            ("14-bloomberg-museum-digitisation.txt", 23, "ambiguous-name"),
        ],
        &[
            ("11-sumy-border-evacuation.md", 9, "first-reference"),
            ("11-sumy-border-evacuation.md", 39, "unattributed-quote"),
            ("11-sumy-border-evacuation.md", 49, "repeated-heading"),
            ("11-sumy-border-evacuation.md", 53, "duplicate-passage"),
            ("12-stalowa-wola-defence-orders.md", 47, "duplicate-passage"),
            ("12-stalowa-wola-defence-orders.md", 49, "repeated-heading"),
            ("12-stalowa-wola-defence-orders.md", 51, "name-variant"),
            ("12-stalowa-wola-defence-orders.md", 59, "ambiguous-name"),
            ("13-chisinau-heating-bills.md", 33, "duplicate-passage"),
            ("13-chisinau-heating-bills.md", 51, "unattributed-quote"),
            ("13-chisinau-heating-bills.md", 59, "ambiguous-name"),
            ("14-slovakia-gas-transit-end.md", 9, "first-reference"),
            ("14-slovakia-gas-transit-end.md", 45, "name-variant"),
        ],
        &[
            ("11-ceredigion-school-closures.md", 11, "first-reference"),
            ("11-ceredigion-school-closures.md", 35, "repeated-heading"),
            ("11-ceredigion-school-closures.md", 41, "duplicate-passage"),
            ("11-ceredigion-school-closures.md", 43, "name-variant"),
            ("12-caithness-maternity.md", 31, "unattributed-quote"),
            ("12-caithness-maternity.md", 45, "ambiguous-name"),
            ("12-caithness-maternity.md", 47, "duplicate-passage"),
            ("13-carmarthen-dairy-farmers.md", 9, "first-reference"),
            ("13-carmarthen-dairy-farmers.md", 13, "duplicate-passage"),
            ("13-carmarthen-dairy-farmers.md", 31, "ambiguous-name"),
            (
                "14-orkney-inter-island-ferries.md",
                21,
                "unattributed-quote",
            ),
            ("14-orkney-inter-island-ferries.md", 35, "repeated-heading"),
            ("14-orkney-inter-island-ferries.md", 41, "name-variant"),
        ],
        &[
            ("11-nagasaki-frigate-exports.md", 9, "first-reference"),
            ("11-nagasaki-frigate-exports.md", 11, "duplicate-passage"),
            ("11-nagasaki-frigate-exports.md", 29, "repeated-heading"),
            ("11-nagasaki-frigate-exports.md", 33, "duplicate-passage"),
            ("12-hanul-aichi-battery-plant.md", 23, "unattributed-quote"),
            ("12-hanul-aichi-battery-plant.md", 33, "repeated-heading"),
            ("12-hanul-aichi-battery-plant.md", 35, "ambiguous-name"),
            ("12-hanul-aichi-battery-plant.md", 37, "duplicate-passage"),
            ("13-okada-shoji-vietnam-lng.md", 9, "first-reference"),
            ("13-okada-shoji-vietnam-lng.md", 23, "duplicate-passage"),
            ("13-okada-shoji-vietnam-lng.md", 27, "unattributed-quote"),
            ("14-keidanren-kea-meeting.md", 21, "ambiguous-name"),
            ("14-keidanren-kea-meeting.md", 29, "name-variant"),
            ("14-keidanren-kea-meeting.md", 33, "name-variant"),
        ],
        &[
            ("11-kirkwall-bird-strike.md", 11, "first-reference"),
            ("11-kirkwall-bird-strike.md", 39, "repeated-heading"),
            ("11-kirkwall-bird-strike.md", 41, "duplicate-passage"),
            ("12-oban-ferry-blackout.md", 31, "ambiguous-name"),
            ("12-oban-ferry-blackout.md", 37, "unattributed-quote"),
            ("12-oban-ferry-blackout.md", 45, "duplicate-passage"),
            ("13-orly-callsign-near-miss.md", 25, "duplicate-passage"),
            ("13-orly-callsign-near-miss.md", 35, "ambiguous-name"),
            ("13-orly-callsign-near-miss.md", 41, "unattributed-quote"),
            ("13-orly-callsign-near-miss.md", 45, "name-variant"),
            ("14-holyhead-ferry-fire.md", 9, "first-reference"),
            ("14-holyhead-ferry-fire.md", 31, "repeated-heading"),
            ("14-holyhead-ferry-fire.md", 37, "name-variant"),
        ],
        &[
            ("11-mercer-brothers-jailed.md", 21, "unattributed-quote"),
            ("11-mercer-brothers-jailed.md", 33, "ambiguous-name"),
            ("11-mercer-brothers-jailed.md", 57, "duplicate-passage"),
            ("11-mercer-brothers-jailed.md", 61, "repeated-heading"),
            ("12-prolific-shoplifter-jailed.md", 9, "first-reference"),
            ("12-prolific-shoplifter-jailed.md", 47, "repeated-heading"),
            ("12-prolific-shoplifter-jailed.md", 55, "duplicate-passage"),
            ("12-prolific-shoplifter-jailed.md", 57, "name-variant"),
            ("13-gethin-trial-day-three.md", 9, "duplicate-passage"),
            ("13-gethin-trial-day-three.md", 19, "name-variant"),
            ("13-gethin-trial-day-three.md", 29, "unattributed-quote"),
            ("14-rogue-builder-fraud.md", 9, "first-reference"),
            ("14-rogue-builder-fraud.md", 44, "ambiguous-name"),
        ],
        &[
            ("11-cbrt-reserves.md", 9, "first-reference"),
            ("11-cbrt-reserves.md", 31, "repeated-heading"),
            ("11-cbrt-reserves.md", 35, "duplicate-passage"),
            ("11-cbrt-reserves.md", 39, "name-variant"),
            ("12-majlis-impeachment.md", 31, "repeated-heading"),
            ("12-majlis-impeachment.md", 33, "duplicate-passage"),
            ("12-majlis-impeachment.md", 37, "unattributed-quote"),
            ("12-majlis-impeachment.md", 47, "ambiguous-name"),
            ("13-exporters-tehran-fair.md", 9, "first-reference"),
            ("13-exporters-tehran-fair.md", 15, "duplicate-passage"),
            ("13-exporters-tehran-fair.md", 29, "unattributed-quote"),
            ("14-gas-contract-talks.md", 35, "ambiguous-name"),
            ("14-gas-contract-talks.md", 45, "name-variant"),
        ],
        &[
            ("11-harbin-expo.md", 9, "first-reference"),
            ("11-harbin-expo.md", 29, "unattributed-quote"),
            ("11-harbin-expo.md", 33, "repeated-heading"),
            ("11-harbin-expo.md", 35, "name-variant"),
            ("11-harbin-expo.md", 37, "duplicate-passage"),
            ("12-chinese-cars-russia.md", 23, "repeated-heading"),
            ("12-chinese-cars-russia.md", 27, "name-variant"),
            ("12-chinese-cars-russia.md", 29, "ambiguous-name"),
            ("12-chinese-cars-russia.md", 37, "duplicate-passage"),
            ("13-russia-yuan-bonds.md", 9, "first-reference"),
            ("13-russia-yuan-bonds.md", 21, "duplicate-passage"),
            ("13-russia-yuan-bonds.md", 25, "unattributed-quote"),
            ("14-amur-soybeans.md", 39, "ambiguous-name"),
        ],
        &[
            ("05-milan-fashion-week.md", 7, "first-reference"),
            ("05-milan-fashion-week.md", 37, "ambiguous-name"),
            ("11-fenwick-arms-review.md", 11, "first-reference"),
            ("11-fenwick-arms-review.md", 23, "unattributed-quote"),
            ("11-fenwick-arms-review.md", 35, "repeated-heading"),
            ("11-fenwick-arms-review.md", 37, "duplicate-passage"),
            ("12-trattoria-ferrante-review.md", 29, "ambiguous-name"),
            ("12-trattoria-ferrante-review.md", 31, "repeated-heading"),
            ("12-trattoria-ferrante-review.md", 35, "duplicate-passage"),
            ("12-trattoria-ferrante-review.md", 37, "name-variant"),
            ("13-milan-fashion-week-dining.md", 9, "first-reference"),
            ("13-milan-fashion-week-dining.md", 25, "unattributed-quote"),
            ("13-milan-fashion-week-dining.md", 33, "duplicate-passage"),
            ("14-ashcombe-cellar-auction.md", 35, "ambiguous-name"),
            ("14-ashcombe-cellar-auction.md", 49, "name-variant"),
        ],
    ];
    // Every desk has its list: `zip` would drop a desk added without one.
    assert_eq!(DESKS.len(), expected.len());
    for (desk, expected) in DESKS.iter().zip(expected) {
        let (found, _) = check_json(&[&format!("{desk}/planted")]);
        let mut expected: Vec<(String, u64, String)> = expected
            .iter()
            .map(|(file, line, code)| (file.to_string(), *line, code.to_string()))
            .collect();
        expected.sort();
        assert_eq!(found, expected, "{desk}");
    }
}
