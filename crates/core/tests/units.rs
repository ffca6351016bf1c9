//! The clinical units layer against worked examples with sources (domain-facts.md) and the
//! traps it exists for: mol vs count, mEq vs mmol, arbitrary units, spellings.

use benchmate_core::units::{self, analyte, MolarContext, UnitError, ANALYTES};

fn close(got: f64, want: f64, tolerance: f64) -> bool {
    (got - want).abs() <= tolerance
}

/// (value, from, to, analyte or none, expected, tolerance, source)
type Case = (
    f64,
    &'static str,
    &'static str,
    Option<&'static str>,
    f64,
    f64,
    &'static str,
);

#[test]
fn conversions_match_worked_examples() {
    let cases: &[Case] = &[
        // domain-facts #6: glucose 90 mg/dL, MW 180 -> 5 mmol/L (Marino, ICU Book app. 1).
        (90.0, "mg/dL", "mmol/L", Some("glucose"), 5.0, 0.01, "facts #6"),
        // domain-facts #7: Ca 8 mg/dL -> 4 mEq/L (Marino): 8 x 0.2495 = 1.996 mmol/L x 2 = 3.99.
        (8.0, "mg/dL", "mEq/L", Some("calcium"), 4.0, 0.01, "facts #7"),
        // Creatinine 1 mg/dL = 88.4 umol/L (factor table A).
        (1.0, "mg/dL", "umol/L", Some("creatinine"), 88.4, 1e-9, "facts SI table"),
        (
            85.0,
            "umol/L",
            "mg/dL",
            Some("creatinine"),
            85.0 / 88.4,
            1e-12,
            "facts SI table",
        ),
        // BUN 28 mg/dL x 0.357 = 9.996 mmol/L urea.
        (28.0, "mg/dL", "mmol/L", Some("bun"), 9.996, 1e-9, "facts #21"),
        // Cholesterol 200 mg/dL x 0.02586 = 5.172 mmol/L.
        (
            200.0,
            "mg/dL",
            "mmol/L",
            Some("cholesterol"),
            5.172,
            1e-9,
            "facts SI table",
        ),
        // Sodium: mEq/L and mmol/L are the same number for a monovalent ion.
        (140.0, "mEq/L", "mmol/L", Some("sodium"), 140.0, 1e-9, "facts SI table"),
        // Ionized calcium 2.5 mEq/L x 0.5 = 1.25 mmol/L.
        (
            2.5,
            "mEq/L",
            "mmol/L",
            Some("ionized_calcium"),
            1.25,
            1e-12,
            "facts SI table",
        ),
        // Plain UCUM, no analyte: 1 g/dL = 10 g/L; 10^3/uL = 10^9/L; 1 U/L = 0.01667 ukat/L.
        (1.0, "g/dL", "g/L", None, 10.0, 1e-12, "UCUM"),
        (7.5, "K/uL", "x10^9/L", None, 7.5, 1e-12, "facts SI table (WBC)"),
        (7.5, "10^3/uL", "cells/uL", None, 7500.0, 1e-9, "UCUM"),
        (60.0, "U/L", "ukat/L", None, 1.0, 1e-3, "facts SI table (enzymes)"),
        // pCO2 40 mmHg x 0.1333 = 5.33 kPa.
        (40.0, "mm Hg", "kPa", None, 5.333, 0.001, "facts SI table"),
        // Arbitrary units scale metrically against themselves: 1 IU/L = 1 mIU/mL = 1000 uIU/mL.
        (12.0, "IU/L", "mIU/mL", None, 12.0, 1e-12, "UCUM prefixes"),
        (12.0, "mIU/mL", "uIU/mL", None, 12_000.0, 1e-9, "UCUM prefixes"),
        (1.0, "cc", "mL", None, 1.0, 1e-12, "UCUM"),
        (1000.0, "mcg", "mg", None, 1.0, 1e-12, "UCUM"),
        (37.0, "°C", "[degF]", None, 98.6, 1e-9, "UCUM"),
        (180.0, "cm", "in", None, 70.866, 0.001, "UCUM: 180 / 2.54"),
    ];
    for (value, from, to, analyte_id, want, tolerance, source) in cases {
        let context = analyte_id.map(|id| analyte(id).expect(id).molar_context());
        let got = units::convert(*value, from, to, context.as_ref())
            .unwrap_or_else(|e| panic!("{value} {from} -> {to} ({source}): {e}"));
        assert!(
            close(got, *want, *tolerance),
            "{value} {from} -> {to} ({source}): got {got}, want {want}"
        );
    }
}

#[test]
fn explicit_molar_mass_and_valence() {
    // domain-facts "Rust UCUM crates": 180.16 from mmol/L.g/mol to mg/dL gives 18.016, i.e.
    // 1 mmol/L of a 180.16 g/mol substance is 18.016 mg/dL.
    let glucose = MolarContext::with_molar_mass(180.16);
    let got = units::convert(1.0, "mmol/L", "mg/dL", Some(&glucose)).unwrap();
    assert!(close(got, 18.016, 1e-9), "{got}");
    // domain-facts #4: 0.15 M NaCl (MW 58.44) is 0.15 x 58.44 = 8.766 g/L.
    let nacl = MolarContext::with_molar_mass(58.44);
    let got = units::convert(0.15, "M", "g/L", Some(&nacl)).unwrap();
    assert!(close(got, 8.766, 1e-9), "{got}");
    // Magnesium 2 mEq/L with valence 2 is 1 mmol/L is 24.305 mg/L.
    let mg = MolarContext {
        molar_mass: Some(24.305),
        valence: Some(2),
    };
    let got = units::convert(2.0, "mEq/L", "mg/L", Some(&mg)).unwrap();
    assert!(close(got, 24.305, 1e-9), "{got}");
}

#[test]
fn refuses_mol_against_plain_counts() {
    // UCUM makes mol a number, so without this check mmol/L would "convert" to /L.
    for (from, to) in [("mmol/L", "/L"), ("/L", "mmol/L"), ("mmol/L", "10*9/L"), ("mol", "1")] {
        match units::convert(1.0, from, to, Some(&MolarContext::with_molar_mass(100.0))) {
            Err(UnitError::NotCommensurable { why, .. }) => {
                assert!(why.contains("amount of substance"), "{from} -> {to}: {why}")
            }
            other => panic!("{from} -> {to} should be refused, got {other:?}"),
        }
    }
}

#[test]
fn refuses_what_needs_missing_context() {
    let cases = [
        ("mg/dL", "mmol/L", "molar mass"),
        ("mEq/L", "mmol/L", "valence"),
        ("mEq/L", "mg/dL", "molar mass"),
    ];
    for (from, to, needed) in cases {
        let err = units::convert(1.0, from, to, None).unwrap_err();
        assert!(err.to_string().contains(needed), "{from} -> {to}: {err}");
    }
    assert!(matches!(
        units::convert(1.0, "mg", "m", None),
        Err(UnitError::NotCommensurable { .. })
    ));
    assert!(matches!(
        units::convert(1.0, "[IU]/L", "mg/L", None),
        Err(UnitError::Unsupported { .. })
    ));
    assert_eq!(units::convert(f64::NAN, "mg", "g", None), Err(UnitError::NotFinite));
    let bad = MolarContext::with_molar_mass(-5.0);
    assert!(matches!(
        units::convert(1.0, "mg/dL", "mmol/L", Some(&bad)),
        Err(UnitError::BadContext { .. })
    ));
}

#[test]
fn validate_takes_only_ucum() {
    assert!(units::validate("mg/dL").is_ok());
    assert!(units::validate("10*9/L").is_ok());
    assert!(units::validate("mEq/L").is_err(), "mEq is a spelling, not UCUM");
    assert!(units::validate("").is_err());
    assert!(matches!(
        units::validate(&"(".repeat(20_000)),
        Err(UnitError::TooLong { .. })
    ));
}

#[test]
fn deep_nesting_at_the_length_cap_is_answered() {
    // ucum-units recurses per parenthesis; the 128-character cap keeps nesting far below the
    // ~10 KB that overflowed the wasm stack. 63 levels around `m` is 127 characters.
    let nested = format!("{}m{}", "(".repeat(63), ")".repeat(63));
    assert!(units::validate(&nested).is_ok());
    assert_eq!(units::convert(1.0, &nested, "cm", None), Ok(100.0));
    let too_deep = format!("{}m{}", "(".repeat(64), ")".repeat(64));
    assert!(matches!(units::validate(&too_deep), Err(UnitError::TooLong { .. })));
}

#[test]
fn analyte_factors_agree_with_molar_masses() {
    // Each factor was read in a table; each molar mass is chemistry. They must tell the same
    // story, or one of them was mistyped. Tables print factors to 3 or 4 digits (C-peptide
    // 0.333 implies 3003 g/mol against 3020.3, 0.6 % off), so the bound is 1 %.
    for a in ANALYTES {
        if let (Some(implied), Some(stated)) = (a.implied_molar_mass(), a.molar_mass) {
            let off = (implied - stated).abs() / stated;
            assert!(
                off < 0.01,
                "{}: factor implies {implied:.2} g/mol, table says {stated}",
                a.id
            );
        }
        assert!(
            units::validate(a.conventional).is_ok() && units::validate(a.si).is_ok(),
            "{}",
            a.id
        );
        let si = units::convert(1.0, a.conventional, a.si, Some(&a.molar_context()))
            .unwrap_or_else(|e| panic!("{}: {e}", a.id));
        assert!(close(si, a.factor, a.factor * 1e-9), "{}: {si} vs {}", a.id, a.factor);
    }
}
