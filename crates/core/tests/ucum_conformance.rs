//! The official UCUM functional tests (FHIR/Ucum-java `UcumFunctionalTests.xml`) through
//! Benchmate's units API: every validation and conversion case must pass.

mod common;

use benchmate_core::units;

#[test]
fn ucum_functional_tests() {
    let Some(dir) = common::oracle_dir("ucum_functional_tests") else {
        return;
    };
    let xml = common::read(&dir, "ucum/UcumFunctionalTests.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the UCUM test file is valid XML");
    let section = |name: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name(name))
            .flat_map(|s| s.children().filter(|c| c.has_tag_name("case")))
            .collect::<Vec<_>>()
    };

    let mut failures = Vec::new();
    let validation = section("validation");
    let mut valid_passed = 0;
    for case in &validation {
        let id = case.attribute("id").unwrap_or("?");
        let unit = case.attribute("unit").unwrap_or_default();
        let expect_valid = case.attribute("valid") == Some("true");
        let got = units::validate(unit);
        if got.is_ok() == expect_valid {
            valid_passed += 1;
        } else {
            failures.push(format!(
                "validation {id} {unit:?}: expected valid={expect_valid}, got {got:?}"
            ));
        }
    }

    let conversion = section("conversion");
    let mut conversion_passed = 0;
    for case in &conversion {
        let attr = |name: &str| case.attribute(name).unwrap_or_default();
        let (id, from, to, outcome) = (attr("id"), attr("srcUnit"), attr("dstUnit"), attr("outcome"));
        let value: f64 = attr("value").parse().expect("numeric value");
        let expected: f64 = outcome.parse().expect("numeric outcome");
        let tolerance = common::stated_tolerance(outcome, expected);
        match units::convert(value, from, to, None) {
            Ok(got) if (got - expected).abs() <= tolerance => conversion_passed += 1,
            other => failures.push(format!(
                "conversion {id}: {value} {from} -> {to}: expected {outcome} (+/- {tolerance:e}), got {other:?}"
            )),
        }
    }

    println!(
        "UCUM functional tests: validation {valid_passed}/{}, conversion {conversion_passed}/{}",
        validation.len(),
        conversion.len()
    );
    assert_eq!(validation.len(), 529, "the suite's validation count changed");
    assert_eq!(conversion.len(), 30, "the suite's conversion count changed");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The spelling layer must never change the meaning of a valid UCUM code: every valid unit of
/// the suite normalizes to itself or to a code that converts to it 1:1.
#[test]
fn normalize_keeps_valid_ucum_meaning() {
    let Some(dir) = common::oracle_dir("normalize_keeps_valid_ucum_meaning") else {
        return;
    };
    let xml = common::read(&dir, "ucum/UcumFunctionalTests.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the UCUM test file is valid XML");
    let valid: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("case") && n.attribute("valid") == Some("true"))
        .filter_map(|n| n.attribute("unit"))
        .collect();
    let mut changed = Vec::new();
    for unit in &valid {
        match units::normalize(unit) {
            Ok(code) if code == *unit => {}
            Ok(code) => match ucum::convert(1.0, unit, &code) {
                Ok(factor) if (factor - 1.0).abs() < 1e-12 => {}
                other => changed.push(format!("{unit} -> {code}: {other:?}")),
            },
            Err(e) => changed.push(format!("{unit}: {e}")),
        }
    }
    println!(
        "normalize: {}/{} valid UCUM codes keep their meaning",
        valid.len() - changed.len(),
        valid.len()
    );
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}

#[test]
fn stated_tolerance_reads_the_last_digit() {
    // Worked by hand: "0.160" states thousandths; "25" units; "1e-7" one digit at 1e-7.
    let cases = [("0.160", 0.0005), ("25", 0.5), ("1e-7", 0.5e-7), ("6300000", 0.5)];
    for (stated, want) in cases {
        let got = common::stated_tolerance(stated, stated.parse().unwrap());
        assert!((got - want).abs() < want * 1e-9, "{stated}: {got}");
    }
}
