//! The parser's beam search (`train-syntax --beam K` models): a beam of one parses as the
//! greedy parser does, a wider beam always gives a tree, a small beam-trained model learns, and
//! the width travels in the model file. Needs nothing from `../shared`.

use factcheck::syntax::model::{MAX_BEAM, Model, Scratch};
use factcheck::syntax::parser::State;
use factcheck::syntax::train::{Settings, evaluate, train};
use factcheck::syntax::{Analyzer, split_sentences, tokenize};

const TEXT: &str = "Russian forces killed 12 civilians, including three children, the \
    ministry said. The Netherlands expelled 17 Russian diplomats on Tuesday. Two men who were \
    arrested in Tehran were charged with spying by a court. Hi.";

/// The words of each sentence of `TEXT`.
fn sentences() -> Vec<Vec<&'static str>> {
    split_sentences(TEXT)
        .map(|r| {
            let mut spans = Vec::new();
            tokenize(TEXT, r, &mut spans);
            spans.iter().map(|s| &TEXT[s.clone()]).collect()
        })
        .collect()
}

/// Every word has a head, and following heads from any word reaches ROOT.
fn is_tree(st: &State, n: usize) -> bool {
    (0..n).all(|start| {
        let mut k = start;
        for _ in 0..=n {
            if k == n {
                return true;
            }
            match st.heads.get(k) {
                Some(&h) if (h as usize) <= n => k = h as usize,
                _ => return false,
            }
        }
        false
    })
}

#[test]
fn a_beam_of_one_parses_as_the_greedy_parser_and_wider_beams_give_trees() {
    let model = Analyzer::new().model();
    let mut s = Scratch::default();
    for words in sentences().into_iter().chain([vec![], vec!["Hi"]]) {
        model.annotate(words.iter().copied(), &mut s);
        let n = words.len();
        let greedy = (s.state.heads[..n].to_vec(), s.state.labels[..n].to_vec());
        for k in [1, 2, 8] {
            let mut st = State::default();
            let Scratch { words: w, tags, clusters, beam, feats, scores, .. } = &mut s;
            model.parser.parse_beam(w, tags, clusters, k, beam, &mut st, feats, scores);
            assert!(is_tree(&st, n), "beam {k}: {words:?} -> {:?}", &st.heads[..n]);
            if k == 1 {
                assert_eq!((st.heads[..n].to_vec(), st.labels[..n].to_vec()), greedy, "{words:?}");
            }
        }
    }
}

#[test]
fn the_beam_width_travels_in_the_model_file() {
    let mut m = Analyzer::new().model().clone();
    m.parser.beam = 8;
    let bytes = m.to_bytes();
    let read = Model::from_bytes(&bytes).map(|m| m.parser.beam);
    assert_eq!(read, Ok(8));
    m.parser.beam = MAX_BEAM + 1;
    let err = Model::from_bytes(&m.to_bytes()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("beam width"), "{err}");
}

/// A small treebank of our own: subject, verb, object, with and without a number.
fn treebank() -> String {
    let rows = [
        ("Troops", "troop", "NOUN", "NNS", 2, "nsubj"),
        ("left", "leave", "VERB", "VBD", 0, "root"),
        ("Kyiv", "Kyiv", "PROPN", "NNP", 2, "obj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ];
    let rows2 = [
        ("Police", "police", "NOUN", "NNS", 2, "nsubj"),
        ("arrested", "arrest", "VERB", "VBD", 0, "root"),
        ("12", "12", "NUM", "CD", 4, "nummod"),
        ("men", "man", "NOUN", "NNS", 2, "obj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ];
    let mut out = String::new();
    for _ in 0..20 {
        for sent in [&rows[..], &rows2[..]] {
            for (i, (form, lemma, upos, xpos, head, rel)) in sent.iter().enumerate() {
                out += &format!(
                    "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t_\n",
                    i + 1
                );
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_beam_trained_model_learns_a_small_treebank() {
    let text = treebank();
    let settings = Settings {
        beam: 4,
        parser_iterations: 5,
        tagger_iterations: 3,
        folds: 2,
        ..Settings::default()
    };
    let model = train(&text, None, None, &settings, &mut |_| {});
    let model = match model {
        Ok(m) => m,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(model.parser.beam, 4);
    let scores = evaluate(&model, &text).map(|s| (s.uas, s.las));
    assert_eq!(scores.ok(), Some((1.0, 1.0)));
}
