//! The lab's own intervals of one analyte, edited on the analyte's page: each row with
//! "Change" and "Remove", "Add an interval", and the history of the analyte's record (who
//! changed which limit, when). Rows are stored as the analyte's lab-scope `lab_ranges` record.

use benchmate_core::ranges::{
    edit_lab_analyte, Analyte, Interval, IntervalEdit, IntervalFields, LabAnalyteRanges, LabTable,
};
use benchmate_core::record::Record;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::book::default_catalogue;
use super::interval_form::IntervalForm;
use crate::records::RecordHistory;
use crate::store::{lab_scope, revision, Store, StoreError};

/// What the form is doing: adding a row, or changing the row it was opened from.
#[derive(Clone, Debug, PartialEq)]
enum Editing {
    Add,
    Change(Interval),
}

/// The analyte's record (if the lab has one) and the lab's whole table.
async fn load(analyte_id: String) -> Result<(Option<(Record, LabAnalyteRanges)>, LabTable), StoreError> {
    let stored = Store::open().await?.list::<LabAnalyteRanges>().await?;
    let table = LabTable::from_bodies(stored.iter().map(|(_, body)| body));
    let mine = stored.into_iter().find(|(_, body)| body.analyte_id == analyte_id);
    Ok((mine, table))
}

/// Applies `edit` to the analyte's rows as stored now, and stores the result.
async fn save(analyte_id: String, edit: IntervalEdit) -> Result<String, String> {
    let (mine, table) = load(analyte_id.clone()).await.map_err(|err| err.to_string())?;
    let body = edit_lab_analyte(&table, &analyte_id, edit, default_catalogue()).map_err(|problems| {
        let text = problems.join("; ");
        format!("Not saved: {text}.")
    })?;
    let rows = body.intervals.len();
    let store = Store::open().await.map_err(|err| err.to_string())?;
    let written = match mine {
        Some((record, _)) => store.update(record.id(), &body).await,
        None => store.create(lab_scope(), &body).await.map(|_| ()),
    };
    written.map_err(|err| format!("Not saved: {err}"))?;
    Ok(format!(
        "Saved: the lab has {rows} interval(s) of its own for this analyte."
    ))
}

fn describe(analyte: &Analyte, interval: &Interval) -> String {
    let mut partition = vec![interval.sex.code().to_string(), interval.age.to_string()];
    partition.extend(interval.condition.clone());
    if let Some(g) = interval.gestation {
        partition.push(format!(
            "gestation {} to {} weeks",
            g.from_weeks.map_or("0".to_string(), |w| w.to_string()),
            g.to_weeks.map_or("any".to_string(), |w| w.to_string())
        ));
    }
    format!(
        "{}: {} ({})",
        super::sentence(interval.category.noun()).trim_end_matches('.'),
        interval.describe_limits(analyte.decimals_for(&interval.unit)),
        partition.join(", ")
    )
}

#[component]
pub fn LabIntervalsCard(analyte: Analyte) -> impl IntoView {
    let analyte_id = analyte.id.clone();
    let loaded = LocalResource::new(move || {
        revision().track();
        load(analyte_id.clone())
    });
    let editing = RwSignal::new(None::<Editing>);
    let fields = RwSignal::new(IntervalFields::default());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let id = StoredValue::new(analyte.id.clone());
    let run = move |edit: IntervalEdit| {
        spawn_local(async move {
            let result = save(id.get_value(), edit).await;
            if result.is_ok() {
                editing.set(None);
            }
            outcome.set(Some(result));
        });
    };
    let start_add = {
        let unit = analyte.unit.clone();
        move |_| {
            fields.set(IntervalFields {
                category: "reference".to_string(),
                sex: "any".to_string(),
                unit: unit.clone(),
                ..IntervalFields::default()
            });
            outcome.set(None);
            editing.set(Some(Editing::Add));
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new = fields.get_untracked();
        match editing.get_untracked() {
            Some(Editing::Add) => run(IntervalEdit::Add(new)),
            Some(Editing::Change(old)) => run(IntervalEdit::Change { old, new }),
            None => {}
        }
    };
    let shown = StoredValue::new(analyte.clone());
    let list = move || {
        loaded.get().map(|result| match result {
            Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
            Ok((mine, _)) => {
                let rows = mine.as_ref().map(|(_, body)| body.intervals.clone()).unwrap_or_default();
                let history = mine.map(|(record, _)| record.id());
                view! {
                    {if rows.is_empty() {
                        view! { <p class="hint">"The lab has no interval of its own for this analyte: the defaults are shown."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list lab-intervals">
                                {rows.into_iter().map(|interval| {
                                    let text = shown.with_value(|a| describe(a, &interval));
                                    let (to_change, to_remove) = (interval.clone(), interval.clone());
                                    view! {
                                        <li>
                                            <span>{text}</span>
                                            <button type="button" class="button secondary" on:click=move |_| {
                                                fields.set(IntervalFields::from_interval(&to_change));
                                                outcome.set(None);
                                                editing.set(Some(Editing::Change(to_change.clone())));
                                            }>"Change"</button>
                                            <button type="button" class="button secondary" on:click=move |_| run(IntervalEdit::Remove(to_remove.clone()))>"Remove"</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {history.map(|id| view! {
                        <details>
                            <summary>"History of the lab's intervals"</summary>
                            <RecordHistory id=id />
                        </details>
                    })}
                }.into_any()
            }
        })
    };
    view! {
        <div class="card lab-intervals-card">
            <h2>"The lab's own intervals"</h2>
            <Suspense fallback=|| ()>{list}</Suspense>
            <Show
                when=move || editing.with(Option::is_some)
                fallback=move || view! { <button type="button" class="button secondary" on:click=start_add.clone()>"Add an interval"</button> }
            >
                <form on:submit=submit novalidate>
                    <h3>{move || if editing.with(|e| matches!(e, Some(Editing::Add))) { "New interval" } else { "Change the interval" }}</h3>
                    <IntervalForm fields=fields analyte=shown.get_value() />
                    <div class="toolbar">
                        <button type="submit" class="button">"Save interval"</button>
                        <button type="button" class="button secondary" on:click=move |_| editing.set(None)>"Cancel"</button>
                    </div>
                </form>
            </Show>
            {move || outcome.get().map(|result| match result {
                Ok(text) => view! { <p class="notice ok" role="status">{text}</p> }.into_any(),
                Err(why) => view! { <p class="notice danger" role="alert">{why}</p> }.into_any(),
            })}
        </div>
    }
}
