//! Hand-worked examples of the CE rule engine for state licenses (California CDPH,
//! Florida 64B3-11.001) and a custom program: totals, boundaries, mandatory topics, licensed
//! categories, role flags, topic overlap and a category cap. The arithmetic is written
//! beside each expectation.

mod portfolio_support;

use benchmate_core::portfolio::*;
use portfolio_support::*;
use CreditType::*;

fn florida_entries() -> Vec<KeyedEntry> {
    vec![
        entry("hiv", "2025-09-01", 1.0, ContactHour, &["hiv_aids"]),
        entry(
            "errors",
            "2026-01-10",
            2.0,
            ContactHour,
            &["prevention_of_medical_errors"],
        ),
        entry("laws", "2026-02-01", 1.0, ContactHour, &["laws_and_rules"]),
        entry(
            "hema-chem",
            "2026-03-01",
            1.0,
            ContactHour,
            &["hematology", "chemistry"],
        ),
        entry("hema", "2026-04-01", 1.0, ContactHour, &["hematology"]),
        entry("supervision", "2027-08-31", 0.1, Ceu, &["administration_supervision"]),
        entry("after", "2027-09-01", 10.0, ContactHour, &["general"]),
        entry("conference", "2026-05-01", 1.6, Ceu, &["general"]),
    ]
}

#[test]
fn california_cls_needs_24_hours_in_two_years() {
    let credential = Credential::new("CA CLS", "ca-cdph-cls", day("2025-03-01"), day("2027-02-28"));
    let entries = [
        entry("before", "2025-02-28", 3.0, ContactHour, &[]),
        entry("ceu", "2025-03-01", 1.2, Ceu, &[]),
        entry("hours", "2026-10-01", 11.5, ContactHour, &[]),
        entry("pace", "2027-02-28", 0.5, PaceContactHour, &[]),
        entry("after", "2027-03-01", 3.0, ContactHour, &[]),
    ];
    // 1.2 CEU x 10 = 12; 12 + 11.5 + 0.5 = 24 of 24.
    let result = run(&credential, &entries, "2027-01-15");
    check_requirements(&result, &[("total", 24.0, 24.0, true)]);
    assert_eq!(counted(&result, 0).1, Some(Exclusion::BeforeCycle));
    assert_eq!(counted(&result, 4).1, Some(Exclusion::AfterCycle));
    assert_eq!(result.total.contributions.len(), 3);
}

#[test]
fn california_cpt_needs_6_hours_and_counts_no_academic_credit() {
    let credential = Credential::new("CA CPT", "ca-cdph-cpt", day("2025-01-01"), day("2026-12-31"));
    let entries = [
        entry("ceu", "2025-04-01", 0.3, Ceu, &["phlebotomy"]),
        entry("hours", "2025-05-01", 2.0, ContactHour, &["phlebotomy"]),
        entry("college", "2025-06-01", 1.0, AcademicSemesterHour, &["phlebotomy"]),
    ];
    // 0.3 CEU x 10 = 3; 3 + 2 = 5 of 6; the semester hour has no CPT conversion.
    let result = run(&credential, &entries, "2026-12-31");
    check_requirements(&result, &[("total", 6.0, 5.0, false)]);
    assert_eq!(
        counted(&result, 2).1,
        Some(Exclusion::CreditTypeNotCounted(AcademicSemesterHour))
    );
    assert_eq!(result.timing.days_left, 0);
    assert_eq!(result.timing.standing, Standing::Behind);
    let after = run(&credential, &entries, "2027-01-01");
    assert_eq!(after.timing.standing, Standing::Overdue);
}

#[test]
fn florida_supervisor_with_two_licensed_categories() {
    let credential = florida(&["supervisor"], &["hematology", "chemistry"]);
    let result = run(&credential, &florida_entries(), "2027-06-15");
    // 0.1 CEU x 10 = 1 h; 1.6 CEU x 10 = 16 h. Total 1 + 2 + 1 + 1 + 1 + 1 + 16 = 23 of 24.
    // The course tagged hematology and chemistry can meet only one of them; the other
    // hematology course takes hematology, so chemistry gets the shared course and both are
    // met (a first-come choice would have given it to hematology and left chemistry empty).
    check_requirements(
        &result,
        &[
            ("total", 24.0, 23.0, false),
            ("hiv-aids", 1.0, 1.0, true),
            ("medical-errors", 2.0, 2.0, true),
            ("laws-and-rules", 1.0, 1.0, true),
            ("administration-supervision", 1.0, 1.0, true),
            ("specialty:hematology", 1.0, 1.0, true),
            ("specialty:chemistry", 1.0, 1.0, true),
        ],
    );
    let chemistry = &result.topics[5];
    assert_eq!(chemistry.contributions[0].entry_id, "hema-chem");
    assert_eq!(result.total.missing, pts(1.0));
    // 2027-06-15 to 2027-08-31: 15 + 31 + 31 = 77 days, within 90: the warning shows.
    assert_eq!(result.timing.days_left, 77);
    assert_eq!(result.timing.standing, Standing::Behind);
}

#[test]
fn florida_without_the_supervisor_role_has_no_supervision_topic() {
    let credential = florida(&[], &["hematology"]);
    let result = run(&credential, &florida_entries(), "2026-06-01");
    let ids: Vec<&str> = result.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        ["hiv-aids", "medical-errors", "laws-and-rules", "specialty:hematology"]
    );
    // The supervision course still counts toward the total: 23 h as before.
    assert_eq!(result.total.earned, pts(23.0));
}

#[test]
fn florida_first_biennium_needs_only_the_statutory_courses() {
    let credential = florida(&["first_biennium"], &[]);
    let entries = [entry(
        "errors",
        "2026-01-10",
        2.0,
        ContactHour,
        &["prevention_of_medical_errors"],
    )];
    let result = run(&credential, &entries, "2026-06-01");
    // Total and laws and rules are waived (needed 0); HIV/AIDS (1 h) is still required.
    check_requirements(
        &result,
        &[
            ("total", 0.0, 2.0, true),
            ("hiv-aids", 1.0, 0.0, false),
            ("medical-errors", 2.0, 2.0, true),
            ("laws-and-rules", 0.0, 0.0, true),
        ],
    );
    assert!(result.topics[2].waived);
}

#[test]
fn a_custom_program_can_let_an_entry_count_toward_every_topic_and_cap_a_category() {
    let catalogue = Catalogue::bundled().expect("bundled rules");
    let mut rules = catalogue.custom_template.clone();
    rules.id = "employer-cpd".to_string();
    rules.total.minimum = 12.0;
    rules.topic_overlap.allowed = true;
    rules.topics = serde_json::from_str(
        r#"[{"id": "ethics", "label": "Ethics", "minimum": 2, "categories": ["ethics"], "verified": true},
            {"id": "safety", "label": "Safety", "minimum": 2, "categories": ["lab_or_patient_safety"], "verified": true}]"#,
    )
    .expect("topics");
    rules.caps = serde_json::from_str(
        r#"[{"id": "in-house", "label": "In-house training", "categories": ["In-house"], "limit": {"max_points": 4}, "verified": true}]"#,
    )
    .expect("caps");
    let mut credential = Credential::new("Employer CPD", "employer-cpd", day("2025-01-01"), day("2026-12-31"));
    credential.program = ProgramChoice::Custom(Box::new(rules));
    let entries = [
        entry(
            "both",
            "2025-02-01",
            2.0,
            ContactHour,
            &["ethics", "lab_or_patient_safety"],
        ),
        entry("in-house-1", "2025-03-01", 3.0, ContactHour, &["In-house"]),
        entry("in-house-2", "2025-04-01", 3.0, ContactHour, &["In-house"]),
    ];
    let result = run(&credential, &entries, "2025-06-01");
    // Overlap allowed: the 2 h course counts 2 toward ethics and 2 toward safety.
    // In-house capped at 4: 3 + (4 - 3 = 1). Total 2 + 3 + 1 = 6 of 12.
    check_requirements(
        &result,
        &[
            ("total", 12.0, 6.0, false),
            ("ethics", 2.0, 2.0, true),
            ("safety", 2.0, 2.0, true),
        ],
    );
    assert_eq!(counted(&result, 2), (pts(1.0), None));
}
