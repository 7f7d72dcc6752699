//! Recognition: turns tokens into candidate names. Capitalised runs are split into title and
//! name, classified as person, organisation or place from the name itself (suffixes, the
//! gazetteer, acronyms) or its context (`the X`, `in X`, `X-based`, role nouns), and given the
//! role the story states (a title before the name, an appositive before or after it).

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{self, Flags};
use super::tokens::{self, gap, is_plain_space, Shape, Token};
use super::EntityKind;

/// How sure the kind of a candidate is; stronger evidence wins when mentions disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Evidence {
    /// Only the shape: several capitalised words, most likely a person.
    Shape,
    /// The words around it: `the X`, `in X`, a role noun such as `company`.
    Context,
    /// The name itself: a title, a suffix such as `Bank`, the gazetteer, an acronym.
    Lexical,
}

/// A possible mention of an entity, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Token indices of the name (connectors such as `de` or `of` included).
    pub tokens: Vec<usize>,
    pub range: Range<usize>,
    /// The name's words, lowercase, for surname and sub-span matching.
    pub words: Vec<String>,
    /// The lookup key: the words joined, or the gazetteer's canonical name.
    pub key: String,
    /// The name as the story writes it (datelines title-cased).
    pub display: String,
    /// Capitals here are no evidence (headings, sentence-initial words, title prefixes): it may
    /// only resolve to an entity found elsewhere or in the word lists.
    pub weak: bool,
    pub kind: Option<(EntityKind, Evidence)>,
    /// A title or role stands before it, so even one word is a full mention (`Mr. Benítez`).
    pub titled: bool,
    pub role: Option<String>,
    /// The lowercase key of a bracketed acronym that follows: `European Central Bank (ECB)`.
    pub acronym: Option<String>,
    /// Its kind came from `in X` or a list continuing one: passes on along `X, Y and Z`.
    place_cue: bool,
    /// A word for a part of a country or city follows it: `the Saltivka district`.
    pub district: bool,
    /// What follows it only an organisation has (`Leverkusen's head coach`, `Acme's chief
    /// executive`): a person by shape alone with this surname was never a person.
    pub surely_organisation: bool,
    /// A speech verb follows it: `Jordan said`.
    pub speaks: bool,
    /// An age follows it: `Freddy Choque Mamani, 46,`.
    pub aged: bool,
}

/// Finds every candidate name in `tokens`, in text order.
pub(crate) fn recognise(text: &str, tokens: &[Token]) -> Vec<Candidate> {
    let mut out = recognise_span(text, tokens, 0..tokens.len());
    pass_place_cues_along_lists(text, &mut out);
    out
}

/// The candidates whose names start in `span` of `tokens` (the tokens of whole blocks), in text
/// order, before place cues pass along lists.
///
/// Names, datelines and roles never reach across a block: every look past the block's last
/// token stops at a gap that is a paragraph break or a sentence number that differs. One look
/// decides nothing but the next block's first token's shape and flags (whether an owner that
/// ends the block is followed by a role, in `opens_description`), so the candidates of a block
/// depend only on its tokens, the text they span, and [`next_word`] after the block.
pub(crate) fn recognise_span(text: &str, tokens: &[Token], span: Range<usize>) -> Vec<Candidate> {
    let mut recogniser = Recogniser {
        text,
        tokens,
        consumed: vec![false; span.len()],
        span,
        out: Vec::new(),
    };
    recogniser.datelines();
    recogniser.runs();
    let mut out = recogniser.out;
    out.sort_by_key(|candidate| candidate.range.start);
    out
}

/// What recognising a block may read of the token after it: its shape and flags.
pub(crate) type NextWord = Option<(Shape, Flags)>;

/// The [`NextWord`] at token index `next` (the first token after a block).
pub(crate) fn next_word(tokens: &[Token], next: usize) -> NextWord {
    tokens.get(next).map(|token| (token.shape, token.flags))
}

struct Recogniser<'a, 't> {
    text: &'t str,
    tokens: &'a [Token],
    /// Which tokens of `span` a dateline took (tokens outside it are never taken).
    consumed: Vec<bool>,
    /// The tokens where names may start.
    span: Range<usize>,
    out: Vec<Candidate>,
}

/// Kinds of shop or small business that a possessive name goes before (`Wójcik's Bakery`).
#[rustfmt::skip]
const SHOPS: &[&str] = &[
    "bakery", "deli", "delicatessen", "diner", "cafe", "café", "restaurant", "pub", "tavern",
    "saloon", "grill", "bistro", "pizzeria", "taqueria", "steakhouse", "market", "grocery",
    "hardware", "pharmacy", "drugstore", "garage", "salon", "barbershop", "bookshop", "bookstore",
    "store", "shop", "stores", "farm", "farms", "dairy", "brewery", "winery", "distillery", "inn",
    "motel", "florist", "butchers", "creamery", "bagels", "donuts", "jewelers", "jewellers",
    "pizza", "kitchen", "funeral",
];

/// Institutions a possessive name goes before (`Birmingham Children's Hospital`, `King's
/// College`): the name is the institution's, not a person's.
const INSTITUTIONS: &[&str] = &[
    "hospital",
    "infirmary",
    "hospice",
    "clinic",
    "college",
    "school",
    "academy",
];

/// Sport's three-letter country codes (IOC): `Daniel Kosgei (KEN)` gives an athlete's
/// country, not the name's acronym.
#[rustfmt::skip]
const COUNTRY_CODES: &[&str] = &[
    "alg", "arg", "aus", "aut", "bah", "bar", "bel", "bra", "brn", "bul", "can", "chi", "chn",
    "col", "cro", "cub", "cze", "den", "dom", "ecu", "egy", "eri", "esp", "est", "eth", "fin",
    "fra", "gbr", "ger", "gha", "gre", "hun", "ind", "irl", "isr", "ita", "jam", "jpn", "kaz",
    "ken", "kor", "ksa", "lat", "ltu", "mar", "mex", "ned", "ngr", "nor", "nzl", "pak", "per",
    "phi", "pol", "por", "pur", "qat", "rou", "rsa", "rus", "srb", "sui", "svk", "slo", "swe",
    "tan", "tto", "tun", "tur", "uae", "uga", "ukr", "uru", "usa", "ven", "zam", "zim",
];

/// Particles that can open a surname on their own: `van der Leyen`, `de Gaulle`.
const SURNAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "del", "della", "di", "da", "du", "des", "der", "den", "ter", "ten", "le",
    "la", "al", "el", "bin", "ibn", "abu", "zu", "zur",
];

/// What the name's own words say it is.
enum Classified {
    Kind(EntityKind, Option<&'static str>),
    /// An event (`Hurricane Delia`, `World Cup`) or a role without a name (`Science
    /// Correspondent`): none of the kinds.
    NotAName,
    Unknown,
}

impl<'t> Recogniser<'_, 't> {
    fn is_consumed(&self, i: usize) -> bool {
        i.checked_sub(self.span.start)
            .and_then(|at| self.consumed.get(at))
            .is_some_and(|&taken| taken)
    }

    fn consume(&mut self, i: usize) {
        if let Some(taken) = i
            .checked_sub(self.span.start)
            .and_then(|at| self.consumed.get_mut(at))
        {
            *taken = true;
        }
    }

    fn gap(&self, i: usize) -> &'t str {
        gap(self.text, self.tokens, i)
    }

    /// The token before `i` when only spaces separate them inside one sentence.
    fn joined_before(&self, i: usize) -> Option<usize> {
        let before = i.checked_sub(1)?;
        let same_sentence = self.tokens[before].sentence == self.tokens[i].sentence;
        (same_sentence && is_plain_space(self.gap(before))).then_some(before)
    }

    // ----- datelines ---------------------------------------------------------------------

    /// `OFFENBACH, Germany —`, `MIAMI (AP) —`, `HO CHI MINH CITY —`: capitals at the start of
    /// a paragraph, then an optional region and credit, then a dash.
    fn datelines(&mut self) {
        for first in self.span.start..self.span.end.min(self.tokens.len()) {
            if self.starts_line(first) {
                self.dateline_at(first);
            }
        }
    }

    /// The first word of a block, or of a line inside a hard-wrapped one (a byline above it).
    fn starts_line(&self, i: usize) -> bool {
        i == 0
            || self.tokens[i - 1].block != self.tokens[i].block
            || self.gap(i - 1).contains(['\n', '\r'])
    }

    fn dateline_at(&mut self, first: usize) {
        let mut last = first;
        while last < self.tokens.len() && self.is_dateline_word(last) && !self.is_consumed(last) {
            let same_line =
                last == first || (self.joined_before(last).is_some() && !self.starts_line(last));
            if !same_line {
                break;
            }
            last += 1;
        }
        if last == first {
            return;
        }
        let place_end = last - 1;
        let Some(segment) = self.dateline_tail(place_end) else {
            return;
        };
        let place: Vec<usize> = (first..=place_end).collect();
        let display = title_case(&self.joined_text(&place));
        self.push_dateline_place(place, display);
        let credit_start = self
            .text
            .get(segment.clone())
            .and_then(|s| s.find('('))
            .map_or(segment.end, |at| segment.start + at);
        let region: Vec<usize> = (place_end + 1..self.tokens.len())
            .take_while(|&i| {
                self.tokens[i].range.end <= credit_start && self.tokens[i].is_name_word()
            })
            .collect();
        let region_follows_comma = self
            .text
            .get(self.tokens[place_end].end..segment.end)
            .is_some_and(|s| s.trim_start().starts_with(','));
        if region_follows_comma && !region.is_empty() {
            let display = self.display_of(&region);
            self.push_dateline_place(region, display);
        }
    }

    fn is_dateline_word(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        token.shape == Shape::Upper
            && token
                .text(self.text)
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                >= 2
            && lexicon::organisation(&token.lower(self.text)).is_none()
    }

    /// The bytes between the dateline's capitals and its dash, when the line has that shape.
    fn dateline_tail(&self, place_end: usize) -> Option<Range<usize>> {
        let start = self.tokens[place_end].end;
        let line = self.text.get(start..)?.split(['\n', '\r']).next()?;
        let window_end = line
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| i >= 100)
            .unwrap_or(line.len());
        let window = &line[..window_end];
        let dash = window
            .find(['—', '–'])
            .or_else(|| window.find(" - "))
            .or_else(|| window.find("--"))?;
        let before_dash = window[..dash].trim();
        let shaped = before_dash.is_empty() || before_dash.starts_with([',', '(']);
        (shaped && before_dash.len() <= 60).then_some(start..start + dash)
    }

    fn push_dateline_place(&mut self, tokens: Vec<usize>, display: String) {
        for &i in &tokens {
            self.consume(i);
        }
        let mut candidate = self.candidate(tokens);
        let key = lexicon::name_key(&display);
        let canonical = lexicon::place(&key);
        candidate.key = canonical.map_or(key, lexicon::name_key);
        candidate.display = display;
        candidate.kind = Some((EntityKind::Place, Evidence::Lexical));
        self.out.push(candidate);
    }

    // ----- capitalised runs --------------------------------------------------------------

    fn runs(&mut self) {
        let mut i = self.span.start;
        while i < self.span.end.min(self.tokens.len()) {
            if self.is_consumed(i) || !self.starts_run(i) {
                i += 1;
                continue;
            }
            let mut run = self.extend_run(i);
            let last = run.last().copied().unwrap_or(i);
            if run.len() > 1 && self.is_prefixed_adjective(i) {
                run.remove(0);
            }
            self.process_run(run);
            i = last + 1;
        }
    }

    /// `sub-Saharan Africa`, `post-Brexit Britain`: a capitalised word after a lowercase prefix
    /// and a hyphen is an adjective of the name after it, not that name's first word (`al-Assad`
    /// keeps its particle, and `ex-President` is a title).
    fn is_prefixed_adjective(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        let before = self.text.get(..token.range.start).unwrap_or("");
        let mut chars = before.chars().rev();
        let hyphen = chars
            .next()
            .is_some_and(|c| matches!(c, '-' | '\u{2010}' | '\u{2011}'));
        hyphen
            && chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && !token.flags.has(Flags::TITLE)
    }

    fn starts_run(&self, i: usize) -> bool {
        (self.tokens[i].is_name_word() && !self.opens_with_a_verb(i))
            || self.is_leading_particle(i)
            || self.is_given_name_month(i)
    }

    /// `founded by engineer August Brenner`, `reporter April Ryan`: a month that is also a given
    /// name, mid-sentence before a surname, after no word that puts a date there (`in August
    /// Brenner said`, `by May`, `5 June`).
    fn is_given_name_month(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const DATE_WORDS: &[&str] = &[
            "in", "on", "since", "by", "until", "till", "from", "through", "to", "during", "last",
            "next", "early", "late", "mid", "of", "this", "that", "every", "each", "before",
            "after", "between", "and", "or", "around", "about", "throughout", "into", "past",
            "the", "a", "for", "at", "as", "than", "per", "come",
        ];
        let token = &self.tokens[i];
        // Asked of every word that starts no name: nearly all stop here.
        let month_as_given = token.shape == Shape::Capitalised
            && !token.weak
            && matches!(
                &*token.lower(self.text),
                "may" | "june" | "april" | "august"
            );
        let Some(next) = self.tokens.get(i + 1).filter(|_| month_as_given) else {
            return false;
        };
        let surname_follows = next.sentence == token.sentence
            && is_plain_space(self.gap(i))
            && next.shape == Shape::Capitalised
            && next.is_name_word()
            && !next.flags.has(Flags::CALENDAR);
        let before = self.text.get(..token.range.start).unwrap_or("").trim_end();
        let word_before = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let dated = word_before.chars().any(|c| c.is_ascii_digit())
            || DATE_WORDS.contains(&word_before.to_lowercase().as_str());
        surname_follows && !before.is_empty() && !dated
    }

    /// `Born Harold Eugene Maddox on March 4, 1937` (an obituary's formula), `Read Greyline's
    /// application`, `Meet Ana Ruiz`, `Take Highway 38 west` (a link's, a sentence's or an
    /// alert's imperative), `Seeing Dimorphos fill the frame`, `Beating Arsenal` (a gerund
    /// with its object): a verb opening a
    /// sentence, not a name's first word (`Max Born`, `Piers Paul Read` mid-sentence keep it).
    fn opens_with_a_verb(&self, i: usize) -> bool {
        const VERBS: [&str; 22] = [
            "born",
            "take",
            "leave",
            "avoid",
            "stay",
            "call",
            "use",
            "read",
            "see",
            "watch",
            "listen",
            "subscribe",
            "click",
            "follow",
            "download",
            "visit",
            "contact",
            "join",
            "meet",
            "email",
            "donate",
            "register",
        ];
        let token = &self.tokens[i];
        if !token.weak || token.shape != Shape::Capitalised {
            return false;
        }
        let lower = token.lower(self.text);
        (VERBS.contains(&&*lower) || lexicon::is_gerund(&lower))
            && self.tokens.get(i + 1).is_some_and(Token::is_name_word)
    }

    /// `van der Leyen`, `de Gaulle`, `al Assad`: particles that open a surname.
    fn is_leading_particle(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        // Every surname particle is a lowercase `PARTICLE`: the flag rules out most words
        // before the list is searched.
        if token.shape != Shape::Lower
            || !token.flags.has(Flags::PARTICLE)
            || !SURNAME_PARTICLES.contains(&&*token.lower(self.text))
        {
            return false;
        }
        let mut next = i + 1;
        while next < self.tokens.len()
            && self.tokens[next].shape == Shape::Lower
            && self.tokens[next].flags.has(Flags::PARTICLE)
            && next - i < 3
        {
            next += 1;
        }
        next < self.tokens.len()
            && self.tokens[next].shape == Shape::Capitalised
            && self.tokens[next].is_name_word()
            && (i..next).all(|k| is_plain_space(self.gap(k)))
    }

    fn extend_run(&self, start: usize) -> Vec<usize> {
        let mut run = vec![start];
        let mut last = start;
        while let Some(step) = self.next_step(last, &run) {
            last = step.end.saturating_sub(1).max(last);
            run.extend(step);
        }
        run
    }

    /// The tokens that continue a name after token `j`: the next name word, or connectors and
    /// then a name word (`Bank of Spain`, `Charles de Gaulle`), or a quoted nickname skipped
    /// (`Ernesto “Netinho” Salgado`). A step is always consecutive tokens, never empty.
    fn next_step(&self, j: usize, run: &[usize]) -> Option<Range<usize>> {
        let current = &self.tokens[j];
        let next_index = j + 1;
        let next = self.tokens.get(next_index)?;
        // `Zelensky's` and `BHP-run` end a name where the written word goes on.
        let word_continues = current.end != current.range.end;
        // Sentence splitting may end a sentence after `J.K.`; a name goes on regardless.
        let initials = current.shape == Shape::Initial
            || (current.shape == Shape::Upper
                && current.text(self.text).ends_with('.')
                && !self.is_known(j));
        let same_sentence = next.sentence == current.sentence || initials;
        if self.names_a_shop(j) {
            return Some(next_index..next_index + 1);
        }
        if word_continues || self.is_consumed(next_index) || !same_sentence {
            return None;
        }
        // `Brenner Automobilwerke AG`: a firm's legal form in capitals ends its name.
        let legal_form = |token: &Token| {
            token.shape == Shape::Upper && lexicon::is_legal_form(&token.lower(self.text))
        };
        if legal_form(current) && run.len() > 1 {
            return None;
        }
        let gap = self.gap(j);
        let dateline_below = gap.contains(['\n', '\r']) && next.shape == Shape::Upper;
        if dateline_below && current.shape != Shape::Upper {
            return None;
        }
        let plural_possessive = current.text(self.text).ends_with('s')
            && matches!(gap.trim_end(), "’" | "'")
            && gap.len() > 1;
        if is_plain_space(gap) || plural_possessive || gap.trim() == "&" {
            let ends_a_firm = legal_form(next) && current.shape == Shape::Capitalised;
            if next.is_name_word() || self.is_name_month(next_index, run) || ends_a_firm {
                return Some(next_index..next_index + 1);
            }
            if let Some(step) = self.and_inside_organisation(j, run) {
                return Some(step);
            }
            return self.connectors_then_name(j);
        }
        self.nickname_then_name(j)
            .or_else(|| self.bracketed_then_surname(j, run))
    }

    /// `Wójcik's Bakery`, `Murphy's Pub`: a name in the possessive, then a kind of shop or
    /// business (or an institution), names the business, not its owner.
    fn names_a_shop(&self, j: usize) -> bool {
        let (current, Some(next)) = (&self.tokens[j], self.tokens.get(j + 1)) else {
            return false;
        };
        let shaped_as_one = current.possessive
            && current.shape == Shape::Capitalised
            && next.sentence == current.sentence
            && next.shape == Shape::Capitalised
            && !self.is_consumed(j + 1)
            && is_plain_space(self.gap(j));
        // The word is read only for the few possessives before a capitalised word.
        shaped_as_one && {
            let kind_of_place = next.lower(self.text);
            SHOPS.contains(&&*kind_of_place) || INSTITUTIONS.contains(&&*kind_of_place)
        }
    }

    /// `Lurie Children's`, `Brigham and Women's`: a name ending in the possessive of a group of
    /// people is a hospital's short name, not a person's.
    fn names_a_childrens_hospital(&self, last: usize) -> bool {
        let token = &self.tokens[last];
        token.possessive && matches!(&*token.lower(self.text), "children" | "women")
    }

    /// A token that is a known place or organisation by itself (`U.S.`, `EU`).
    fn is_known(&self, i: usize) -> bool {
        lexicon::is_known(&lexicon::name_key(self.tokens[i].text(self.text)))
    }

    /// `U.S.`, `UK`: a known place written in capitals.
    fn is_place_abbreviation(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        token.shape == Shape::Upper
            && lexicon::place(&lexicon::name_key(token.text(self.text))).is_some()
    }

    fn connectors_then_name(&self, j: usize) -> Option<Range<usize>> {
        let mut connectors = 0;
        let mut previous = j;
        let mut k = j + 1;
        while k < self.tokens.len() && connectors < 3 && self.is_connector(k, previous) {
            if !is_plain_space(self.gap(k)) {
                return None;
            }
            connectors += 1;
            previous = k;
            k += 1;
        }
        let name = self.tokens.get(k)?;
        let joins = connectors > 0 && name.is_name_word() && name.shape != Shape::Initial;
        joins.then_some(j + 1..k + 1)
    }

    /// `National Security and Defense Council`: `and` joins a common word (`Security`,
    /// `Health`) to an organisation suffix within three words, so `Zelensky and Putin` and
    /// `the Bundesbank and Rheintal Bank` stay two names. After `of` or `for` in a ministry's
    /// name it joins common words alone: `Ministry of Mining and Heavy Industry`, `Ministry of
    /// Health and Social Care`.
    fn and_inside_organisation(&self, j: usize, run: &[usize]) -> Option<Range<usize>> {
        let and = self.tokens.get(j + 1)?;
        let common_word_before = self.tokens[j].flags.has(Flags::MODIFIER);
        if and.lower(self.text) != "and"
            || and.shape != Shape::Lower
            || !common_word_before
            || !is_plain_space(self.gap(j + 1))
        {
            return None;
        }
        let in_ministry_name = run.windows(2).any(|pair| {
            matches!(&*self.tokens[pair[1]].lower(self.text), "of" | "for")
                && matches!(
                    &*self.tokens[pair[0]].lower(self.text),
                    "ministry" | "department" | "minister" | "secretary" | "secretariat"
                )
        });
        let mut k = j + 2;
        while k < self.tokens.len() && k <= j + 4 && self.tokens[k].is_name_word() {
            let common_word = self.tokens[k].flags.has(Flags::MODIFIER);
            if self.tokens[k].flags.has(Flags::ORG_SUFFIX) || (in_ministry_name && common_word) {
                return Some(j + 1..j + 3);
            }
            if !is_plain_space(self.gap(k)) {
                break;
            }
            k += 1;
        }
        None
    }

    fn is_connector(&self, k: usize, previous: usize) -> bool {
        let token = &self.tokens[k];
        let before = &self.tokens[previous];
        if token.shape != Shape::Lower || self.is_consumed(k) {
            return false;
        }
        match &*token.lower(self.text) {
            "of" | "for" => before.flags.has(Flags::OF_HEAD) && before.shape == Shape::Capitalised,
            // `Committee to Protect Journalists`, `Campaign to Protect Rural England`.
            "to" => {
                before.shape == Shape::Capitalised
                    && matches!(
                        &*before.lower(self.text),
                        "committee" | "campaign" | "coalition" | "alliance" | "movement"
                    )
            }
            // `Bank of the West`; `Hands Across the Keys`, a title-case name.
            "the" => {
                matches!(&*before.lower(self.text), "of" | "for" | "to")
                    || before.capitalised_mid_sentence
            }
            _ => token.flags.has(Flags::PARTICLE),
        }
    }

    /// `Ernesto “Netinho” Salgado`, `DeShawn “Big Shawn” Carter`: a nickname of up to three
    /// capitalised words in quotes between a first name and a surname is skipped.
    fn nickname_then_name(&self, j: usize) -> Option<Range<usize>> {
        const MAX_NICKNAME_WORDS: usize = 3;
        if !matches!(self.gap(j).trim(), "“" | "\"" | "‘" | "'") {
            return None;
        }
        let mut last = j + 1;
        while self.tokens.get(last)?.shape == Shape::Capitalised {
            let gap = self.gap(last);
            if matches!(gap.trim(), "”" | "\"" | "’" | "'") {
                let after = last + 1;
                let joins = self.tokens.get(after)?.is_name_word()
                    && gap.ends_with(char::is_whitespace)
                    && !self.is_consumed(after);
                return joins.then_some(after..after + 1);
            }
            if last - j == MAX_NICKNAME_WORDS || !is_plain_space(gap) {
                return None;
            }
            last += 1;
        }
        None
    }

    /// `Fumiko (Sato) Tanabe`, `Mary (née Ellis) Hart`, `Robert (Bob) Jones`: a maiden name or
    /// a familiar name in brackets between a first name and a surname is skipped, as an
    /// obituary writes it.
    fn bracketed_then_surname(&self, j: usize, run: &[usize]) -> Option<Range<usize>> {
        let first_name_only =
            run.len() == 1 && self.tokens[j].shape == Shape::Capitalised && !self.is_known(j);
        if !first_name_only || self.gap(j).trim() != "(" {
            return None;
        }
        let mut inside = j + 1;
        let opens_with_nee = matches!(&*self.tokens.get(inside)?.lower(self.text), "née" | "nee");
        if opens_with_nee && is_plain_space(self.gap(inside)) {
            inside += 1;
        }
        let bracketed = self.tokens.get(inside)?;
        let closing = self.gap(inside);
        let after = inside + 1;
        let surname = self.tokens.get(after)?;
        let joins = bracketed.shape == Shape::Capitalised
            && !self.is_known(inside)
            && !surname.flags.has(Flags::ORG_SUFFIX)
            && !surname.flags.has(Flags::PLACE_SUFFIX)
            && closing.trim() == ")"
            && closing.ends_with(char::is_whitespace)
            && surname.is_name_word()
            && surname.shape == Shape::Capitalised
            && !self.is_consumed(after);
        joins.then_some(after..after + 1)
    }

    /// `Theresa May`: a month inside a name, not before a date.
    fn is_name_month(&self, i: usize, run: &[usize]) -> bool {
        let token = &self.tokens[i];
        let before_number = self
            .tokens
            .get(i + 1)
            .is_some_and(|next| next.shape == Shape::Other && is_plain_space(self.gap(i)));
        let after_name = run
            .last()
            .is_some_and(|&last| self.tokens[last].shape == Shape::Capitalised);
        token.shape == Shape::Capitalised
            && matches!(
                &*token.lower(self.text),
                "may" | "june" | "april" | "august"
            )
            && after_name
            && !before_number
    }

    fn process_run(&mut self, run: Vec<usize>) {
        let in_title = run.iter().all(|&i| self.tokens[i].in_title);
        if in_title {
            self.push_weak(run);
            return;
        }
        if let Some(head) = self.title_head(&run).filter(|&head| {
            !self.named_after_a_ruler(&run)
                && !self.names_a_foreign_institution(&run)
                && !self.title_inside_a_firm_name(&run, head)
        }) {
            self.push_titled(&run, head);
            return;
        }
        self.push_name(run);
    }

    /// `Prince George Wharf`, `Queen Elizabeth Hospital`, `President Kennedy Airport`, `Sri
    /// Parthasarathy Swami Sabha`, `Queen Street`, `Premier League`: a place or institution
    /// named after a ruler or a saint (or ranked first), not the ruler with a surname.
    fn named_after_a_ruler(&self, run: &[usize]) -> bool {
        let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
            return false;
        };
        let suffix = self.tokens[last].flags;
        run.len() >= 2
            && matches!(
                &*self.tokens[first].lower(self.text),
                "king"
                    | "queen"
                    | "prince"
                    | "princess"
                    | "president"
                    | "premier"
                    | "sri"
                    | "shri"
                    | "swami"
            )
            && (suffix.has(Flags::PLACE_SUFFIX) || suffix.has(Flags::ORG_SUFFIX))
            && !suffix.has(Flags::TITLE)
    }

    /// `Brannigan Coach Lines`, `Redfern Judge Partners`: a title word between a name and the
    /// word that ends a firm's name is part of the firm's name, not a title before a surname
    /// (`ECB President Christine Lagarde` has a name after its title).
    fn title_inside_a_firm_name(&self, run: &[usize], head: usize) -> bool {
        let ends_a_firm = |&i: &usize| {
            let flags = self.tokens[i].flags;
            flags.has(Flags::ORG_SUFFIX) && !flags.has(Flags::TITLE)
        };
        let opens_with_a_name = |&i: &usize| {
            let token = &self.tokens[i];
            // `English Premier League`: a country's league, not a premier called League.
            let describing = Flags::TITLE.union(Flags::MODIFIER).union(Flags::ORG_SUFFIX);
            token.shape == Shape::Capitalised && !token.flags.has(describing)
        };
        head >= 1
            && head + 2 == run.len()
            && run.last().is_some_and(ends_a_firm)
            && run[..head].iter().all(opens_with_a_name)
    }

    /// `Universidad Mayor de San Andrés`, `Banco Central`: a Spanish, Portuguese, French or
    /// German institution's name, whose `Mayor` or `General` is no English title.
    fn names_a_foreign_institution(&self, run: &[usize]) -> bool {
        run.first().is_some_and(|&first| {
            lexicon::opens_foreign_institution(&self.tokens[first].lower(self.text))
        })
    }

    // ----- titles ------------------------------------------------------------------------

    /// The position in `run` of the last title word followed by a name: `Ukrainian President
    /// Volodymyr Zelensky`, `Chief Financial Officer Ana María Fuentes`, `Secretary of State
    /// Marco Rubio`.
    fn title_head(&self, run: &[usize]) -> Option<usize> {
        (0..run.len().saturating_sub(1)).rev().find(|&h| {
            // `GOV. MARIT HALVORSEN:`, a transcript's speaker label, is titled in capitals.
            let in_capitals = self.tokens[run[h]].shape == Shape::Upper;
            self.is_title_word(run, h)
                && run[h + 1..].iter().any(|&i| {
                    let token = &self.tokens[i];
                    (token.shape == Shape::Capitalised
                        || (in_capitals && token.shape == Shape::Upper))
                        && !token.flags.has(Flags::GENERATIONAL)
                        && !token.flags.has(Flags::TITLE)
                })
        })
    }

    fn is_title_word(&self, run: &[usize], h: usize) -> bool {
        let token = &self.tokens[run[h]];
        if !matches!(token.shape, Shape::Capitalised | Shape::Upper) {
            return false;
        }
        let lower_at = |k: usize| self.tokens[run[k]].lower(self.text);
        match &*token.lower(self.text) {
            "state" => h >= 2 && lower_at(h - 1) == "of" && lower_at(h - 2) == "secretary",
            "general" => {
                h >= 1
                    && matches!(
                        &*lower_at(h - 1),
                        "attorney"
                            | "secretary"
                            | "surgeon"
                            | "inspector"
                            | "solicitor"
                            | "director"
                            | "major"
                            | "lieutenant"
                            | "brigadier"
                    )
            }
            // `City Council Member Grace Nakamura`; not `EU Member States`.
            "member" => {
                h >= 1
                    && matches!(
                        &*lower_at(h - 1),
                        "council" | "board" | "assembly" | "committee" | "commission"
                    )
            }
            // `Special Agent in Charge Monica Ferris`: the run starts after `in`.
            "charge" => {
                let before = |back: usize| {
                    run[h]
                        .checked_sub(back)
                        .map(|i| self.tokens[i].lower(self.text))
                };
                before(1).as_deref() == Some("in") && before(2).as_deref() == Some("agent")
            }
            // `Sgt. 1st Class Derek Lomax`, `Petty Officer Second Class Ana Ruiz`.
            "class" => self.ordinal_before(run[h]).is_some(),
            _ if h == 0 && self.labels_a_full_name(run) => true,
            _ => token.flags.has(Flags::TITLE),
        }
    }

    /// The ordinal of a rank's class (`1st` of `1st Class`) joined before token `i`.
    fn ordinal_before(&self, i: usize) -> Option<usize> {
        self.joined_before(i).filter(|&before| {
            matches!(
                &*self.tokens[before].lower(self.text),
                "1st" | "2nd" | "3rd" | "first" | "second" | "third"
            )
        })
    }

    /// Where a rank ending in its class starts: `Sgt.` of `Sgt. 1st Class`, `Petty` of `Petty
    /// Officer 2nd Class`; the class itself when no ordinal is joined before it.
    fn rank_start(&self, class: usize) -> usize {
        let Some(ordinal) = self.ordinal_before(class) else {
            return class;
        };
        let mut start = ordinal;
        while let Some(before) = self.joined_before(start) {
            if self.tokens[before].shape != Shape::Capitalised || ordinal - before > 3 {
                break;
            }
            start = before;
        }
        start
    }

    /// `Republican Gordon McAllister`, `Forward Cal Dunn`, `Meteorologist Kristof Albrecht`,
    /// `Trustees Nisha Patel and Raj Patel`: a party label or a role noun (or its plural)
    /// before a first name and a surname is no part of the name. `Democratic Party`,
    /// `Independent Electoral Commission` and `Dean Phillips` keep their first word.
    fn labels_a_full_name(&self, run: &[usize]) -> bool {
        let first = &self.tokens[run[0]];
        let lower = first.lower(self.text);
        let singular = lower.strip_suffix('s').map(lexicon::flags);
        let label = first.flags.has(Flags::PARTY)
            || first.flags.has(Flags::ROLE_PERSON)
            || singular.is_some_and(|flags| flags.has(Flags::ROLE_PERSON));
        let name_only = |i: &usize| {
            let token = &self.tokens[*i];
            let not_a_name = Flags::ORG_SUFFIX
                .union(Flags::PLACE_SUFFIX)
                .union(Flags::OF_HEAD)
                .union(Flags::STOP)
                .union(Flags::TITLE);
            token.shape == Shape::Capitalised && !token.flags.has(not_a_name) && !self.is_known(*i)
        };
        // `Economist Lucía Herrera de la Fuente`: a particle may open the surname.
        let in_name = |k: usize| name_only(&run[k]) || (k >= 2 && self.is_leading_particle(run[k]));
        label && run.len() >= 3 && name_only(&run[1]) && (2..run.len()).all(in_name)
    }

    fn push_titled(&mut self, run: &[usize], head: usize) {
        let title = &run[..=head];
        let prefix: Vec<usize> = title[..head]
            .iter()
            .copied()
            .filter(|&i| {
                let flags = self.tokens[i].flags;
                !flags.has(Flags::TITLE)
                    && !flags.has(Flags::MODIFIER)
                    && !flags.has(Flags::DEMONYM)
            })
            .collect();
        // `ECB President`, `Apple CEO`: the organisation inside a title is a mention too.
        for group in self.contiguous_groups(&prefix) {
            self.push_weak(group);
        }
        let title_word = self.tokens[title[head]].lower(self.text);
        let rank_start = if title_word == "class" {
            self.rank_start(title[0])
        } else {
            title[0]
        };
        let role_start = self.extend_role_back(rank_start);
        let courtesy_only =
            head == 0 && matches!(&*title_word, "mr" | "mrs" | "ms" | "mx" | "miss");
        // `Mr.` and `Ms.` say nothing about who someone is.
        let role = (!courtesy_only).then(|| self.phrase(role_start, title[head]));
        // A party label says less than an appositive (`a two-term council member`), as an
        // honorific does.
        let honorific =
            is_honorific(&title_word) || self.tokens[title[head]].flags.has(Flags::PARTY);
        let name: Vec<usize> = run[head + 1..]
            .iter()
            .copied()
            // `President von der Leyen`: a particle opening the surname stays.
            .skip_while(|&i| self.tokens[i].shape == Shape::Lower && !self.is_leading_particle(i))
            .collect();
        if name.is_empty() {
            return;
        }
        let mut candidate = self.candidate(name);
        candidate.kind = Some((EntityKind::Person, Evidence::Lexical));
        candidate.titled = true;
        let appositive = candidate
            .tokens
            .last()
            .and_then(|&last| self.appositive_after(last))
            .map(|(phrase, _)| phrase);
        candidate.role = if honorific {
            appositive.or(role)
        } else {
            role.or(appositive)
        };
        self.out.push(candidate);
    }

    /// Extends a capitalised title back over lowercase qualifiers: `incumbent Mayor`, `former
    /// U.S. President`.
    fn extend_role_back(&self, first: usize) -> usize {
        let mut start = first;
        while let Some(before) = self.joined_before(start) {
            let token = &self.tokens[before];
            let qualifies = token.shape == Shape::Lower
                && token.flags.has(Flags::MODIFIER)
                && !token.flags.has(Flags::STOP);
            if !qualifies || first - before > 3 {
                break;
            }
            start = before;
        }
        start
    }

    fn contiguous_groups(&self, indices: &[usize]) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &i in indices {
            match groups.last_mut() {
                Some(group) if group.last() == Some(&(i.wrapping_sub(1))) => group.push(i),
                _ => groups.push(vec![i]),
            }
        }
        groups
    }

    // ----- names without a title ---------------------------------------------------------

    fn push_name(&mut self, mut run: Vec<usize>) {
        if run.len() >= 2 && self.is_party_member_noun(run[run.len() - 1]) {
            run.pop();
        }
        let (name, classified) = self.trim_and_classify(run);
        if name.is_empty() || matches!(classified, Classified::NotAName) {
            return;
        }
        let first = name[0];
        let last = name[name.len() - 1];
        let mut candidate = self.candidate(name);
        let mut kind: Option<(EntityKind, Evidence)> = None;
        if let Classified::Kind(found, canonical) = classified {
            kind = Some((found, Evidence::Lexical));
            if let Some(canonical) = canonical {
                candidate.key = lexicon::name_key(canonical);
            }
        }
        if (first..last).any(|i| self.names_a_shop(i)) || self.names_a_childrens_hospital(last) {
            kind = Some((EntityKind::Organisation, Evidence::Lexical));
        }
        let pre_role = self.role_before(first, false);
        let appositive = self.appositive_after(last);
        let pre_appositive = if pre_role.is_none() && self.ends_clause(last) {
            self.role_before(first, true)
        } else {
            None
        };
        candidate.aged = self.age_follows(last);
        let role_follows = pre_role.is_none() && pre_appositive.is_none() && appositive.is_some();
        let stated = pre_role.or(pre_appositive).or(appositive);
        if let Some((role, role_kind)) = stated {
            candidate.role = Some(role);
            candidate.titled = true;
            // `Liu Hai, a property developer`, `her publisher, Carlos Reyes`: a name shaped as
            // only people's are is a person whatever a role that companies also have says.
            let given_name_first =
                candidate.words.len() >= 2 && lexicon::is_hispanic_given_name(&candidate.words[0]);
            let role_kind = match role_kind {
                Some(EntityKind::Organisation)
                    if tokens::is_family_name_first(&candidate.words)
                        || given_name_first
                        || (role_follows && self.referred_to_as_a_person(last)) =>
                {
                    Some(EntityKind::Person)
                }
                other => other,
            };
            kind = kind.or(role_kind.map(|k| (k, Evidence::Context)));
        }
        if let Some(only) = self.company_role_after(last) {
            candidate.surely_organisation = only;
            if kind.is_none() {
                kind = Some((EntityKind::Organisation, Evidence::Context));
            }
        }
        if kind.is_none() && self.subject_of_which(first, last) {
            candidate.surely_organisation = true;
            kind = Some((EntityKind::Organisation, Evidence::Context));
        }
        // `Marchesi, the 200-year-old pastry shop`: one word described as a firm or a shop is
        // that, and no namesake person's surname.
        if first == last
            && role_follows
            && kind.is_some_and(|(found, _)| found == EntityKind::Organisation)
            && self.described_as_a_firm(last)
        {
            candidate.surely_organisation = true;
        }
        candidate.district = self.followed_by_a_district_word(last);
        if kind.is_none() {
            if let Some(found) = self.context_kind(first, last) {
                candidate.place_cue = found == EntityKind::Place;
                kind = Some((found, Evidence::Context));
            }
        }
        candidate.acronym = self.acronym_after(first, last);
        if candidate.acronym.is_some() && kind.is_none_or(|(_, e)| e != Evidence::Lexical) {
            kind = Some((EntityKind::Organisation, Evidence::Lexical));
        }
        if kind.is_none() && candidate.words.len() >= 2 {
            kind = if self.is_place_abbreviation(first) {
                // `U.S. Steel`, `UK Athletics`, Billboard's `U.S. Afrobeats` chart: no one's
                // first name is `U.S.`.
                Some((EntityKind::Organisation, Evidence::Context))
            } else if candidate
                .words
                .iter()
                .any(|word| word.contains(|c: char| c.is_ascii_digit()))
            {
                // `Qantas Airbus A380`, `Boeing 737 MAX`: a model number is in no one's name.
                Some((EntityKind::Organisation, Evidence::Context))
            } else {
                Some((EntityKind::Person, Evidence::Shape))
            };
        }
        candidate.kind = kind;
        candidate.speaks = self.speech_verb_after(last);
        let lexical = kind.is_some_and(|(_, evidence)| evidence == Evidence::Lexical);
        candidate.weak =
            candidate.tokens.len() == 1 && self.tokens[first].weak && !candidate.titled && !lexical;
        self.out.push(candidate);
    }

    /// Whether a lowercase speech verb is joined after token `last` (`Jordan said`).
    fn speech_verb_after(&self, last: usize) -> bool {
        self.tokens.get(last + 1).is_some_and(|next| {
            next.shape == Shape::Lower
                && next.flags.has(Flags::SPEECH)
                && self.joined_before(last + 1) == Some(last)
        })
    }

    /// `a Philadelphia Democrat`, `the Texas Republican`: a party member's label after a place
    /// describes a person; it is no part of a name, and no surname.
    fn is_party_member_noun(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        token.flags.has(Flags::PARTY)
            && matches!(&*token.lower(self.text), "democrat" | "republican" | "tory")
    }

    /// Drops leading demonyms and qualifiers (`Russian`, `Former`) unless the whole name is a
    /// known or suffixed organisation or place (`Ukrainian Security Council`), and classifies
    /// what is left.
    fn trim_and_classify(&self, run: Vec<usize>) -> (Vec<usize>, Classified) {
        let classified = self.classify(&run);
        if !matches!(classified, Classified::Unknown) {
            return (run, classified);
        }
        let keep_from = run
            .iter()
            .position(|&i| {
                let token = &self.tokens[i];
                // `Neighbouring Uruguay` at a sentence's start: the capital is the sentence's.
                let describing = token.weak && lexicon::is_describing_word(&token.lower(self.text));
                let qualifier = token.flags.has(Flags::DEMONYM)
                    || token.flags.has(Flags::MODIFIER)
                    || describing;
                !qualifier || token.shape == Shape::Upper
            })
            .unwrap_or(run.len());
        if keep_from == 0 {
            return (run, classified);
        }
        let rest: Vec<usize> = run[keep_from..]
            .iter()
            .copied()
            .skip_while(|&i| self.tokens[i].shape == Shape::Lower)
            .collect();
        let classified = self.classify(&rest);
        (rest, classified)
    }

    fn classify(&self, name: &[usize]) -> Classified {
        let Some((&first, &last)) = name.first().zip(name.last()) else {
            return Classified::Unknown;
        };
        let key = self.key_of(name);
        if let Some(canonical) = lexicon::place(&key) {
            return Classified::Kind(EntityKind::Place, Some(canonical));
        }
        if let Some(canonical) = lexicon::organisation(&key) {
            return Classified::Kind(EntityKind::Organisation, Some(canonical));
        }
        let (head, tail) = (&self.tokens[first], &self.tokens[last]);
        if head.flags.has(Flags::EVENT)
            || tail.flags.has(Flags::EVENT)
            || is_role_word(&tail.lower(self.text))
            || (name.len() > 1 && lexicon::is_denomination(&tail.lower(self.text)))
            || (name.len() > 1 && lexicon::is_dish_word(&head.lower(self.text)))
        {
            return Classified::NotAName;
        }
        if name.len() == 1 {
            return if self.is_acronym(first) {
                Classified::Kind(EntityKind::Organisation, None)
            } else {
                Classified::Unknown
            };
        }
        let has_of = name
            .iter()
            .any(|&i| matches!(&*self.tokens[i].lower(self.text), "of" | "for" | "to"));
        // `BBC Sport`, `Reuters Breakingviews`: a known organisation's unit or title.
        let known_head = lexicon::organisation(&lexicon::name_key(head.text(self.text))).is_some();
        // `LTO Nederland`, `ETH Zurich`, `KPMG Australia`: an acronym and a place is a body's
        // name (or its branch there); no person is so named.
        let acronym_in_place = name.len() == 2
            && self.is_acronym(first)
            && !self.is_place_abbreviation(first)
            && lexicon::place(&lexicon::name_key(tail.text(self.text))).is_some();
        // `Linley & Marsh`, `Procter & Gamble`: two names joined by `&` are a firm's.
        let has_ampersand = self
            .text
            .get(head.range.start..tail.range.end)
            .is_some_and(|written| written.contains('&'));
        let kind = if tail.flags.has(Flags::ORG_SUFFIX) || has_ampersand {
            Some(EntityKind::Organisation)
        } else if tail.flags.has(Flags::PLACE_SUFFIX) {
            Some(EntityKind::Place)
        } else if head.flags.has(Flags::ORG_PREFIX)
            || has_of
            || known_head
            || acronym_in_place
            || self.named_after_a_district(name)
        {
            Some(EntityKind::Organisation)
        } else if head.flags.has(Flags::PLACE_PREFIX) || head.flags.has(Flags::COMPASS) {
            Some(EntityKind::Place)
        } else {
            None
        };
        kind.map_or(Classified::Unknown, |kind| Classified::Kind(kind, None))
    }

    /// `Carver County Master Gardeners`, `Kansas City Chiefs`, `Imperial College London`,
    /// `Allied Joint Force Command Brunssum`: a body named after a county or city, or an
    /// institution or command named with its place; no person's name has such a word inside it.
    fn named_after_a_district(&self, name: &[usize]) -> bool {
        const DISTRICTS: [&str; 11] = [
            "county",
            "city",
            "province",
            "oblast",
            "prefecture",
            "parish",
            "college",
            "university",
            "institute",
            "command",
            "corps",
        ];
        let inner = name.get(1..name.len().saturating_sub(1)).unwrap_or(&[]);
        inner
            .iter()
            .any(|&i| DISTRICTS.contains(&&*self.tokens[i].lower(self.text)))
    }

    /// `ECB`, `BBC`, `ATDU`: two to six capitals, not a common abbreviation such as `CEO`.
    fn is_acronym(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        let letters = token
            .text(self.text)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        token.shape == Shape::Upper
            && (2..=6).contains(&letters)
            && !token.text(self.text).contains(['-', '\u{2010}', '.']) // `COVID-19`, `J.K.`
            && !token.flags.has(Flags::NOT_ACRONYM)
            && !token.flags.has(Flags::TITLE)
    }

    /// `(ECB)` right after a name defines its acronym.
    /// A sport's country code (`(KEN)`) whose first letter does not open the name is no
    /// acronym of it.
    fn acronym_after(&self, first: usize, last: usize) -> Option<String> {
        let opens = self.gap(last).trim() == "(";
        let acronym = self.tokens.get(last + 1)?;
        let closes = self.gap(last + 1).trim_start().starts_with(')');
        let lower = acronym.lower(self.text);
        let opens_the_name = |initial: Option<char>| {
            initial.is_some_and(|initial| self.tokens[first].text(self.text).starts_with(initial))
        };
        let country = COUNTRY_CODES.contains(&&*lower)
            && !opens_the_name(acronym.text(self.text).chars().next());
        (opens && closes && self.is_acronym(last + 1) && !country).then(|| lower.to_string())
    }

    /// Kind from the words around a name: `the Kremlin`, `in Istanbul`, `Santiago-based`,
    /// `the city of Offenbach`.
    fn context_kind(&self, first: usize, last: usize) -> Option<EntityKind> {
        if self.tokens[first].based
            || self.tokens[last].based
            || self.followed_by_a_district_word(last)
        {
            return Some(EntityKind::Place);
        }
        let before = self.joined_before(first)?;
        let word = &self.tokens[before];
        if word.lower(self.text) == "the" {
            return (self.acts_alone(last) || self.names_a_movement(last))
                .then_some(EntityKind::Organisation);
        }
        if word.shape == Shape::Lower && word.flags.has(Flags::PLACE_CUE) {
            return Some(EntityKind::Place);
        }
        if word.lower(self.text) == "at" && self.names_a_venue(last) {
            return Some(EntityKind::Place);
        }
        let noun = self.joined_before(before).map(|noun| &self.tokens[noun]);
        if word.lower(self.text) != "of" {
            return None;
        }
        match noun {
            Some(noun) if noun.flags.has(Flags::ROLE_PLACE) => Some(EntityKind::Place),
            // `founder of Hands Across the Keys`, `director of Pennine Rail`; not `mayor of`,
            // nor `a neighbor of Aaron Kessler`.
            Some(noun)
                if noun.flags.has(Flags::ROLE_PERSON)
                    && !governs_places(&noun.lower(self.text))
                    && !relates_people(&noun.lower(self.text)) =>
            {
                Some(EntityKind::Organisation)
            }
            _ => None,
        }
    }

    /// `the Saltivka district substation`, `in the Kherson region`, `the Sopot suburb`: a name
    /// before a lowercase word for a part of a country or city is that part's.
    fn followed_by_a_district_word(&self, last: usize) -> bool {
        let token = &self.tokens[last];
        let next = self.tokens.get(last + 1);
        !token.possessive
            && is_plain_space(self.gap(last))
            && next.is_some_and(|next| {
                next.sentence == token.sentence
                    && next.shape == Shape::Lower
                    && lexicon::is_area_word(&next.lower(self.text))
            })
    }

    /// `at Hampden Park`, `at Carnegie Hall`: a venue's last word after `at` (`at Jane Park's
    /// house` is a person's).
    fn names_a_venue(&self, last: usize) -> bool {
        const VENUES: [&str; 9] = [
            "park", "field", "fields", "arena", "garden", "gardens", "grounds", "hall", "links",
        ];
        let token = &self.tokens[last];
        !token.possessive && VENUES.contains(&&*token.lower(self.text))
    }

    /// `Andes Copper's chief executive`, `Pennine Rail's board`, `Leverkusen's head coach`: what
    /// companies and clubs have; `Some(true)` for what only they have (a person has a board,
    /// shares and employees too, never a chief executive or a head coach).
    fn company_role_after(&self, last: usize) -> Option<bool> {
        let token = &self.tokens[last];
        if !token.possessive {
            return None;
        }
        let next: Vec<Cow<'_, str>> = self.tokens[last + 1..]
            .iter()
            .take(2)
            .take_while(|next| next.sentence == token.sentence)
            .map(|next| next.lower(self.text))
            .collect();
        let next_words: Vec<&str> = next.iter().map(AsRef::as_ref).collect();
        match next_words.as_slice() {
            ["chief", "executive" | "financial" | "operating", ..]
            | ["ceo" | "cfo" | "headquarters" | "subsidiary", ..]
            // A club's: a coach has players and a squad, never a head coach.
            | ["head", "coach", ..]
            | ["sporting", "director", ..]
            | ["stadium" | "academy", ..] => Some(true),
            [
                "chairman" | "chairwoman" | "board" | "shareholders" | "employees" | "shares"
                | "stock",
                ..,
            ]
            | ["profit" | "profits" | "revenue" | "sales" | "earnings", ..] => Some(false),
            _ => None,
        }
    }

    /// `the Kremlin has`, `the Bundesbank showed`, `the Kremlin's`, `the BBC.`: the name stands
    /// as a noun of its own, not as a modifier (`the Aedes mosquito`, `the Euribor benchmark`).
    fn acts_alone(&self, last: usize) -> bool {
        let token = &self.tokens[last];
        let Some(next) = self.tokens.get(last + 1) else {
            return true;
        };
        if token.possessive || next.sentence != token.sentence || !is_plain_space(self.gap(last)) {
            return true;
        }
        next.shape != Shape::Lower
            || next.flags.has(Flags::STOP)
            || next.flags.has(Flags::SPEECH)
            || next.lower(self.text).ends_with("ed")
    }

    /// `the Hare Krishna movement`, `the Black Lives Matter movement`: the name of a movement
    /// is no person's, nor the god or slogan it is named after.
    fn names_a_movement(&self, last: usize) -> bool {
        let next = self.tokens.get(last + 1);
        next.is_some_and(|next| {
            next.sentence == self.tokens[last].sentence
                && is_plain_space(self.gap(last))
                && matches!(&*next.lower(self.text), "movement" | "movements")
        })
    }

    /// Whether the name ends a clause: a comma, stop or bracket follows, or nothing does.
    fn ends_clause(&self, last: usize) -> bool {
        let gap = self.gap(last);
        let next_sentence = self
            .tokens
            .get(last + 1)
            .is_none_or(|next| next.sentence != self.tokens[last].sentence);
        next_sentence
            || gap
                .trim_start()
                .starts_with([',', '.', ';', ')', '!', '?', '—', '–'])
    }

    // ----- roles -------------------------------------------------------------------------

    /// A role phrase ending right before token `first` (after a comma when `comma`):
    /// `Kremlin spokesperson` Dmitry Peskov, `Ukrainian Security Council chief` Rustem Umerov,
    /// `the state culture secretary`, Paulo Vieira. The word next to the name must be a role
    /// noun; the phrase extends over qualifiers, capitalised names and up to two unknown words
    /// when a boundary (a determiner, punctuation, the sentence start) confirms them.
    fn role_before(&self, first: usize, comma: bool) -> Option<(String, Option<EntityKind>)> {
        let head = first.checked_sub(1)?;
        let head_token = &self.tokens[head];
        let gap = self.gap(head);
        let separated = if comma {
            gap.trim() == "," && head_token.sentence == self.tokens[first].sentence
        } else {
            self.joined_before(first).is_some()
        };
        if !separated || head_token.shape != Shape::Lower || !head_token.flags.has(Flags::ROLE) {
            return None;
        }
        let start = self.role_start(head, comma);
        Some((self.phrase(start, head), self.role_noun_kind(head)))
    }

    /// Where the role phrase ending at `head` starts. Known words (qualifiers, role nouns,
    /// names) extend it; up to two unknown words (`tenancy lawyer`) join only when a boundary
    /// confirms the phrase: punctuation, the sentence start, a determiner or a preposition.
    fn role_start(&self, head: usize, include_determiner: bool) -> usize {
        let mut committed = head;
        let mut unknown_from: Option<usize> = None;
        let mut cursor = head;
        let confirmed = loop {
            let Some(before) = self.joined_before(cursor) else {
                break true;
            };
            if head - before > 8 {
                break false;
            }
            let token = &self.tokens[before];
            let flags = token.flags;
            let lower = token.shape == Shape::Lower;
            if lower && flags.has(Flags::DETERMINER) {
                if include_determiner {
                    committed = before;
                    unknown_from = None;
                }
                break true;
            }
            if lower && (flags.has(Flags::POSSESSIVE) || flags.has(Flags::STOP)) {
                break true;
            }
            let known = flags.has(Flags::MODIFIER) || flags.has(Flags::ROLE) || token.possessive;
            if (lower && known) || token.is_name_word() {
                committed = before;
                unknown_from = None;
            } else if matches!(token.shape, Shape::Lower | Shape::Other) {
                let unknowns = unknown_from.map_or(0, |from| committed - from);
                if unknowns >= 2 {
                    break false;
                }
                unknown_from = Some(before);
            } else {
                break true;
            }
            cursor = before;
        };
        match unknown_from {
            Some(from) if confirmed => from,
            _ => committed,
        }
    }

    /// `Rustem Umerov, the chief of the Ukrainian Security Council,` → the phrase after the
    /// comma, up to the next punctuation or relative word, when it opens like a description
    /// (a determiner, a role noun, `X's`) and names a role.
    fn appositive_after(&self, last: usize) -> Option<(String, Option<EntityKind>)> {
        let token = &self.tokens[last];
        if token.possessive || self.gap(last).trim() != "," {
            return None;
        }
        let first = last + 1;
        let opener = self.tokens.get(first)?;
        if opener.sentence != token.sentence || !self.opens_description(first) {
            return None;
        }
        let mut end = first;
        loop {
            let word = &self.tokens[end];
            if word.flags.has(Flags::SPEECH) && word.shape == Shape::Lower {
                return None;
            }
            let next = self.tokens.get(end + 1);
            let continues = next.is_some_and(|next| {
                next.sentence == word.sentence
                    && is_plain_space(self.gap(end))
                    && !(next.shape == Shape::Lower && next.flags.has(Flags::RELATIVE))
            });
            if !continues {
                break;
            }
            end += 1;
            if end - first >= 14 {
                return None;
            }
        }
        if !self.closes_appositive(end) {
            return None;
        }
        let is_role_noun = |i: usize| {
            let word = &self.tokens[i];
            word.flags.has(Flags::ROLE)
                && (word.shape == Shape::Lower || is_role_word(&word.lower(self.text)))
        };
        // `the department's program manager`: a noun in the possessive owns the role.
        let mut role_noun = (first..=end)
            .find(|&i| is_role_noun(i) && !self.tokens[i].possessive)
            .or_else(|| (first..=end).find(|&i| is_role_noun(i)))?;
        // A compound's last noun is its head: `a shop owner` is a person, `a coffee shop` not.
        while role_noun < end && is_plain_space(self.gap(role_noun)) && is_role_noun(role_noun + 1)
        {
            role_noun += 1;
        }
        if let Some(person_noun) = self.person_role_across_topic(role_noun, end) {
            role_noun = person_noun;
        }
        Some((self.phrase(first, end), self.role_noun_kind(role_noun)))
    }

    /// `a high school chemistry teacher`, `a bank fraud investigator`: an institution's noun,
    /// then up to two plain words of a subject, then a person's role noun, which heads the
    /// compound. Only a person's noun ends it: `a coffee shop selling beans` stays a shop.
    fn person_role_across_topic(&self, role_noun: usize, end: usize) -> Option<usize> {
        if self.tokens[role_noun].flags.has(Flags::ROLE_PERSON) {
            return None;
        }
        let is_plain_word = |i: usize| {
            let word = &self.tokens[i];
            word.shape == Shape::Lower && word.flags == Flags::default()
        };
        (role_noun + 1..=end.min(role_noun + 3))
            .take_while(|&i| is_plain_space(self.gap(i - 1)))
            .find(|&i| !is_plain_word(i))
            .filter(|&i| i > role_noun + 1)
            .filter(|&i| {
                let word = &self.tokens[i];
                word.shape == Shape::Lower && word.flags.has(Flags::ROLE_PERSON)
            })
    }

    /// `Freddy Choque Mamani, 46, who drives a minibus`: an age in commas after a name.
    fn age_follows(&self, last: usize) -> bool {
        let Some(age) = self.tokens.get(last + 1) else {
            return false;
        };
        let years = age.text(self.text);
        let closes = self
            .tokens
            .get(last + 2)
            .is_none_or(|_| self.gap(last + 1).starts_with([',', ')', ';']));
        age.sentence == self.tokens[last].sentence
            && self.gap(last).trim_end() == ","
            && (1..=3).contains(&years.len())
            && years.bytes().all(|b| b.is_ascii_digit())
            && closes
    }

    /// `Brendan Keogh, the developer whose testimony anchored the case, has not been charged;
    /// he testified…`: the rest of the sentence says `he` or `she` before any `it`, so the role
    /// in apposition, one that firms also hold (developer, producer, contractor), is a
    /// person's here. Not for a role before the name (`at the newspaper La Voz de Uruapan,
    /// said his colleague`), whose `he` is as often the subject's.
    fn referred_to_as_a_person(&self, last: usize) -> bool {
        let sentence = self.tokens[last].sentence;
        let rest = self.tokens[last + 1..]
            .iter()
            .take_while(|token| token.sentence == sentence);
        for token in rest {
            match &*token.lower(self.text) {
                "he" | "she" | "his" | "him" | "her" => return true,
                "it" | "its" | "they" | "their" => return false,
                _ => {}
            }
        }
        false
    }

    /// `Unison, which represents most of the county's library staff, said…`: a name opening its
    /// sentence and followed by `, which` is a thing's, never a person's (people take `who`).
    /// Not mid-sentence, where `which` may point back past the name (`the suit filed by Gary
    /// Whitlam, which claims…`).
    fn subject_of_which(&self, first: usize, last: usize) -> bool {
        let opens_sentence = first
            .checked_sub(1)
            .is_none_or(|before| self.tokens[before].sentence != self.tokens[first].sentence);
        let which_next = self.tokens.get(last + 1).is_some_and(|next| {
            next.sentence == self.tokens[last].sentence && next.lower(self.text) == "which"
        });
        opens_sentence && which_next && self.gap(last).trim_end() == ","
    }

    /// `Marchesi, the 200-year-old pastry shop on…`, `Santos, the club of Pelé`: the noun
    /// phrase right after the comma ends in a firm's or a club's noun (not `Brennan, a boarder
    /// at the school`, whose head is `boarder`; not `the firm's founder`).
    fn described_as_a_firm(&self, last: usize) -> bool {
        let mut at = last + 1;
        if self
            .tokens
            .get(at)
            .is_some_and(|t| matches!(&*t.lower(self.text), "the" | "a" | "an"))
        {
            at += 1;
        }
        let sentence = self.tokens[last].sentence;
        let mut head = None;
        while let Some(word) = self.tokens.get(at) {
            let plain = word.sentence == sentence
                && !word.flags.has(Flags::STOP)
                && matches!(word.shape, Shape::Lower | Shape::Other)
                && (head.is_none() || is_plain_space(self.gap(at - 1)));
            if !plain {
                break;
            }
            head = Some(at);
            at += 1;
        }
        head.is_some_and(|head| {
            !self.tokens[head].possessive
                && role_kind(self.tokens[head].flags) == Some(EntityKind::Organisation)
        })
    }

    /// What a role noun says its bearer is; `the former miner`, `a retired broadcaster`: a
    /// past occupation is a person's, though the bare noun may name a firm.
    fn role_noun_kind(&self, role_noun: usize) -> Option<EntityKind> {
        let kind = role_kind(self.tokens[role_noun].flags);
        let past = role_noun
            .checked_sub(1)
            .filter(|&before| is_plain_space(self.gap(before)))
            .is_some_and(|before| {
                matches!(
                    &*self.tokens[before].lower(self.text),
                    "former" | "retired" | "late" | "ex"
                )
            });
        match kind {
            Some(EntityKind::Organisation) if past => Some(EntityKind::Person),
            kind => kind,
        }
    }

    /// An appositive ends at punctuation, the sentence's end or a relative clause.
    fn closes_appositive(&self, end: usize) -> bool {
        let Some(next) = self.tokens.get(end + 1) else {
            return true;
        };
        let closing = self.gap(end).trim_start();
        next.sentence != self.tokens[end].sentence
            || closing.starts_with([',', ';', ':', ')', '(', '—', '–'])
            || (next.shape == Shape::Lower && next.flags.has(Flags::RELATIVE))
    }

    fn opens_description(&self, first: usize) -> bool {
        let token = &self.tokens[first];
        match token.shape {
            Shape::Lower => {
                token.flags.has(Flags::DETERMINER)
                    || token.flags.has(Flags::POSSESSIVE)
                    || (!token.flags.has(Flags::STOP)
                        && (token.flags.has(Flags::ROLE) || token.flags.has(Flags::MODIFIER)))
            }
            // `Andes Copper's chief executive`: a name in the possessive, then a role; or a
            // capitalised role of its own, `Science Correspondent`.
            Shape::Capitalised | Shape::Upper => {
                let leading: Vec<usize> = (first..self.tokens.len().min(first + 5))
                    .take_while(|&i| i == first || is_plain_space(self.gap(i - 1)))
                    .collect();
                let owner_then_role = leading
                    .iter()
                    .find(|&&i| self.tokens[i].possessive)
                    .is_some_and(|&owner| {
                        self.tokens.get(owner + 1).is_some_and(|next| {
                            next.shape == Shape::Lower
                                && (next.flags.has(Flags::ROLE) || next.flags.has(Flags::MODIFIER))
                        })
                    });
                let capitalised_role = leading
                    .iter()
                    .take_while(|&&i| self.tokens[i].shape == Shape::Capitalised)
                    .any(|&i| is_role_word(&self.tokens[i].lower(self.text)));
                owner_then_role || capitalised_role
            }
            _ => false,
        }
    }

    // ----- building candidates -----------------------------------------------------------

    fn push_weak(&mut self, tokens: Vec<usize>) {
        if tokens.is_empty() {
            return;
        }
        let mut candidate = self.candidate(tokens);
        candidate.weak = true;
        self.out.push(candidate);
    }

    fn candidate(&self, tokens: Vec<usize>) -> Candidate {
        let first = tokens
            .first()
            .map_or(0..0, |&i| self.tokens[i].range.clone());
        let last = tokens
            .last()
            .map_or(0..0, |&i| self.tokens[i].range.clone());
        let range = first.start..last.end.max(first.start);
        let words: Vec<String> = tokens
            .iter()
            .map(|&i| lexicon::name_key(self.tokens[i].text(self.text)))
            .collect();
        Candidate {
            key: self.key_of(&tokens),
            display: self.display_of(&tokens),
            words,
            tokens,
            range,
            weak: false,
            kind: None,
            titled: false,
            role: None,
            acronym: None,
            place_cue: false,
            district: false,
            surely_organisation: false,
            speaks: false,
            aged: false,
        }
    }

    /// The lookup key of some tokens: their words as written (periods kept, so `U.S.` and
    /// `Dr.` match the word lists), lowercase, joined by single spaces.
    fn key_of(&self, tokens: &[usize]) -> String {
        // Words never hold whitespace: for ASCII, the key is each word lowercased, built in one
        // pass that gives way to `name_key` at the first other word.
        let words = tokens.iter().map(|&i| self.tokens[i].text(self.text));
        let mut key =
            String::with_capacity(tokens.iter().map(|&i| self.tokens[i].range.len() + 1).sum());
        for word in words {
            if !word.is_ascii() {
                return lexicon::name_key(&self.joined_text(tokens));
            }
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        key
    }

    fn joined_text(&self, tokens: &[usize]) -> String {
        tokens
            .iter()
            .map(|&i| self.tokens[i].text(self.text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn display_of(&self, tokens: &[usize]) -> String {
        match (tokens.first(), tokens.last()) {
            (Some(&first), Some(&last)) => {
                self.phrase_bytes(self.tokens[first].range.start, self.tokens[last].range.end)
            }
            _ => String::new(),
        }
    }

    /// The text from token `first` to token `last` (possessive included) as one line.
    fn phrase(&self, first: usize, last: usize) -> String {
        self.phrase_bytes(self.tokens[first].range.start, self.tokens[last].end)
    }

    fn phrase_bytes(&self, start: usize, end: usize) -> String {
        let raw = self.text.get(start..end.max(start)).unwrap_or("");
        // The words joined by single spaces, then `*` and `` ` `` dropped, in one pass.
        let mut phrase = String::with_capacity(raw.len());
        for (n, word) in raw.split_whitespace().enumerate() {
            if n > 0 {
                phrase.push(' ');
            }
            phrase.extend(word.chars().filter(|&c| c != '*' && c != '`'));
        }
        phrase
    }
}

impl Candidate {
    /// A mention of a known place or organisation found inside a heading or title.
    pub(crate) fn known(
        words: Vec<String>,
        key: String,
        display: String,
        range: Range<usize>,
        kind: EntityKind,
    ) -> Candidate {
        Candidate {
            tokens: Vec::new(),
            range,
            words,
            key,
            display,
            weak: false,
            kind: Some((kind, Evidence::Lexical)),
            titled: false,
            role: None,
            acronym: None,
            place_cue: false,
            district: false,
            surely_organisation: false,
            speaks: false,
            aged: false,
        }
    }
}

/// The fields of a candidate that [`pass_place_cues_along_lists`] may change, so a memo can
/// keep a candidate as recognition left it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BeforeListPass {
    kind: Option<(EntityKind, Evidence)>,
    place_cue: bool,
    weak: bool,
}

impl Candidate {
    pub(crate) fn before_list_pass(&self) -> BeforeListPass {
        BeforeListPass {
            kind: self.kind,
            place_cue: self.place_cue,
            weak: self.weak,
        }
    }

    pub(crate) fn undo_list_pass(&mut self, before: BeforeListPass) {
        self.kind = before.kind;
        self.place_cue = before.place_cue;
        self.weak = before.weak;
    }

    /// Makes token indices and byte offsets relative to a block whose first token is
    /// `first_token` and whose content starts at `content_start`.
    pub(crate) fn make_relative(&mut self, first_token: usize, content_start: usize) {
        self.tokens
            .iter_mut()
            .for_each(|i| *i = i.saturating_sub(first_token));
        self.range = self.range.start.saturating_sub(content_start)
            ..self.range.end.saturating_sub(content_start);
    }

    /// Undoes [`Candidate::make_relative`] for the block where it now stands.
    pub(crate) fn place_in_block(&mut self, first_token: usize, content_start: usize) {
        self.tokens.iter_mut().for_each(|i| *i += first_token);
        self.range = self.range.start + content_start..self.range.end + content_start;
    }
}

/// Words that end a capitalised role and never a name: `Science Correspondent`, `Interior
/// Minister`.
fn is_role_word(word: &str) -> bool {
    matches!(
        word,
        "correspondent"
            | "editor"
            | "reporter"
            | "writer"
            | "photographer"
            | "columnist"
            | "minister"
            | "secretary"
            | "director"
            | "officer"
            | "executive"
            | "spokesman"
            | "spokesperson"
            | "spokeswoman"
            | "president"
            | "chairman"
            | "chairwoman"
            | "commissioner"
            | "ambassador"
            | "analyst"
            | "economist"
            | "ceo"
            | "cfo"
    )
}

/// Titles that honour rather than describe (`Dr.`, `Professor`): an appositive that says what
/// the person does is the better role.
pub(super) fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "dr" | "prof"
            | "professor"
            | "rev"
            | "reverend"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "hon"
            | "honourable"
            | "honorable"
            | "mr"
            | "mrs"
            | "ms"
            | "mx"
            | "miss"
    )
}

/// Nouns whose `of` names a person: `a neighbor of Aaron Kessler`, `the widow of Hector
/// Ruiz`.
fn relates_people(noun: &str) -> bool {
    let singular = noun.trim_end_matches('s');
    lexicon::FEMALE_KIN.contains(&singular)
        || lexicon::MALE_KIN.contains(&singular)
        || matches!(
            singular,
            "neighbour"
                | "neighbor"
                | "friend"
                | "colleague"
                | "relative"
                | "cousin"
                | "fiancé"
                | "fiancée"
                | "girlfriend"
                | "boyfriend"
        )
}

/// Roles whose `of` names a place: `mayor of Grimma`, `president of Ukraine`.
fn governs_places(role: &str) -> bool {
    matches!(
        role,
        "mayor"
            | "governor"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "premier"
            | "minister"
            | "president"
            | "senator"
            | "ambassador"
            | "bishop"
            | "archbishop"
            | "resident"
            | "chancellor"
            | "leader"
            | "monarch"
            | "envoy"
            | "representative"
            | "member"
    )
}

fn role_kind(flags: Flags) -> Option<EntityKind> {
    if flags.has(Flags::ROLE_PERSON) {
        Some(EntityKind::Person)
    } else if flags.has(Flags::ROLE_ORG) {
        Some(EntityKind::Organisation)
    } else if flags.has(Flags::ROLE_PLACE) {
        Some(EntityKind::Place)
    } else {
        None
    }
}

/// `in Marathon and Key Largo`, `in Leeds, Manchester and Sheffield`: a place cue covers the
/// whole list after it.
pub(crate) fn pass_place_cues_along_lists(text: &str, candidates: &mut [Candidate]) {
    for i in 1..candidates.len() {
        let (before, after) = candidates.split_at_mut(i);
        let previous = &before[i - 1];
        let current = &mut after[0];
        let between = text
            .get(previous.range.end..current.range.start)
            .unwrap_or("")
            .trim();
        let listed = matches!(between, "," | "and" | "or" | ", and" | ", or");
        let open_kind = current
            .kind
            .is_none_or(|(_, evidence)| evidence == Evidence::Shape);
        let previous_is_place = previous
            .kind
            .is_some_and(|(kind, _)| kind == EntityKind::Place);
        // A known place passes its kind only to one unknown word (`Newcastle and Hull`); a cue
        // such as `in` covers whole names (`in Marathon and Key Largo`).
        let passes = previous.place_cue || (previous_is_place && current.words.len() == 1);
        if passes && listed && open_kind && !current.titled && current.role.is_none() {
            current.kind = Some((EntityKind::Place, Evidence::Context));
            current.place_cue = true;
            current.weak = false;
        }
    }
}

/// `HO CHI MINH CITY` → `Ho Chi Minh City`.
fn title_case(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    let mut at_word_start = true;
    for c in words.chars() {
        if at_word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        at_word_start = c.is_whitespace() || c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_particles_carry_the_particle_flag() {
        // `is_leading_particle` checks the flag before searching the list.
        for particle in SURNAME_PARTICLES {
            assert!(lexicon::flags(particle).has(Flags::PARTICLE), "{particle}");
        }
    }
}
