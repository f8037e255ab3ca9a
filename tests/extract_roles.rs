//! Role assignment, one short sentence a case (fixtures, not article text): the text and the
//! claim lines it must give for its predicates, exactly (the set of facts, printed with
//! canonical names, in text order).

mod common;

use common::{article, extractor};
use factcheck::lang::display::fact_line;
use factcheck::model::PartialDate;

fn facts(text: &str, dateline: Option<PartialDate>) -> Vec<String> {
    let ex = extractor();
    ex.extract(&article(text, dateline)).iter().map(|f| fact_line(f, ex.lexicon())).collect()
}

#[track_caller]
fn case(text: &str, expected: &[&str]) {
    assert_eq!(facts(text, None), expected, "text: {text}");
}

#[test]
fn active_voice_and_tenses() {
    case("Poland expelled 45 Russian diplomats.", &["Poland expelled 45 Russia"]);
    case("Russia is expelling 36 diplomats.", &["Russia expelled 36"]);
    case("Poland will expel 12 Russian diplomats.", &["Poland expelled 12 Russia"]);
    case("Belgium has decided to expel 21 Russian diplomats.", &["Belgium expelled 21 Russia"]);
    case("The US had expelled 12 Russian diplomats.", &["United States expelled 12 Russia"]);
}

#[test]
fn passive_voice() {
    case("29 Chadian soldiers were killed.", &["_ killed 29 Chad"]);
    case("Twelve Russian diplomats were expelled by Poland.", &["Poland expelled 12 Russia"]);
    case(
        "\"21 diplomats from Belgium and 15 from the Netherlands will be expelled,\" the Russian foreign ministry said.",
        &["Russia expelled 21 Belgium", "Russia expelled 15 Netherlands"],
    );
}

#[test]
fn nouns() {
    case(
        "Germany and France announced expulsions of 75 Russian diplomats.",
        &["France and Germany expelled 75 Russia"],
    );
    case(
        "The expulsion of 17 diplomats from the Netherlands was announced by the Dutch foreign minister.",
        &["Netherlands expelled 17"],
    );
}

#[test]
fn from_x_both_readings() {
    // X is whose diplomats: someone else expels.
    case(
        "Russia is expelling 15 diplomats from the Netherlands.",
        &["Russia expelled 15 Netherlands"],
    );
    // X is the expeller: the noun has no other agent.
    case("The expulsion of 17 diplomats from the Netherlands.", &["Netherlands expelled 17"]);
    // X is the subject itself: the place they are expelled from.
    case("Russia will expel US diplomats from Moscow.", &["Russia expelled United States"]);
}

#[test]
fn coordination_and_totals() {
    case(
        "The Netherlands and Belgium expelled a total of 38 diplomats.",
        &["Belgium and Netherlands expelled 38"],
    );
    case(
        "Germany, France and Italy expelled 12 Russian diplomats.",
        &["France, Germany and Italy expelled 12 Russia"],
    );
}

#[test]
fn capitals_and_demonyms_as_actors() {
    case("Moscow expelled 10 Polish diplomats.", &["Russia expelled 10 Poland"]);
    case(
        "The Russian foreign ministry expelled 5 Dutch diplomats.",
        &["Russia expelled 5 Netherlands"],
    );
}

#[test]
fn negation_and_modality() {
    case(
        "Britain has not expelled any Russian diplomats.",
        &["United Kingdom not expelled Russia"],
    );
    // Refusals are denials (issue 9): a negated fact, without a count.
    case("Britain declined to expel Russian diplomats.", &["United Kingdom not expelled Russia"]);
    case("Britain refused to expel 10 Russian diplomats.", &["United Kingdom not expelled Russia"]);
    case(
        "Italy and Spain have so far declined to expel Russian diplomats.",
        &["Italy and Spain not expelled Russia"],
    );
    for text in [
        "Czech officials urged Romania to expel Russian diplomats.",
        "Expulsions of Russian diplomats by Hungary would only invite retaliation.",
        "Britain threatened to expel 10 Russian diplomats.",
        "Ukraine called for the expulsion of Russian diplomats.",
        "Britain could expel 10 Russian diplomats.",
        "Britain would expel 10 Russian diplomats.",
        "Will Britain expel 10 Russian diplomats?",
        "If Britain expelled 10 Russian diplomats, Russia would retaliate.",
    ] {
        let got = facts(text, None);
        assert!(got.iter().all(|f| !f.contains("expelled")), "{text}: {got:?}");
    }
}

#[test]
fn object_prepositions() {
    case("Britain withdrew four diplomats from Iran.", &["United Kingdom withdrew 4 Iran"]);
    case("The US deployed 3,000 troops to Poland.", &["United States deployed 3000 Poland"]);
}

#[test]
fn dates() {
    let d = Some(PartialDate::ymd(2022, 3, 29));
    assert_eq!(
        facts("The Netherlands on Tuesday expelled 17 Russian diplomats.", d),
        ["Netherlands expelled 17 Russia 2022-03-29"]
    );
    // No date of its own: no date (the dateline is not stamped on it).
    assert_eq!(
        facts("The Netherlands expelled 17 Russian diplomats.", d),
        ["Netherlands expelled 17 Russia"]
    );
    assert_eq!(
        facts("Russia on Friday (April 15) expelled 18 EU diplomats.", None),
        ["Russia expelled 18 European Union --04-15"]
    );
}

#[test]
fn layout() {
    // ALL-CAPS headline, hard-wrapped lines, abbreviations, paragraphs run together.
    case("POLAND EXPELS 45 RUSSIAN DIPLOMATS\n\nBody.", &["Poland expelled 45 Russia"]);
    case(
        "Mr. Smith said the U.S. had expelled\n12 Russian diplomats on\nFriday.",
        &["United States expelled 12 Russia"],
    );
    case("It rained.Poland expelled 45 Russian diplomats.", &["Poland expelled 45 Russia"]);
}

#[test]
fn gapping() {
    case(
        "Poland has expelled 45 Russian diplomats, Germany 40, France 35 and the Netherlands 17.",
        &[
            "Poland expelled 45 Russia",
            "Germany expelled 40 Russia",
            "France expelled 35 Russia",
            "Netherlands expelled 17 Russia",
        ],
    );
}

#[test]
fn reuters_dateline_is_not_the_facts_date() {
    let d = Some(PartialDate::ymd(1987, 3, 20));
    assert_eq!(
        facts(
            "MANILA, March 20 - Communist rebels killed 18 soldiers on\nMindanao island, the army said.",
            d
        ),
        ["_ killed 18"]
    );
}

#[test]
fn one_person_counts_one() {
    case("An Iranian official was arrested in London.", &["United Kingdom arrested 1 Iran"]);
    case("A second US Marine has been charged with spying.", &["_ charged 1 United States"]);
    case("BLACK POLICEMAN KILLED IN SOWETO", &["_ killed 1"]);
    case("Police detained a worker in Istanbul.", &["_ arrested 1"]);
    // Plural heads and active verbs keep their own reading.
    case("Police detained two workers in Istanbul.", &["_ arrested 2"]);
    case("A soldier killed 3 civilians.", &["_ killed 3"]);
}

#[test]
fn age_after_a_name_is_one_person() {
    case("Marine Cpl. Arnold Bracy, 21, was charged with espionage.", &["_ charged 1"]);
}

#[test]
fn object_preposition_before_a_count() {
    case(
        "Australia was imposing sanctions on 67 Russians over the invasion.",
        &["Australia sanctioned 67 Russia"],
    );
    // A count of places is not a count of targets.
    case("Nato deployed troops to 8 countries.", &["NATO deployed"]);
}

#[test]
fn sanctions_as_a_noun_after_of_or_for() {
    case(
        "Ukraine's president said the new package of western sanctions against Russia was not enough.",
        &[],
    );
    case("Budapest did not support proposals for European energy sanctions against Russia.", &[]);
}

#[test]
fn said_today_dates_the_statement() {
    case(
        "Chad's military high command said today troops killed 1,269 Libyan soldiers.",
        &["Chad killed 1269 Libya"],
    );
}

#[test]
fn passive_patient_is_the_nearest_clause() {
    // `died` with the cue `blast` is a killing (rules/predicates.claims, `cued`).
    case("Four people died and 40 were injured in the blast.", &["_ killed 4", "_ wounded 40"]);
}

#[test]
fn object_carried_from_the_sentence_before() {
    case(
        "Poland expelled 45 Russian diplomats. Belgium expelled 21.",
        &["Poland expelled 45 Russia", "Belgium expelled 21 Russia"],
    );
    // Never the subject's own people.
    case(
        "Czechia expelled 18 Russian diplomats. Russia expelled 20.",
        &["Czech Republic expelled 18 Russia", "Russia expelled 20"],
    );
}

#[test]
fn coordinated_places_after_an_object_preposition() {
    case(
        "Nato dispatched battalions to Romania, Bulgaria and Slovakia.",
        &["NATO deployed Romania", "NATO deployed Bulgaria", "NATO deployed Slovakia"],
    );
}

#[test]
fn cued_deaths_and_the_speaker_as_source() {
    // A death is a killing only with a violence cue in the sentence.
    case("Four people died in the blast.", &["_ killed 4"]);
    case("The ferry capsized and 26 people died.", &[]);
    // Whoever reports the dead is not the killer.
    case("Separatist officials said 300 people had been killed.", &["_ killed 300"]);
}

#[test]
fn verbs_joined_by_or_share_an_upper_bound() {
    case(
        "Iranian forces killed or wounded 1,500 Iraqi soldiers.",
        &["Iran killed <=1500 Iraq", "Iran wounded <=1500 Iraq"],
    );
    case(
        "It said 1,200 Iraqis were killed or wounded near the lake.",
        &["_ killed <=1200 Iraq", "_ wounded <=1200 Iraq"],
    );
    // A lower bound bounds neither verb: none may have been killed.
    case("Iraq lost at least 3,000 men killed or wounded.", &["_ killed Iraq", "_ wounded Iraq"]);
    // `and` is not `or`: each verb keeps its own count.
    case(
        "Chadian troops killed 384 Libyans and captured 48 in the fighting.",
        &["Chad killed 384 Libya", "Chad captured 48 Libya"],
    );
}

#[test]
fn the_state_where_an_act_of_state_happened() {
    case("Two Britons were taken into custody in Tehran.", &["Iran arrested 2 United Kingdom"]);
    case("Three Russian diplomats in Sweden were expelled.", &["Sweden expelled 3 Russia"]);
    // Never for violence.
    case("Two Britons were killed in Iraq.", &["_ killed 2 United Kingdom"]);
    // A people with `the` right before its verb stands for its state; one person does not.
    case("The Czechs have expelled one Russian diplomat.", &["Czech Republic expelled 1 Russia"]);
    case("The Italian has expelled two players.", &["_ expelled 2"]);
}

#[test]
fn agents_and_single_people() {
    // `by` + a demonym with an agent noun.
    case("The mayor, Oleg Petrenko, was detained by Russian forces.", &["Russia arrested 1"]);
    // The one person a `who was` clause is about.
    case(
        "Prosecutors said Smith, who was arrested in 2019, had pleaded guilty.",
        &["_ arrested 1 _ 2019"],
    );
    // An agent noun's origin is the agent, not the state that complains.
    case(
        "Pakistan said planes from Afghanistan bombed two villages, killing 12 people.",
        &["Afghanistan killed 12"],
    );
}

#[test]
fn dates_of_when_clauses_and_anaphors() {
    let d = Some(PartialDate::ymd(2022, 3, 29));
    // A `when` clause after a date is that date's (`since X` as X).
    assert_eq!(
        facts("Fighting has raged since 3 January, when rebels killed 40 soldiers.", d),
        ["_ killed 40 _ 2022-01-03"]
    );
    // `That year` is the year of the last date stated before it.
    assert_eq!(
        facts("The border closed in 2019. That year, police arrested 300 protesters.", d),
        ["_ arrested 300 _ 2019"]
    );
}
