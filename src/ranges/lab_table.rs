//! The lab's own table: import from CSV or JSON with a validation report (every bad row
//! with its line and reason; import nothing, or the good rows only), stored as one lab-scope
//! record per analyte; export, and a template to start from.

use benchmate_core::ranges::bundled::TEMPLATE_CSV;
use benchmate_core::ranges::{
    intervals_to_csv, lab_table_to_json, plan_import, validate_csv, validate_json, ImportMode, ImportReport,
    LabAnalyteRanges, LabTable,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::book::{default_catalogue, lab_table};
use crate::files::{download, read_picked};
use crate::store::{lab_scope, revision, Store, StoreError};

/// A file read and checked, waiting for the user's choice.
#[derive(Clone, Debug)]
struct Checked {
    name: String,
    report: ImportReport,
}

/// Reads a picked file as JSON when it looks like JSON, as CSV otherwise.
fn check(name: String, text: &str) -> Checked {
    let looks_json = name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
    let report = if looks_json {
        validate_json(text, default_catalogue())
    } else {
        validate_csv(text, None, default_catalogue())
    };
    Checked { name, report }
}

/// Replaces the lab's table with `table`: creates, updates and removes per analyte.
async fn store_table(table: LabTable) -> Result<String, StoreError> {
    let store = Store::open().await?;
    let existing: Vec<_> = store
        .list::<LabAnalyteRanges>()
        .await?
        .into_iter()
        .map(|(record, body)| (record.id(), body))
        .collect();
    let plan = plan_import(&existing, &table);
    for body in &plan.create {
        store.create(lab_scope(), body).await?;
    }
    for (id, body) in &plan.update {
        store.update(*id, body).await?;
    }
    for id in &plan.delete {
        store.delete(*id).await?;
    }
    Ok(format!(
        "Imported {} intervals: {} analytes added, {} changed, {} removed, {} unchanged.",
        table.intervals.len(),
        plan.create.len(),
        plan.update.len(),
        plan.delete.len(),
        plan.unchanged
    ))
}

#[component]
pub fn LabTablePage() -> impl IntoView {
    let checked = RwSignal::new(None::<Checked>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let current = LocalResource::new(move || {
        revision().track();
        lab_table()
    });
    let pick = move |ev: leptos::ev::Event| {
        outcome.set(None);
        spawn_local(async move {
            match read_picked(&ev).await {
                Some(Ok((name, text))) => checked.set(Some(check(name, &text))),
                Some(Err(why)) => outcome.set(Some(Err(why))),
                None => {}
            }
        });
    };
    let import = move |mode: ImportMode| {
        let Some(Checked { report, .. }) = checked.get_untracked() else {
            return;
        };
        match report.accept(mode) {
            Err(refused) => outcome.set(Some(Err(format!("Nothing was imported: {refused}.")))),
            Ok(table) => spawn_local(async move {
                let stored = store_table(table)
                    .await
                    .map_err(|e| format!("Nothing more was saved: {e}"));
                if stored.is_ok() {
                    checked.set(None);
                }
                outcome.set(Some(stored));
            }),
        }
    };
    let export = move |json: bool| {
        spawn_local(async move {
            let result = match lab_table().await {
                Ok(table) if json => download("lab-ranges.json", "application/json", &lab_table_to_json(&table))
                    .map(|()| "Saved as lab-ranges.json.".to_string()),
                Ok(table) => download("lab-ranges.csv", "text/csv", &intervals_to_csv(&table.intervals))
                    .map(|()| "Saved as lab-ranges.csv.".to_string()),
                Err(err) => Err(err.to_string()),
            };
            outcome.set(Some(result));
        });
    };
    view! {
        <section data-section="ranges">
            <p class="breadcrumb"><A href="/ranges">"Reference ranges"</A></p>
            <h1>"The lab's own table"</h1>
            <p>"Where the lab's table has an interval for a patient, it is shown instead of Benchmate's default, and the page says which one is shown. An import replaces the lab's table; it reaches every member of the lab through sync."</p>
            <div class="card">
                <h2>"Current table"</h2>
                <Suspense fallback=|| ()>
                    {move || current.get().map(|t| match t {
                        Ok(table) if table.intervals.is_empty() => view! { <p id="lab-table-count" class="muted">"The lab has no table yet: every interval shown is a default."</p> }.into_any(),
                        Ok(table) => {
                            let mut ids: Vec<String> = table.intervals.iter().map(|i| i.analyte.clone()).collect();
                            ids.dedup();
                            view! {
                                <p id="lab-table-count">{format!("{} intervals for {} {}.", table.intervals.len(), ids.len(), if ids.len() == 1 { "analyte" } else { "analytes" })}</p>
                                <ul class="link-list">{ids.into_iter().map(|id| view! { <li><A href=format!("/ranges/{id}")>{id.clone()}</A></li> }).collect_view()}</ul>
                            }.into_any()
                        }
                        Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
                    })}
                </Suspense>
                <div class="toolbar">
                    <button class="button secondary" on:click=move |_| export(false)>"Export CSV"</button>
                    <button class="button secondary" on:click=move |_| export(true)>"Export JSON"</button>
                    <button class="button secondary" on:click=move |_| {
                        let result = download("lab-ranges-template.csv", "text/csv", TEMPLATE_CSV).map(|()| "Template saved as lab-ranges-template.csv.".to_string());
                        outcome.set(Some(result));
                    }>"Download the template"</button>
                </div>
            </div>
            <div class="card">
                <h2>"Import"</h2>
                <p class="hint">"A CSV with the template's columns (analyte, category, sex, age_from, age_to, gest_from, gest_to, condition, low, high, unit, source, note), or the JSON that Export JSON writes."</p>
                <div class="toolbar">
                    <label class="button" for="lab-import">"Choose a file to check"</label>
                    <input id="lab-import" class="visually-hidden" type="file" accept=".csv,.json,text/csv,application/json" on:change=pick />
                </div>
                {move || checked.get().map(|Checked { name, report }| {
                    let good = report.intervals.len();
                    let bad = report.problems.len();
                    let blocked = report.problems.iter().any(|p| p.blocks_file());
                    view! {
                        <div id="import-report" class="import-report">
                            <h3>{format!("{name}: {} rows read, {good} good, {bad} bad", report.rows_read)}</h3>
                            <ul class="problems">
                                {report.problems.iter().map(|p| view! { <li class="notice danger">{p.to_string()}</li> }).collect_view()}
                            </ul>
                            {if bad == 0 {
                                view! { <button id="import-all" class="button" on:click=move |_| import(ImportMode::AllOrNothing)>{format!("Import {good} intervals")}</button> }.into_any()
                            } else if blocked {
                                view! { <p class="notice warn">"Nothing can be imported from this file: fix the file as a whole, then choose it again."</p> }.into_any()
                            } else {
                                view! {
                                    <p class="notice warn">"Nothing has been imported. Fix the bad rows and choose the file again, or import the good rows only."</p>
                                    <div class="toolbar">
                                        <button id="import-nothing" class="button secondary" on:click=move |_| checked.set(None)>"Import nothing"</button>
                                        <button id="import-good" class="button" on:click=move |_| import(ImportMode::GoodRowsOnly)>{format!("Import the {good} good rows only")}</button>
                                    </div>
                                }.into_any()
                            }}
                        </div>
                    }
                })}
                {move || outcome.get().map(|r| match r {
                    Ok(text) => view! { <p id="import-outcome" class="notice ok" role="status">{text}</p> }.into_any(),
                    Err(why) => view! { <p id="import-outcome" class="notice danger" role="alert">{why}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}
