//! Properties of the CE rule engine over random portfolios: its books balance, nothing
//! outside the cycle counts, caps hold, and logging one more course never makes a credential
//! look worse (no requirement goes from met to unmet, no total goes down).

use benchmate_core::portfolio::{
    evaluate, Catalogue, CeEntry, ContentCategory, Credential, CreditAmount, CreditType, CycleEvaluation, KeyedEntry,
    Points, WarningPolicy,
};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

const CATEGORIES: [&str; 8] = [
    "ethics",
    "lab_or_patient_safety",
    "blood_bank",
    "chemistry",
    "hematology",
    "hiv_aids",
    "prevention_of_medical_errors",
    "laws_and_rules",
];

fn arbitrary_entry() -> impl Strategy<Value = CeEntry> {
    (
        0u64..1500,
        prop::sample::select(CreditType::ALL.to_vec()),
        1u32..40,
        prop::sample::subsequence(CATEGORIES.to_vec(), 0..3),
    )
        .prop_map(|(offset, credit_type, tenths, categories)| {
            let start = NaiveDate::from_ymd_opt(2023, 10, 1).expect("date");
            let date = start.checked_add_days(Days::new(offset)).expect("in range");
            let mut entry = CeEntry::quick("Course", date, CreditAmount::new(f64::from(tenths) / 10.0, credit_type));
            entry.categories = categories
                .iter()
                .filter_map(|id| ContentCategory::builtin(id))
                .collect();
            entry
        })
}

fn credentials() -> Vec<Credential> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let mut florida = Credential::new("FL", "fl-64b3-11-001", day(2025, 9, 1), day(2027, 8, 31));
    florida.roles = vec!["supervisor".to_string()];
    florida.specialties = vec![
        ContentCategory::builtin("hematology").expect("builtin"),
        ContentCategory::builtin("chemistry").expect("builtin"),
    ];
    vec![
        Credential::new("MLS", "ascp-boc-cmp-mls", day(2024, 1, 1), day(2026, 12, 31)),
        Credential::new("MT", "amt-ccp-mt", day(2024, 1, 1), day(2026, 12, 31)),
        Credential::new("CPT", "ca-cdph-cpt", day(2025, 1, 1), day(2026, 12, 31)),
        florida,
    ]
}

fn run(credential: &Credential, entries: &[CeEntry]) -> CycleEvaluation {
    let catalogue = Catalogue::bundled().expect("bundled rules");
    let keyed: Vec<KeyedEntry> = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| KeyedEntry {
            id: format!("e{i}"),
            entry: entry.clone(),
        })
        .collect();
    let rules = catalogue.rules_for(credential).expect("known");
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    evaluate(rules, credential, &keyed, today, &WarningPolicy::default()).expect("valid inputs")
}

proptest! {
    // 500 random portfolios of up to 30 entries, each checked against four credentials.
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn the_books_balance_and_more_credit_never_hurts(
        entries in prop::collection::vec(arbitrary_entry(), 0..30),
        extra in arbitrary_entry(),
    ) {
        for credential in credentials() {
            let before = run(&credential, &entries);
            let counted: Points = before.entries.iter().map(|o| o.counted).sum();
            prop_assert_eq!(before.total.earned, counted);
            for (outcome, entry) in before.entries.iter().zip(&entries) {
                let inside = entry.completed_on >= credential.cycle_start && entry.completed_on <= credential.cycle_end;
                prop_assert!(inside || outcome.counted == Points::ZERO);
                prop_assert!(outcome.counted <= outcome.converted);
            }
            for cap in &before.caps {
                prop_assert!(cap.counted <= cap.limit);
            }
            let mut more = entries.clone();
            more.push(extra.clone());
            let after = run(&credential, &more);
            prop_assert!(after.total.earned >= before.total.earned);
            // Covered need (earned up to the minimum) never shrinks for any topic in total.
            let covered = |e: &CycleEvaluation| -> i64 {
                e.topics.iter().map(|t| t.earned.min(t.needed).0).sum()
            };
            prop_assert!(covered(&after) >= covered(&before));
            prop_assert!(!before.complete || after.complete);
        }
    }
}
