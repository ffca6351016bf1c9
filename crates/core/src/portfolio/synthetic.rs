//! A deterministic synthetic portfolio for benchmarks and load tests: a given number of CE
//! entries spread over the four years before `today`, and five credentials (ASCP MLS, AMT MT,
//! California CLS, Florida supervisor with three categories, ASCP MLT) whose cycles end
//! within the next year.

use chrono::{Days, NaiveDate};

use super::category::{ContentCategory, BUILTIN_CATEGORIES};
use super::credential::Credential;
use super::credit::{CreditAmount, CreditType};
use super::engine::KeyedEntry;
use super::entry::CeEntry;

/// A small linear congruential generator (Knuth's MMIX constants): the same sequence on
/// every platform, so benchmark inputs never change between runs.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

/// `entry_count` entries and five credentials, the same every time for the same inputs.
pub fn synthetic_portfolio(entry_count: usize, today: NaiveDate) -> (Vec<Credential>, Vec<KeyedEntry>) {
    let mut sequence = Sequence(0x5eed);
    let types = [
        (CreditType::PaceContactHour, [0.5, 1.0, 1.5, 2.0]),
        (CreditType::ContactHour, [1.0, 2.0, 3.0, 4.0]),
        (CreditType::Ceu, [0.1, 0.2, 0.5, 1.0]),
        (CreditType::AcademicSemesterHour, [1.0, 2.0, 3.0, 3.0]),
        (CreditType::Other, [1.0, 1.0, 2.0, 2.0]),
    ];
    let entries = (0..entry_count)
        .map(|index| {
            let days_ago = sequence.next(4 * 365);
            let date = today.checked_sub_days(Days::new(days_ago)).unwrap_or(today);
            // Academic and "other" credit are rarer than contact hours, as in real portfolios.
            let type_index = match sequence.next(20) {
                0..=7 => 0,
                8..=13 => 1,
                14..=17 => 2,
                18 => 3,
                _ => 4,
            };
            let (credit_type, values) = types[type_index];
            let value = values[sequence.next(4) as usize];
            let category_count = 1 + sequence.next(2) as usize;
            let categories = (0..category_count)
                .filter_map(|_| {
                    let (id, _) = BUILTIN_CATEGORIES[sequence.next(BUILTIN_CATEGORIES.len() as u64) as usize];
                    ContentCategory::builtin(id)
                })
                .fold(Vec::new(), |mut list, category| {
                    if !list.contains(&category) {
                        list.push(category);
                    }
                    list
                });
            let mut entry = CeEntry::quick(&format!("Course {index}"), date, CreditAmount::new(value, credit_type));
            entry.categories = categories;
            entry.provider = Some(format!("Provider {}", sequence.next(12)));
            KeyedEntry {
                id: format!("entry-{index:05}"),
                entry,
            }
        })
        .collect();
    let cycle = |years_back: u64, days_ahead: u64| {
        let end = today.checked_add_days(Days::new(days_ahead)).unwrap_or(today);
        let start = end.checked_sub_days(Days::new(years_back * 365)).unwrap_or(end);
        (start, end)
    };
    let (s1, e1) = cycle(3, 200);
    let (s2, e2) = cycle(3, 40);
    let (s3, e3) = cycle(2, 300);
    let (s4, e4) = cycle(2, 120);
    let (s5, e5) = cycle(3, 365);
    let mut florida = Credential::new("FL supervisor", "fl-64b3-11-001", s4, e4);
    florida.roles = vec!["supervisor".to_string()];
    florida.specialties = ["hematology", "chemistry", "microbiology"]
        .iter()
        .filter_map(|id| ContentCategory::builtin(id))
        .collect();
    let credentials = vec![
        Credential::new("MLS(ASCP)", "ascp-boc-cmp-mls", s1, e1),
        Credential::new("MT(AMT)", "amt-ccp-mt", s2, e2),
        Credential::new("CA CLS", "ca-cdph-cls", s3, e3),
        florida,
        Credential::new("MLT(ASCP)", "ascp-boc-cmp-mlt", s5, e5),
    ];
    (credentials, entries)
}
