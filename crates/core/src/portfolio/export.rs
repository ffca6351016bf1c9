//! CSV renderings for auditors and for the user's own archive: a transcript as one table
//! whose first column names the section, and the whole portfolio as three files.

use super::credential::{Credential, ProgramChoice};
use super::credit::format_decimal;
use super::csv::{CsvFile, CsvWriter};
use super::engine::KeyedEntry;
use super::item::{ItemDetails, PortfolioItem};
use super::transcript::Transcript;

/// The transcript CSV's columns. Every row has all of them, so the file is one RFC 4180
/// table that a spreadsheet can filter by `section`.
pub const TRANSCRIPT_COLUMNS: [&str; 15] = [
    "section",
    "date",
    "title",
    "provider",
    "accreditation",
    "tracking_number",
    "credit",
    "credit_type",
    "needed",
    "counted",
    "unit",
    "counts_toward",
    "status",
    "verified",
    "detail",
];

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

/// Renders a transcript: one `credential` row, then `requirement`, `entry`, `not_counted`,
/// `rule` and `source` rows.
pub fn transcript_csv(transcript: &Transcript) -> String {
    let unit = transcript.unit.label();
    let mut csv = CsvWriter::new();
    csv.row(TRANSCRIPT_COLUMNS);
    let mut row = |cells: [&str; 15]| csv.row(cells);
    let status = if transcript.complete { "complete" } else { "incomplete" };
    let detail = format!(
        "{} ({}); cycle {} to {}; rules checked {}; credential number {}",
        transcript.program_name,
        transcript.program_id,
        transcript.cycle_start,
        transcript.cycle_end,
        transcript.rules_checked,
        transcript.credential_number.as_deref().unwrap_or("not recorded")
    );
    let generated = transcript.generated_on.to_string();
    row([
        "credential",
        &generated,
        &transcript.credential_label,
        &transcript.issuer,
        "",
        "",
        "",
        "",
        "",
        "",
        unit,
        "",
        status,
        "",
        &detail,
    ]);
    for requirement in &transcript.requirements {
        let status = if requirement.waived {
            "waived".to_string()
        } else if requirement.met {
            "met".to_string()
        } else {
            format!("missing {}", requirement.missing)
        };
        row([
            "requirement",
            "",
            &requirement.label,
            "",
            "",
            "",
            "",
            "",
            &requirement.needed.to_string(),
            &requirement.earned.to_string(),
            unit,
            "",
            &status,
            yes_no(requirement.verified),
            "",
        ]);
    }
    for line in &transcript.lines {
        let attachments: Vec<String> = line
            .attachments
            .iter()
            .map(|a| format!("sha256:{}", a.sha256))
            .collect();
        let detail = format!(
            "categories: {}; certificates: {}",
            line.categories.join("; "),
            attachments.join(" ")
        );
        row([
            "entry",
            &line.completed_on.to_string(),
            &line.title,
            line.provider.as_deref().unwrap_or(""),
            line.accreditation.as_deref().unwrap_or(""),
            line.tracking_number.as_deref().unwrap_or(""),
            &format_decimal(line.amount.value),
            line.amount.credit_type.label(),
            "",
            &line.counted.to_string(),
            unit,
            &line.counts_toward.join("; "),
            if line.capped { "counted (capped)" } else { "counted" },
            "",
            &detail,
        ]);
    }
    for line in &transcript.not_counted {
        row([
            "not_counted",
            &line.completed_on.to_string(),
            &line.title,
            "",
            "",
            "",
            &format_decimal(line.amount.value),
            line.amount.credit_type.label(),
            "",
            "0",
            unit,
            "",
            &line.reason,
            "",
            "",
        ]);
    }
    for rule in &transcript.rules_applied {
        row([
            "rule",
            "",
            &rule.text,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            yes_no(rule.verified),
            "",
        ]);
    }
    for source in &transcript.sources {
        let url = source.url.as_deref().unwrap_or("");
        row([
            "source",
            "",
            &source.title,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            url,
        ]);
    }
    csv.finish()
}

/// The whole portfolio as three CSV files: CE entries, credentials and portfolio items.
/// `credentials` and `items` pair each record with its id.
pub fn portfolio_csv(
    entries: &[KeyedEntry],
    credentials: &[(String, Credential)],
    items: &[(String, PortfolioItem)],
) -> Vec<CsvFile> {
    vec![
        CsvFile {
            name: "ce-entries.csv".to_string(),
            text: entries_csv(entries),
        },
        CsvFile {
            name: "credentials.csv".to_string(),
            text: credentials_csv(credentials),
        },
        CsvFile {
            name: "portfolio-items.csv".to_string(),
            text: items_csv(items),
        },
    ]
}

fn entries_csv(entries: &[KeyedEntry]) -> String {
    let mut csv = CsvWriter::new();
    csv.row([
        "id",
        "date_completed",
        "title",
        "provider",
        "accreditation",
        "credit",
        "credit_type",
        "categories",
        "tracking_number",
        "notes",
        "attachments",
    ]);
    for keyed in entries {
        let entry = &keyed.entry;
        let categories: Vec<&str> = entry.categories.iter().map(|c| c.label()).collect();
        let attachments: Vec<String> = entry
            .attachments
            .iter()
            .map(|a| format!("sha256:{}", a.sha256))
            .collect();
        csv.row([
            keyed.id.as_str(),
            &entry.completed_on.to_string(),
            &entry.title,
            entry.provider.as_deref().unwrap_or(""),
            entry.accreditation.as_deref().unwrap_or(""),
            &format_decimal(entry.amount.value),
            entry.amount.credit_type.id(),
            &categories.join("; "),
            entry.tracking_number.as_deref().unwrap_or(""),
            &entry.notes,
            &attachments.join(" "),
        ]);
    }
    csv.finish()
}

fn credentials_csv(credentials: &[(String, Credential)]) -> String {
    let mut csv = CsvWriter::new();
    csv.row([
        "id",
        "label",
        "program",
        "custom",
        "cycle_start",
        "cycle_end",
        "roles",
        "specialties",
        "credential_number",
        "notes",
    ]);
    for (id, credential) in credentials {
        let custom = matches!(credential.program, ProgramChoice::Custom(_));
        let specialties: Vec<&str> = credential.specialties.iter().map(|c| c.label()).collect();
        csv.row([
            id.as_str(),
            &credential.label,
            credential.program_id(),
            yes_no(custom),
            &credential.cycle_start.to_string(),
            &credential.cycle_end.to_string(),
            &credential.roles.join("; "),
            &specialties.join("; "),
            credential.credential_number.as_deref().unwrap_or(""),
            &credential.notes,
        ]);
    }
    csv.finish()
}

fn items_csv(items: &[(String, PortfolioItem)]) -> String {
    let mut csv = CsvWriter::new();
    csv.row([
        "id",
        "kind",
        "headline",
        "date",
        "end_date",
        "person",
        "details",
        "notes",
        "attachments",
    ]);
    for (id, item) in items {
        let (person, details) = match &item.details {
            ItemDetails::Competency {
                assessor,
                assessor_role,
                ..
            } => (assessor.clone(), assessor_role.clone().unwrap_or_default()),
            ItemDetails::Training { with, .. } => (with.clone().unwrap_or_default(), String::new()),
            ItemDetails::Rotation { site, .. } => (String::new(), site.clone().unwrap_or_default()),
            ItemDetails::QualityImprovement { role, outcome, .. } => {
                (role.clone().unwrap_or_default(), outcome.clone().unwrap_or_default())
            }
            ItemDetails::Publication { venue, authors, .. } => {
                (authors.clone().unwrap_or_default(), venue.clone().unwrap_or_default())
            }
        };
        let attachments: Vec<String> = item
            .attachments
            .iter()
            .map(|a| format!("sha256:{}", a.sha256))
            .collect();
        csv.row([
            id.as_str(),
            item.kind_id(),
            &item.headline(),
            &item.date.to_string(),
            &item.end_date.map(|d| d.to_string()).unwrap_or_default(),
            &person,
            &details,
            &item.notes,
            &attachments.join(" "),
        ]);
    }
    csv.finish()
}
