//! Property tests: every calculator over its whole declared input domain (and beyond it)
//! never panics and never returns a non-finite number or a negative volume; round trips
//! return their input; the text readers never panic on any input.

use benchmate_core::calc::{self, InputKind, InputValue, Inputs, Outcome};
use benchmate_core::units::{self, analyte};
use proptest::prelude::*;

/// Random draws for one input: where in its range, whether it is given, which option.
type Draw = (f64, bool, usize);

/// Builds inputs for calculator `index` from draws; `inside` keeps quantities in range.
fn inputs_from(index: usize, draws: &[Draw], wild: &[f64]) -> (&'static str, Inputs) {
    let calculator = calc::registry()[index % calc::registry().len()];
    let mut inputs = Inputs::new();
    for (i, spec) in calculator.inputs.iter().enumerate() {
        let (fraction, given, pick) = draws[i % draws.len()];
        if !given && !spec.required {
            continue;
        }
        let value = match spec.kind {
            InputKind::Quantity { min, max, .. } => {
                let v = min + fraction * (max - min);
                // Counts must be whole numbers; round so the draw stays in the domain.
                if matches!(spec.name, "tubes" | "levels") {
                    v.round()
                } else {
                    v
                }
            }
            InputKind::FreeQuantity { .. } => 1e-3 + fraction * 1e3,
            InputKind::Choice { options, .. } => {
                inputs
                    .0
                    .insert(spec.name.into(), InputValue::Text(options[pick % options.len()].into()));
                continue;
            }
        };
        let value = if wild.is_empty() { value } else { wild[i % wild.len()] };
        inputs
            .0
            .insert(spec.name.into(), InputValue::Number { value, unit: None });
    }
    (calculator.id, inputs)
}

/// What every result must satisfy.
fn assert_sound(id: &str, outcome: &Outcome) {
    let calculator = calc::find(id).unwrap();
    for output in &outcome.outputs {
        assert!(output.value.is_finite(), "{id}: {output:?}");
        let signed = calculator.outputs.iter().any(|o| o.name == output.name && o.signed);
        assert!(signed || output.value >= 0.0, "{id}: negative {output:?}");
        assert!(!output.display.contains("NaN") && !output.display.contains("inf"));
    }
    if let Some(table) = &outcome.table {
        assert!(
            table.rows.iter().flatten().all(|c| c.is_finite() && *c >= 0.0),
            "{id}: {table:?}"
        );
    }
}

/// Every calculator, deterministically, at the corners and middle of its domain, with its
/// optional inputs both given and left out, and each option of its choices: the random
/// properties below could miss a calculator; this cannot.
#[test]
fn every_calculator_at_domain_corners() {
    let mut runs = 0;
    for index in 0..calc::registry().len() {
        for fraction in [0.0, 0.25, 0.5, 1.0] {
            for given in [true, false] {
                for pick in 0..4 {
                    let draws = [(fraction, given, pick)];
                    let (id, inputs) = inputs_from(index, &draws, &[]);
                    if let Ok(outcome) = calc::compute(id, &inputs) {
                        assert_sound(id, &outcome);
                    }
                    runs += 1;
                }
            }
        }
    }
    assert_eq!(runs, calc::registry().len() * 32);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Inside the declared domain: a sound result or an error that names an input or says why.
    #[test]
    fn calculators_are_sound_in_their_domain(
        index in 0usize..1000,
        draws in proptest::collection::vec((0.0f64..=1.0, any::<bool>(), 0usize..8), 8),
    ) {
        let (id, inputs) = inputs_from(index, &draws, &[]);
        match calc::compute(id, &inputs) {
            Ok(outcome) => assert_sound(id, &outcome),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    /// Any f64 at all, NaN and infinities included: never a panic or a non-finite result.
    #[test]
    fn calculators_survive_any_number(
        index in 0usize..1000,
        draws in proptest::collection::vec((0.0f64..=1.0, any::<bool>(), 0usize..8), 8),
        wild in proptest::collection::vec(
            prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(-1.0), Just(0.0), Just(1e308)],
            8,
        ),
    ) {
        let (id, inputs) = inputs_from(index, &draws, &wild);
        if let Ok(outcome) = calc::compute(id, &inputs) {
            assert_sound(id, &outcome);
        }
    }

    /// RPM -> RCF -> RPM returns the speed.
    #[test]
    fn rpm_rcf_round_trip(rpm in 100.0f64..100_000.0, radius in 1.0f64..50.0) {
        let rcf = calc::compute("rcf-from-rpm", &Inputs::new().with("rpm", rpm, "/min").with("radius", radius, "cm"));
        let Ok(rcf) = rcf else { return Ok(()); };
        let rcf = rcf.value("rcf").unwrap();
        let back = calc::compute("rpm-from-rcf", &Inputs::new().with("rcf", rcf, "[g]").with("radius", radius, "cm"));
        if let Ok(back) = back {
            let back = back.value("rpm").unwrap();
            prop_assert!((back - rpm).abs() <= rpm * 1e-12, "{rpm} -> {rcf} -> {back}");
        }
    }

    /// Unit A -> B -> A returns the value, for the conversions a bench makes.
    #[test]
    fn unit_round_trip(value in 1e-6f64..1e6, pair in 0usize..PAIRS.len()) {
        let (from, to, analyte_id) = PAIRS[pair];
        let context = analyte_id.map(|id| analyte(id).unwrap().molar_context());
        let there = units::convert(value, from, to, context.as_ref()).unwrap();
        let back = units::convert(there, to, from, context.as_ref()).unwrap();
        prop_assert!((back - value).abs() <= value * 1e-12, "{value} {from} -> {there} {to} -> {back}");
    }

    /// The text readers never panic, whatever they are given.
    #[test]
    fn readers_never_panic(text in ".{0,200}", other in "[a-zA-Z0-9/.*^()\\[\\]{}µ% -]{0,40}") {
        let _ = units::normalize(&text);
        let _ = units::normalize(&other);
        let _ = units::validate(&other);
        let _ = units::convert(1.0, &other, "mg/dL", None);
        let _ = calc::parse_assignment(&text);
        let _ = calc::parse_assignment(&format!("x={other}"));
    }
}

/// Pairs of commensurable units (and the analyte when mass meets moles).
const PAIRS: &[(&str, &str, Option<&str>)] = &[
    ("mg/dL", "mmol/L", Some("glucose")),
    ("mg/dL", "umol/L", Some("creatinine")),
    ("mg/dL", "mEq/L", Some("calcium")),
    ("mEq/L", "mmol/L", Some("magnesium")),
    ("ug/dL", "umol/L", Some("iron")),
    ("g/dL", "g/L", None),
    ("K/uL", "x10^9/L", None),
    ("cells/uL", "/L", None),
    ("mIU/mL", "IU/L", None),
    ("mm Hg", "kPa", None),
    ("U/L", "ukat/L", None),
    ("lb", "kg", None),
    ("in", "cm", None),
    ("mcg/mL", "mg/L", None),
    ("mL/min", "L/h", None),
    ("[degF]", "Cel", None),
];
