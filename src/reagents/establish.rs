//! "Establish targets from your runs": under each control lot's chart, the mean and SD core
//! computes from the lab's in-control results once there are 20 runs, beside the target in
//! use, and a button to adopt them. Until then, how many runs there are so far.

use benchmate_core::calc::display;
use benchmate_core::qc::{propose_target, ControlLot, QcResult, StatsError, TargetSource, Violation};
use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::store::Store;

fn source_text(source: &TargetSource) -> String {
    match source {
        TargetSource::PackageInsert => "from the package insert".to_string(),
        TargetSource::Established { runs } => format!("established from {runs} runs"),
    }
}

#[component]
pub fn EstablishTarget(
    record: RecordId,
    control: ControlLot,
    analyte: String,
    analyser: String,
    results: Vec<QcResult>,
    violations: Vec<Violation>,
) -> impl IntoView {
    let Some(current) = control.target(&analyte, &analyser).cloned() else {
        return ().into_any();
    };
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let proposal = match propose_target(&control, &analyte, &analyser, &results, &violations) {
        Ok(proposal) => proposal,
        Err(StatsError::TooFewRuns { have, need }) => {
            return view! {
                <p class="hint establish">{format!(
                    "Level {}: {have} of {need} in-control runs so far; with {need} the app can establish the lab's own mean and SD.",
                    control.level
                )}</p>
            }
            .into_any()
        }
        Err(why) => {
            return view! { <p class="notice warn establish">{format!("Level {}: no mean and SD can be established: {why}.", control.level)}</p> }
                .into_any()
        }
    };
    let unit = current.unit.clone();
    let offered = format!(
        "mean {} {unit}, SD {} {unit}",
        display(proposal.target.mean, 2),
        display(proposal.target.sd, 3)
    );
    let in_use = format!(
        "mean {} {unit}, SD {} {unit} ({})",
        display(current.mean, 2),
        display(current.sd, 3),
        source_text(&current.source)
    );
    let left_out =
        (proposal.excluded > 0).then(|| format!(" {} result(s) in rejected runs were left out.", proposal.excluded));
    let already = current.mean == proposal.target.mean && current.sd == proposal.target.sd;
    let adopt = move |_| {
        let mut updated = control.clone();
        updated.adopt(proposal.target.clone());
        spawn_local(async move {
            let saved = async { Store::open().await?.update(record, &updated).await }.await;
            outcome.set(Some(
                saved
                    .map(|()| "Adopted: new results are judged against the established target.".to_string())
                    .map_err(|err| format!("Not saved: {err}")),
            ));
        });
    };
    view! {
        <div class="card establish">
            <p>
                <strong>{format!("Established from {} in-control results over {} runs: {offered}.", proposal.used, proposal.runs)}</strong>
                {left_out}
            </p>
            <p class="hint">{format!("In use: {in_use}.")}</p>
            {(!already).then(|| view! {
                <button type="button" class="button secondary" on:click=adopt>"Adopt the established mean and SD"</button>
            })}
            {move || outcome.get().map(|result| match result {
                Ok(text) => view! { <p class="notice ok" role="status">{text}</p> }.into_any(),
                Err(why) => view! { <p class="notice danger" role="alert">{why}</p> }.into_any(),
            })}
        </div>
    }
    .into_any()
}
