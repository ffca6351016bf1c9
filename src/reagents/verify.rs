//! New-lot verification (after CLSI EP26): samples measured on the current and the new lot, an
//! acceptance limit, the differences and pass/fail computed by core as the numbers are typed,
//! and the supervisor's sign-off, after which the lot can be marked verified.

use std::collections::BTreeMap;

use benchmate_core::reagents::{AcceptanceLimit, LotVerification, SampleKind, VerificationSample};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::data::{now, Inventory};
use super::field::{number, TextField};
use crate::store::{lab_scope, revision, Store};

/// One sample row as typed.
#[derive(Clone, Copy)]
struct Row {
    label: RwSignal<String>,
    current: RwSignal<String>,
    new: RwSignal<String>,
}

impl Row {
    fn new(n: usize) -> Row {
        Row {
            label: RwSignal::new(format!("Sample {n}")),
            current: RwSignal::new(String::new()),
            new: RwSignal::new(String::new()),
        }
    }
}

/// The verification form's fields.
#[derive(Clone, Copy)]
struct Form {
    current_lot: RwSignal<String>,
    analyte: RwSignal<String>,
    percent: RwSignal<bool>,
    limit: RwSignal<String>,
    patient: RwSignal<bool>,
    by: RwSignal<String>,
    rows: RwSignal<Vec<Row>>,
}

/// The verification the form describes, or the first thing missing.
fn build(lot_id: &str, form: Form) -> Result<LotVerification, String> {
    let analyte = form.analyte.get();
    let analyte = analyte.trim();
    if analyte.is_empty() {
        return Err("The analyte is missing.".into());
    }
    let bound = number(&form.limit.get(), "The acceptance limit")?;
    let limit = if form.percent.get() {
        AcceptanceLimit::Percent(bound)
    } else {
        AcceptanceLimit::Absolute(bound)
    };
    let kind = if form.patient.get() {
        SampleKind::PatientSample
    } else {
        SampleKind::QcMaterial
    };
    let mut samples = Vec::new();
    for row in form.rows.get() {
        let (current, new) = (row.current.get(), row.new.get());
        if current.trim().is_empty() && new.trim().is_empty() {
            continue;
        }
        let label = row.label.get();
        samples.push(VerificationSample {
            kind,
            label: label.clone(),
            analyte: analyte.to_string(),
            current_lot_result: number(&current, &format!("{label}, current lot"))?,
            new_lot_result: number(&new, &format!("{label}, new lot"))?,
        });
    }
    Ok(LotVerification {
        new_lot_id: lot_id.to_string(),
        current_lot_id: form.current_lot.get(),
        limits: BTreeMap::from([(analyte.to_string(), limit)]),
        samples,
        performed_by: form.by.get().trim().to_string(),
        performed_at: now(),
        sign_off: None,
    })
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let params = use_params_map();
    let lot_id = move || params.with(|p| p.get("id").unwrap_or_default());
    let inventory = LocalResource::new(move || {
        revision().track();
        Inventory::load()
    });
    let current_lot = RwSignal::new(String::new());
    let analyte = RwSignal::new(String::new());
    let percent = RwSignal::new(true);
    let limit = RwSignal::new(String::new());
    let patient = RwSignal::new(true);
    let by = RwSignal::new(String::new());
    let rows = RwSignal::new((1..=5).map(Row::new).collect::<Vec<_>>());
    let supervisor = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<Result<String, String>>);
    let inv = move || inventory.get().and_then(|r| r.ok()).unwrap_or_default();
    let form = Form {
        current_lot,
        analyte,
        percent,
        limit,
        patient,
        by,
        rows,
    };
    let draft = move || build(&lot_id(), form);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let verification = match draft() {
            Ok(v) if v.performed_by.is_empty() => return notice.set(Some(Err("Who performed it is missing.".into()))),
            Ok(v) => v,
            Err(why) => return notice.set(Some(Err(why))),
        };
        if let Err(err) = verification.evaluate() {
            return notice.set(Some(Err(format!("Not saved: {err}."))));
        }
        spawn_local(async move {
            let saved = async { Store::open().await?.create(lab_scope(), &verification).await }.await;
            notice.set(Some(
                saved
                    .map(|_| "Saved: waiting for a supervisor's sign-off.".to_string())
                    .map_err(|e| format!("Not saved: {e}")),
            ));
        });
    };
    let sign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((record, mut verification)) = inv().verification_for(&lot_id()).cloned() else {
            return;
        };
        if let Err(err) = verification.sign(&supervisor.get_untracked(), now(), &comment.get_untracked()) {
            return notice.set(Some(Err(format!("Not signed: {err}."))));
        }
        spawn_local(async move {
            let saved = async { Store::open().await?.update(record.id(), &verification).await }.await;
            notice.set(Some(
                saved
                    .map(|_| "Signed off: the lot can now be marked verified.".to_string())
                    .map_err(|e| format!("Not saved: {e}")),
            ));
        });
    };
    view! {
        <section data-section="reagents">
            <h1>"New-lot verification"</h1>
            {move || {
                let inv = inv();
                inv.lot(&lot_id()).map(|(_, lot)| {
                    let others: Vec<_> = inv.lots.iter().filter(|(_, l)| l.reagent_id == lot.reagent_id && l.id != lot.id).map(|(_, l)| l.clone()).collect();
                    view! {
                        <p>{format!("{} · new lot {}", inv.reagent_name(&lot.reagent_id), lot.lot_number)}" "<A href=format!("/reagents/lots/{}", lot.id)>"Back to the lot"</A></p>
                        <div class="field">
                            <label for="verify-current">"Current lot"</label>
                            <select id="verify-current" on:change=move |ev| current_lot.set(event_target_value(&ev))>
                                <option value="">"Not recorded"</option>
                                {others.into_iter().map(|l| view! { <option value=l.id.clone()>{format!("Lot {} ({})", l.lot_number, l.status)}</option> }).collect_view()}
                            </select>
                        </div>
                    }
                })
            }}
            <form class="card" on:submit=save>
                <TextField id="verify-analyte" label="Analyte" value=analyte />
                <div class="field-row">
                    <div class="field">
                        <label for="verify-limit-kind">"Limit as"</label>
                        <select id="verify-limit-kind" on:change=move |ev| percent.set(event_target_value(&ev) == "percent")>
                            <option value="percent">"Percent difference"</option>
                            <option value="absolute">"Absolute difference (analyte's unit)"</option>
                        </select>
                    </div>
                    <TextField id="verify-limit" label="Acceptance limit" value=limit inputmode="decimal" />
                </div>
                <div class="field">
                    <label for="verify-kind">"Samples are"</label>
                    <select id="verify-kind" on:change=move |ev| patient.set(event_target_value(&ev) == "patient")>
                        <option value="patient">"Patient samples (no identifiers)"</option>
                        <option value="qc">"QC material"</option>
                    </select>
                </div>
                <div class="table-scroll">
                    <table>
                        <thead><tr><th scope="col">"Sample"</th><th scope="col">"Current lot"</th><th scope="col">"New lot"</th></tr></thead>
                        <tbody>
                            {move || rows.get().into_iter().enumerate().map(|(i, row)| view! {
                                <tr>
                                    <td><input aria-label=format!("Sample {} label", i + 1) prop:value=move || row.label.get() on:input=move |ev| row.label.set(event_target_value(&ev)) /></td>
                                    <td><input aria-label=format!("Sample {} on the current lot", i + 1) inputmode="decimal" prop:value=move || row.current.get() on:input=move |ev| row.current.set(event_target_value(&ev)) /></td>
                                    <td><input aria-label=format!("Sample {} on the new lot", i + 1) inputmode="decimal" prop:value=move || row.new.get() on:input=move |ev| row.new.set(event_target_value(&ev)) /></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <button type="button" class="button secondary" on:click=move |_| rows.update(|r| r.push(Row::new(r.len() + 1)))>"Add a sample"</button>
                <div aria-live="polite">
                    {move || match draft().map(|v| v.evaluate()) {
                        Ok(Ok(outcome)) => view! {
                            <ul class="plain-list">
                                {outcome.samples.iter().map(|s| view! {
                                    <li>{format!("{}: difference {:+.3}{} · {}", s.label, s.difference,
                                        s.percent_difference.map(|p| format!(" ({p:+.1} %)")).unwrap_or_default(),
                                        if s.pass { "within the limit" } else { "OUTSIDE the limit" })}</li>
                                }).collect_view()}
                            </ul>
                            <p class=if outcome.pass { "notice ok" } else { "notice danger" }>{if outcome.pass { "Pass: every sample is within the limit." } else { "Fail: a sample is outside the limit." }}</p>
                        }.into_any(),
                        Ok(Err(err)) => view! { <p class="hint">{format!("Not judged yet: {err}.")}</p> }.into_any(),
                        Err(why) => view! { <p class="hint">{format!("Not judged yet: {why}")}</p> }.into_any(),
                    }}
                </div>
                <TextField id="verify-by" label="Performed by" value=by />
                <button type="submit" class="button">"Save verification"</button>
            </form>
            {move || inv().verification_for(&lot_id()).map(|(_, v)| match &v.sign_off {
                Some(s) => view! { <p class="notice ok">{format!("Signed off by {} on {}.", s.by, s.at.format("%Y-%m-%d %H:%M"))}</p> }.into_any(),
                None => view! {
                    <form class="card" on:submit=sign>
                        <h2>"Supervisor's sign-off"</h2>
                        <p>{format!("Recorded by {} on {}: {}.", v.performed_by, v.performed_at.format("%Y-%m-%d %H:%M"),
                            match v.evaluate() { Ok(o) if o.pass => "pass", _ => "fail" })}</p>
                        <TextField id="verify-supervisor" label="Supervisor" value=supervisor />
                        <TextField id="verify-comment" label="Comment (optional)" value=comment />
                        <button type="submit" class="button">"Sign off"</button>
                    </form>
                }.into_any(),
            })}
            {move || notice.get().map(|n| match n {
                Ok(t) => view! { <p class="notice ok" role="status">{t}</p> }.into_any(),
                Err(t) => view! { <p class="notice danger" role="alert">{t}</p> }.into_any(),
            })}
        </section>
    }
}
