//! Hand-worked examples of the CE rule engine for the national certifications (ASCP BOC
//! CMP and AMT CCP): unit conversions, the academic cap, cycle boundaries (first day, last
//! day, one day outside), no carry-over, one entry toward several credentials, bad input.
//! The arithmetic is written beside each expectation.

mod portfolio_support;

use benchmate_core::portfolio::*;
use portfolio_support::*;
use CreditType::*;

#[test]
fn ascp_mls_conversions_boundaries_and_the_academic_cap() {
    let credential = Credential::new("MLS(ASCP)", "ascp-boc-cmp-mls", day("2024-01-01"), day("2026-12-31"));
    let entries = [
        entry("start-day", "2024-01-01", 1.5, PaceContactHour, &["ethics"]),
        entry("end-day", "2026-12-31", 0.2, Ceu, &["lab_or_patient_safety"]),
        entry("day-before", "2023-12-31", 5.0, ContactHour, &["chemistry"]),
        entry("day-after", "2027-01-01", 5.0, ContactHour, &["chemistry"]),
        entry("semester", "2025-06-01", 1.0, AcademicSemesterHour, &["chemistry"]),
        entry("quarter", "2025-07-01", 1.0, AcademicQuarterHour, &["hematology"]),
        entry("blood-bank", "2025-08-01", 2.0, ContactHour, &["blood_bank"]),
        entry("other", "2025-09-01", 3.0, Other, &["microbiology"]),
    ];
    let result = run(&credential, &entries, "2026-06-30");
    // 1.5 P.A.C.E. h x 1 = 1.5; 0.2 CEU x 10 = 2; 1 semester h x 15 = 15;
    // 1 quarter h x 10 = 10, but academic credit is capped at 50 % of 36 = 18: the semester
    // course (earlier) keeps 15, the quarter course keeps 18 - 15 = 3.
    assert_eq!(counted(&result, 0), (pts(1.5), None));
    assert_eq!(counted(&result, 1), (pts(2.0), None));
    assert_eq!(counted(&result, 2), (Points::ZERO, Some(Exclusion::BeforeCycle)));
    assert_eq!(counted(&result, 3), (Points::ZERO, Some(Exclusion::AfterCycle)));
    assert_eq!(counted(&result, 4), (pts(15.0), None));
    assert_eq!(counted(&result, 5), (pts(3.0), None));
    assert_eq!(result.entries[5].converted, pts(10.0));
    assert_eq!(result.entries[5].capped_by, vec!["academic".to_string()]);
    assert_eq!(
        counted(&result, 7),
        (Points::ZERO, Some(Exclusion::CreditTypeNotCounted(Other)))
    );
    let cap = &result.caps[0];
    // Claimed 15 + 10 = 25, limit 18, counted 18.
    assert_eq!((cap.limit, cap.claimed, cap.counted), (pts(18.0), pts(25.0), pts(18.0)));
    // Total 1.5 + 2 + 15 + 3 + 2 = 23.5 of 36, missing 12.5.
    check_requirements(
        &result,
        &[
            ("total", 36.0, 23.5, false),
            ("ethics", 1.0, 1.5, true),
            ("safety", 2.0, 2.0, true),
            ("blood-bank", 2.0, 2.0, true),
            ("chemistry", 2.0, 15.0, true),
            ("hematology", 2.0, 3.0, true),
            ("microbiology", 2.0, 0.0, false),
        ],
    );
    assert_eq!(result.total.missing, pts(12.5));
    assert!(!result.complete);
    // 2026-06-30 to 2026-12-31 is 184 days: outside the 90-day window. Elapsed 912 of
    // 1096 days: 36 x 912 / 1096 = 29.956 expected, 23.5 earned, so behind pace.
    assert_eq!(result.timing.days_left, 184);
    assert_eq!(result.timing.cycle_days, 1096);
    assert_eq!(result.timing.expected_by_today, pts(29.956));
    assert_eq!(result.timing.standing, Standing::BehindPace);
}

#[test]
fn ascp_academic_cap_keeps_the_course_a_topic_needs() {
    let credential = Credential::new("MLS(ASCP)", "ascp-boc-cmp-mls", day("2024-01-01"), day("2026-12-31"));
    let entries = [
        entry("college-a", "2024-09-01", 2.0, AcademicSemesterHour, &["management"]),
        entry("college-b", "2025-09-01", 1.0, AcademicQuarterHour, &["microbiology"]),
    ];
    let result = run(&credential, &entries, "2026-01-01");
    // 2 semester h x 15 = 30 and 1 quarter h x 10 = 10: 40 claimed against the 18-point cap.
    // Microbiology needs 2 and only college-b has it, so 2 of college-b are kept first; the
    // cap's remaining 18 - 2 = 16 go in date order to college-a. Counted 16 + 2 = 18.
    // (Filling the cap by date alone would give college-a all 18 and leave microbiology empty.)
    assert_eq!(counted(&result, 0), (pts(16.0), None));
    assert_eq!(counted(&result, 1), (pts(2.0), None));
    let microbiology = result.topics.iter().find(|t| t.id == "microbiology").expect("topic");
    assert_eq!((microbiology.earned, microbiology.met), (pts(2.0), true));
    assert_eq!(result.total.earned, pts(18.0));
    let cap = &result.caps[0];
    assert_eq!((cap.limit, cap.claimed, cap.counted), (pts(18.0), pts(40.0), pts(18.0)));
}

#[test]
fn ascp_mlt_is_complete_when_every_area_is_covered() {
    let credential = Credential::new("MLT(ASCP)", "ascp-boc-cmp-mlt", day("2023-07-01"), day("2026-06-30"));
    let entries = [
        entry("ethics", "2023-07-01", 1.0, PaceContactHour, &["ethics"]),
        entry("safety", "2024-01-15", 2.0, PaceContactHour, &["lab_or_patient_safety"]),
        entry("bb", "2024-02-15", 2.0, PaceContactHour, &["blood_bank"]),
        entry("chem", "2024-03-15", 2.0, PaceContactHour, &["chemistry"]),
        // Coagulation counts toward hematology in the rules.
        entry("coag", "2024-04-15", 2.0, PaceContactHour, &["coagulation"]),
        entry("micro", "2024-05-15", 2.0, PaceContactHour, &["microbiology"]),
        // 2.5 CEU x 10 = 25 points of open credit.
        entry("conference", "2026-06-30", 2.5, Ceu, &["molecular"]),
    ];
    let result = run(&credential, &entries, "2026-05-01");
    // 1 + 2 + 2 + 2 + 2 + 2 + 25 = 36.
    check_requirements(
        &result,
        &[
            ("total", 36.0, 36.0, true),
            ("ethics", 1.0, 1.0, true),
            ("safety", 2.0, 2.0, true),
            ("blood-bank", 2.0, 2.0, true),
            ("chemistry", 2.0, 2.0, true),
            ("hematology", 2.0, 2.0, true),
            ("microbiology", 2.0, 2.0, true),
        ],
    );
    assert!(result.complete);
    assert_eq!(result.timing.standing, Standing::Complete);
}

#[test]
fn amt_mt_needs_45_points_and_allows_no_carry_over() {
    let credential = Credential::new("MT(AMT)", "amt-ccp-mt", day("2023-05-01"), day("2026-04-30"));
    let entries = [
        entry("old", "2023-04-30", 10.0, ContactHour, &[]),
        entry("ceu", "2023-05-01", 4.0, Ceu, &[]),
        entry("hours", "2025-01-10", 4.5, ContactHour, &[]),
        entry("pace", "2026-04-30", 0.4, PaceContactHour, &[]),
    ];
    // 4 CEU x 10 = 40; + 4.5 + 0.4 = 44.9 of 45: short by 0.1. The entry of 2023-04-30,
    // the day before the cycle, does not carry over.
    let result = run(&credential, &entries, "2026-03-01");
    assert_eq!(counted(&result, 0), (Points::ZERO, Some(Exclusion::BeforeCycle)));
    check_requirements(&result, &[("total", 45.0, 44.9, false)]);
    assert_eq!(result.total.missing, pts(0.1));
    // 2026-03-01 to 2026-04-30: 30 + 30 = 60 days left, inside the 90-day window.
    assert_eq!(result.timing.days_left, 60);
    assert_eq!(result.timing.standing, Standing::Behind);

    let mut more = entries.to_vec();
    more.push(entry("tenth", "2026-04-01", 0.1, PaceContactHour, &[]));
    // 44.9 + 0.1 = 45 exactly: met (fixed-point sums, no 44.99999 from binary floats).
    let result = run(&credential, &more, "2026-03-01");
    check_requirements(&result, &[("total", 45.0, 45.0, true)]);
}

#[test]
fn amt_mlt_counts_academic_credit_without_a_cap() {
    let credential = Credential::new("MLT(AMT)", "amt-ccp-mlt", day("2024-01-01"), day("2026-12-31"));
    // 3 semester h x 15 = 45: met on its own (AMT has no academic cap in our rules).
    let entries = [entry(
        "college",
        "2025-05-20",
        3.0,
        AcademicSemesterHour,
        &["chemistry"],
    )];
    let result = run(&credential, &entries, "2025-06-01");
    check_requirements(&result, &[("total", 45.0, 45.0, true)]);
    assert!(result.caps.is_empty());
}

#[test]
fn one_entry_counts_toward_several_credentials() {
    let ascp = Credential::new("MLS(ASCP)", "ascp-boc-cmp-mls", day("2024-01-01"), day("2026-12-31"));
    let california = Credential::new("CA CLS", "ca-cdph-cls", day("2025-03-01"), day("2027-02-28"));
    let entries = [entry("shared", "2025-10-01", 0.5, Ceu, &["chemistry"])];
    // 0.5 CEU x 10 = 5 points for ASCP and 5 hours for California.
    assert_eq!(run(&ascp, &entries, "2025-11-01").total.earned, pts(5.0));
    assert_eq!(run(&california, &entries, "2025-11-01").total.earned, pts(5.0));
}

#[test]
fn bad_inputs_are_refused_with_a_reason() {
    let catalogue = Catalogue::bundled().expect("bundled rules");
    let backwards = Credential::new("MLS", "ascp-boc-cmp-mls", day("2026-12-31"), day("2024-01-01"));
    let rules = catalogue.rules_for(&backwards).expect("known");
    let error =
        evaluate(rules, &backwards, &[], day("2025-01-01"), &WarningPolicy::default()).expect_err("backwards cycle");
    assert_eq!(
        error.to_string(),
        "cycle end 2024-01-01 is before cycle start 2026-12-31"
    );

    let ascp = Credential::new("MLS", "ascp-boc-cmp-mls", day("2024-01-01"), day("2026-12-31"));
    let amt_rules = catalogue.program("amt-ccp-mt").expect("listed");
    let error = evaluate(amt_rules, &ascp, &[], day("2025-01-01"), &WarningPolicy::default()).expect_err("wrong rules");
    assert_eq!(
        error.to_string(),
        "the credential follows program \"ascp-boc-cmp-mls\" but rules for \"amt-ccp-mt\" were given"
    );

    let florida_without_categories = florida(&[], &[]);
    let rules = catalogue.rules_for(&florida_without_categories).expect("known");
    let error = evaluate(
        rules,
        &florida_without_categories,
        &[],
        day("2026-01-01"),
        &WarningPolicy::default(),
    )
    .expect_err("no specialties");
    assert!(error.to_string().contains("licensed categories"), "{error}");

    // An entry with a NaN amount is skipped with a reason, never counted as NaN.
    let credential = Credential::new("CA CLS", "ca-cdph-cls", day("2025-03-01"), day("2027-02-28"));
    let entries = [entry("nan", "2025-04-01", f64::NAN, ContactHour, &[])];
    let result = run(&credential, &entries, "2025-05-01");
    assert_eq!(counted(&result, 0), (Points::ZERO, Some(Exclusion::InvalidAmount)));
    assert_eq!(result.total.earned, Points::ZERO);
}
