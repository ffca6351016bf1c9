//! The audit trail: a record's history as a table (who, when, field, old, new) and CSV exports
//! per reagent, per lot, or of every reagent, lot, verification and QC record in a date range.

use crate::files::download;
use benchmate_core::qc::{ControlLot, QcResult};
use benchmate_core::reagents::{audit_csv, audit_rows, AuditRow, Lot, LotVerification, Reagent};
use benchmate_core::record::{Record, RecordBody};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::field::TextField;
use crate::store::{Store, StoreError};

#[component]
pub fn RecordsExport(records: Vec<(String, Record)>, file: String) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let export = move |_| {
        let rows: Vec<AuditRow> = records.iter().flat_map(|(label, r)| audit_rows(label, r)).collect();
        error.set(download(&file, "text/csv", &audit_csv(&rows, None, None)).err());
    };
    view! {
        <div class="toolbar">
            <button type="button" class="button secondary" on:click=export>"Export history (CSV)"</button>
            {move || error.get().map(|e| view! { <span class="notice danger" role="alert">{e}</span> })}
        </div>
    }
}

/// Labels each record of kind `T` and adds its audit rows.
async fn rows_of<T: RecordBody>(
    store: &Store,
    rows: &mut Vec<AuditRow>,
    label: impl Fn(&T) -> String,
) -> Result<(), StoreError> {
    for (record, body) in store.list::<T>().await? {
        rows.extend(audit_rows(&label(&body), &record));
    }
    Ok(())
}

/// Every reagent, lot, verification and QC change between two dates, as CSV.
#[component]
pub fn DateRangeExport() -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<String>);
    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = |s: RwSignal<String>| chrono::NaiveDate::parse_from_str(s.get_untracked().trim(), "%Y-%m-%d").ok();
        let (from, to) = (date(from), date(to));
        spawn_local(async move {
            let result = async {
                let store = Store::open().await?;
                let mut rows = Vec::new();
                rows_of::<Reagent>(&store, &mut rows, |r| format!("Reagent {}", r.name)).await?;
                rows_of::<Lot>(&store, &mut rows, |l| format!("Lot {}", l.lot_number)).await?;
                rows_of::<LotVerification>(&store, &mut rows, |v| format!("Verification of lot {}", v.new_lot_id))
                    .await?;
                rows_of::<ControlLot>(&store, &mut rows, |c| {
                    format!("Control {} level {} lot {}", c.material, c.level, c.lot_number)
                })
                .await?;
                rows_of::<QcResult>(&store, &mut rows, |q| format!("QC {} {}", q.analyte, q.at)).await?;
                Ok::<_, StoreError>(rows)
            }
            .await;
            notice.set(match result {
                Ok(rows) => download("audit-reagents.csv", "text/csv", &audit_csv(&rows, from, to)).err(),
                Err(err) => Some(err.to_string()),
            });
        });
    };
    view! {
        <form class="card" on:submit=export>
            <h2>"Audit trail export"</h2>
            <p class="hint">"Every change to reagents, lots, verifications and QC, with who and when. Leave a date empty for no limit."</p>
            <div class="field-row">
                <TextField id="audit-from" label="From" value=from kind="date" />
                <TextField id="audit-to" label="To" value=to kind="date" />
            </div>
            <button type="submit" class="button secondary">"Export CSV"</button>
            {move || notice.get().map(|e| view! { <p class="notice danger" role="alert">{e}</p> })}
        </form>
    }
}
