//! The benchmark-sized portfolio (2,000 entries, 5 credentials) evaluated in full, with the
//! engine's bookkeeping checked on every credential: totals add up, no credit is spent
//! twice, caps hold, and only entries inside the cycle count.

use benchmate_core::portfolio::{
    evaluate_portfolio, synthetic_portfolio, Catalogue, Exclusion, Points, RequirementKind, WarningPolicy,
};
use chrono::NaiveDate;

#[test]
fn two_thousand_entries_and_five_credentials_keep_their_books_straight() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let catalogue = Catalogue::bundled().expect("bundled rules");
    let (credentials, entries) = synthetic_portfolio(2000, today);
    assert_eq!((credentials.len(), entries.len()), (5, 2000));
    for credential in &credentials {
        assert_eq!(credential.validate(&catalogue), Ok(()), "{}", credential.label);
    }
    let results = evaluate_portfolio(&catalogue, &credentials, &entries, today, &WarningPolicy::default());
    for (credential, result) in credentials.iter().zip(results) {
        let result = result.expect("valid inputs");
        assert_eq!(result.entries.len(), entries.len());
        let mut counted_sum = Points::ZERO;
        for outcome in &result.entries {
            let date = entries[outcome.entry_index].entry.completed_on;
            let inside = date >= credential.cycle_start && date <= credential.cycle_end;
            match outcome.excluded {
                Some(Exclusion::BeforeCycle) => assert!(date < credential.cycle_start),
                Some(Exclusion::AfterCycle) => assert!(date > credential.cycle_end),
                Some(_) => assert!(inside),
                None => assert!(inside && outcome.counted <= outcome.converted),
            }
            counted_sum += outcome.counted;
        }
        assert_eq!(result.total.earned, counted_sum, "{}", credential.label);
        // No entry gives the topics more than it counted.
        let mut given = vec![Points::ZERO; entries.len()];
        for topic in &result.topics {
            assert_eq!(topic.met, topic.earned >= topic.needed);
            assert_eq!(topic.missing, topic.needed.saturating_sub(topic.earned));
            for contribution in &topic.contributions {
                given[contribution.entry_index] += contribution.points;
            }
        }
        for outcome in &result.entries {
            assert!(given[outcome.entry_index] <= outcome.counted, "{}", credential.label);
        }
        for cap in &result.caps {
            assert!(cap.counted <= cap.limit && cap.counted <= cap.claimed);
        }
        // Four years of courses comfortably meet every total; the Florida credential has
        // three licensed categories as specialty requirements.
        assert!(result.total.met, "{}: {}", credential.label, result.total.earned);
        let specialties = result
            .topics
            .iter()
            .filter(|t| t.kind == RequirementKind::Specialty)
            .count();
        assert_eq!(specialties, credential.specialties.len());
    }
}

#[test]
fn the_synthetic_portfolio_is_the_same_every_time() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    assert_eq!(synthetic_portfolio(50, today), synthetic_portfolio(50, today));
}
