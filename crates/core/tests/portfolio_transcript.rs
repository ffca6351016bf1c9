//! The audit transcript and the CSV exports: what a transcript lists for a hand-worked ASCP
//! cycle, and that every CSV the portfolio writes reads back, field for field, with an
//! independent RFC 4180 reader.

use benchmate_core::portfolio::{
    evaluate, portfolio_csv, transcript_csv, AttachmentRef, Catalogue, CeEntry, Credential, CreditAmount, CreditType,
    ItemDetails, KeyedEntry, PortfolioItem, Transcript, WarningPolicy,
};
use chrono::NaiveDate;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

const SHA: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Reads RFC 4180 text: quoted fields may hold commas, CR, LF and doubled quotes; records
/// end with CRLF. Written independently of the writer so the two check each other.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => record.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                '\n' => panic!("bare LF outside quotes"),
                _ => field.push(c),
            }
        }
    }
    assert!(field.is_empty() && record.is_empty(), "text does not end with CRLF");
    records
}

fn scenario() -> (Credential, Vec<KeyedEntry>) {
    let mut credential = Credential::new("MLS(ASCP)", "ascp-boc-cmp-mls", day("2024-01-01"), day("2026-12-31"));
    credential.credential_number = Some("123456".to_string());
    let mut ethics = CeEntry::quick(
        "Ethics in the lab, part 1",
        day("2024-03-01"),
        CreditAmount::new(1.5, CreditType::PaceContactHour),
    )
    .with_categories(&["ethics"]);
    ethics.provider = Some("ASCLS \"Virtual\" Conference".to_string());
    ethics.accreditation = Some("ASCLS P.A.C.E.".to_string());
    ethics.tracking_number = Some("519-123-24".to_string());
    ethics.notes = "Two sessions:\nmorning and afternoon".to_string();
    ethics.attachments = vec![AttachmentRef {
        sha256: SHA.to_string(),
        media_type: "image/jpeg".to_string(),
        byte_len: 412_000,
        file_name: Some("ethics.jpg".to_string()),
    }];
    let college = CeEntry::quick(
        "Clinical chemistry II",
        day("2025-01-15"),
        CreditAmount::new(2.0, CreditType::AcademicSemesterHour),
    )
    .with_categories(&["chemistry"]);
    let journal = CeEntry::quick(
        "Journal club",
        day("2025-02-01"),
        CreditAmount::new(2.0, CreditType::Other),
    );
    let old = CeEntry::quick(
        "Old course",
        day("2023-12-01"),
        CreditAmount::new(3.0, CreditType::ContactHour),
    );
    let keyed = |id: &str, entry: CeEntry| KeyedEntry {
        id: id.to_string(),
        entry,
    };
    (
        credential,
        vec![
            keyed("e1", ethics),
            keyed("e2", college),
            keyed("e3", journal),
            keyed("e4", old),
        ],
    )
}

fn transcript() -> Transcript {
    let catalogue = Catalogue::bundled().expect("bundled rules");
    let (credential, entries) = scenario();
    let rules = catalogue.rules_for(&credential).expect("known");
    let evaluation = evaluate(
        rules,
        &credential,
        &entries,
        day("2026-11-25"),
        &WarningPolicy::default(),
    )
    .expect("valid");
    Transcript::build(rules, &credential, &entries, &evaluation, day("2026-11-25"))
}

#[test]
fn the_transcript_lists_what_counted_and_why() {
    let transcript = transcript();
    // Counted: 1.5 P.A.C.E. h = 1.5 points; 2 semester h x 15 = 30 points, capped at 50 % of
    // 36 = 18. Total 1.5 + 18 = 19.5 of 36. The "other" credit is listed as not counted;
    // the course before the cycle is not listed at all.
    let lines: Vec<(&str, String, bool, Vec<String>)> = transcript
        .lines
        .iter()
        .map(|l| {
            (
                l.entry_id.as_str(),
                l.counted.to_string(),
                l.capped,
                l.counts_toward.clone(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            (
                "e1",
                "1.5".to_string(),
                false,
                vec!["Total points".to_string(), "Ethics".to_string()]
            ),
            (
                "e2",
                "18".to_string(),
                true,
                vec!["Total points".to_string(), "Chemistry".to_string()]
            ),
        ]
    );
    assert_eq!(transcript.not_counted.len(), 1);
    assert_eq!(
        transcript.not_counted[0].reason,
        "Other do not count toward this program"
    );
    let total = &transcript.requirements[0];
    assert_eq!(
        (total.earned.to_string(), total.missing.to_string()),
        ("19.5".to_string(), "16.5".to_string())
    );
    assert!(!transcript.complete);
    // The rules applied carry their verification state: the 36-point total is verified,
    // the ethics minimum is not.
    let rule = |fragment: &str| {
        transcript
            .rules_applied
            .iter()
            .find(|r| r.text.contains(fragment))
            .unwrap_or_else(|| panic!("no rule mentions {fragment:?}"))
    };
    assert!(rule("At least 36 points per cycle; entries completed from 2024-01-01 to 2026-12-31").verified);
    assert!(rule("1 academic semester hour = 15 points").verified);
    assert!(rule("at most 18 points (50 % of the required total); 30 claimed, 18 counted").verified);
    assert!(!rule("Ethics: at least 1 point from Ethics").verified);
    assert!(!transcript.sources.is_empty());
}

#[test]
fn the_transcript_csv_is_one_rfc_4180_table() {
    let text = transcript_csv(&transcript());
    let records = read_csv(&text);
    assert!(records.iter().all(|r| r.len() == 15), "every record has 15 fields");
    assert_eq!(records[0][0], "section");
    let find = |section: &str, title: &str| -> Vec<String> {
        records
            .iter()
            .find(|r| r[0] == section && r[2] == title)
            .unwrap_or_else(|| panic!("no {section} row titled {title:?}"))
            .clone()
    };
    assert_eq!(
        find("requirement", "Total points"),
        [
            "requirement",
            "",
            "Total points",
            "",
            "",
            "",
            "",
            "",
            "36",
            "19.5",
            "points",
            "",
            "missing 16.5",
            "yes",
            ""
        ]
    );
    assert_eq!(
        find("requirement", "Microbiology"),
        [
            "requirement",
            "",
            "Microbiology",
            "",
            "",
            "",
            "",
            "",
            "2",
            "0",
            "points",
            "",
            "missing 2",
            "no",
            ""
        ]
    );
    let ethics = find("entry", "Ethics in the lab, part 1");
    assert_eq!(
        ethics,
        [
            "entry",
            "2024-03-01",
            "Ethics in the lab, part 1",
            "ASCLS \"Virtual\" Conference",
            "ASCLS P.A.C.E.",
            "519-123-24",
            "1.5",
            "P.A.C.E. contact hours",
            "",
            "1.5",
            "points",
            "Total points; Ethics",
            "counted",
            "",
            &format!("categories: Ethics; certificates: sha256:{SHA}"),
        ]
    );
    assert_eq!(find("entry", "Clinical chemistry II")[12], "counted (capped)");
    assert_eq!(
        find("not_counted", "Journal club")[12],
        "Other do not count toward this program"
    );
    // The raw text quotes the comma and the doubled quotes exactly as RFC 4180 says.
    assert!(text.contains("\"Ethics in the lab, part 1\",\"ASCLS \"\"Virtual\"\" Conference\""));
    assert!(records
        .iter()
        .any(|r| r[0] == "credential" && r[2] == "MLS(ASCP)" && r[14].contains("credential number 123456")));
    assert!(records.iter().filter(|r| r[0] == "source").count() >= 1);
}

#[test]
fn the_full_portfolio_export_reads_back_field_for_field() {
    let (credential, entries) = scenario();
    let mut item = PortfolioItem::new(
        ItemDetails::Competency {
            procedure_or_instrument: "Blood gas analyser, \"GEM 5000\"".to_string(),
            assessor: "Dr. A, Supervisor".to_string(),
            assessor_role: Some("Technical supervisor".to_string()),
        },
        day("2026-02-02"),
    );
    item.notes = "line one\r\nline two".to_string();
    let files = portfolio_csv(&entries, &[("c1".to_string(), credential)], &[("i1".to_string(), item)]);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["ce-entries.csv", "credentials.csv", "portfolio-items.csv"]);

    let entries_csv = read_csv(&files[0].text);
    assert_eq!(entries_csv.len(), 1 + 4, "header and four entries, counted or not");
    assert_eq!(entries_csv[1][0], "e1");
    assert_eq!(entries_csv[1][9], "Two sessions:\nmorning and afternoon");
    assert_eq!(entries_csv[1][10], format!("sha256:{SHA}"));
    assert_eq!(entries_csv[3][6], "other");

    let credentials_csv = read_csv(&files[1].text);
    assert_eq!(
        credentials_csv[1],
        [
            "c1",
            "MLS(ASCP)",
            "ascp-boc-cmp-mls",
            "no",
            "2024-01-01",
            "2026-12-31",
            "",
            "",
            "123456",
            ""
        ]
    );

    let items_csv = read_csv(&files[2].text);
    assert_eq!(
        items_csv[1],
        [
            "i1",
            "competency",
            "Competency: Blood gas analyser, \"GEM 5000\"",
            "2026-02-02",
            "",
            "Dr. A, Supervisor",
            "Technical supervisor",
            "line one\r\nline two",
            ""
        ]
    );
}
