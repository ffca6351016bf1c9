//! QC: control lots with their targets, fast entry of a run (one value per level), the
//! Westgard check of each new run (which rule, which results, what to do) and the
//! Levey-Jennings chart per control lot and analyte.

use std::collections::BTreeSet;

use benchmate_core::qc::{
    check_run, levey_jennings, ControlLot, Observation, QcResult, Target, TargetSource, Violation,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::chart::LeveyJenningsSvg;
use super::data::{new_id, now, QcData};
use super::establish::EstablishTarget;
use super::field::{number, TextField};
use crate::store::{lab_scope, revision, Store};

/// What saving a run gave: the broken rules with the results they involved, or why not saved.
type Outcome = Result<Vec<(Violation, String)>, String>;

/// An analyte on an analyser: what a run and a chart are about.
type Pair = (String, String);

fn pairs(data: &QcData) -> Vec<Pair> {
    let set: BTreeSet<Pair> = data
        .controls
        .iter()
        .flat_map(|(_, c)| c.targets.iter().map(|t| (t.analyte.clone(), t.analyser.clone())))
        .collect();
    set.into_iter().collect()
}

/// The results of a pair placed against their level's target, in measurement order.
fn observations(data: &QcData, (analyte, analyser): &Pair) -> Vec<Observation> {
    data.results
        .iter()
        .filter(|r| &r.analyte == analyte && &r.analyser == analyser)
        .filter_map(|r| {
            let (_, control) = data.controls.iter().find(|(_, c)| c.id == r.control_lot_id)?;
            r.observe(control.target(analyte, analyser)?).ok()
        })
        .collect()
}

#[component]
pub fn QcPage() -> impl IntoView {
    let data = LocalResource::new(move || {
        revision().track();
        QcData::load()
    });
    let chosen = RwSignal::new(None::<Pair>);
    // Held here, not in the entry form: the form is rebuilt when the saved run reloads the data.
    let by = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let current = move || data.get().and_then(|r| r.ok()).unwrap_or_default();
    // Pick the first analyte once there is one, so a single-analyte lab never has to choose.
    Effect::new(move |_| {
        if chosen.with(Option::is_none) {
            if let Some(first) = pairs(&current()).into_iter().next() {
                chosen.set(Some(first));
            }
        }
    });
    view! {
        <section data-section="reagents">
            <h1>"Quality control"</h1>
            {move || {
                let all = pairs(&current());
                (!all.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="qc-pair">"Analyte and analyser"</label>
                        <select id="qc-pair" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            chosen.set(v.split_once('\u{1f}').map(|(a, b)| (a.to_string(), b.to_string())));
                        }>
                            {all.into_iter().map(|(a, b)| {
                                let value = format!("{a}\u{1f}{b}");
                                let is = (a.clone(), b.clone());
                                view! { <option value=value selected=move || chosen.get().as_ref() == Some(&is)>{format!("{a} on {b}")}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })
            }}
            {move || chosen.get().map(|pair| view! {
                <RunEntry data=current() pair=pair.clone() by=by outcome=outcome />
                <Charts data=current() pair=pair />
            })}
            <ControlLotForm />
        </section>
    }
}

/// One value per level for the chosen analyte, saved as one run and checked at once.
#[component]
fn RunEntry(data: QcData, pair: Pair, by: RwSignal<String>, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let (analyte, analyser) = pair.clone();
    let levels: Vec<(ControlLot, Target, RwSignal<String>)> = data
        .controls
        .iter()
        .filter_map(|(_, c)| {
            Some((
                c.clone(),
                c.target(&analyte, &analyser)?.clone(),
                RwSignal::new(String::new()),
            ))
        })
        .collect();
    let previous = observations(&data, &pair);
    let entries = levels.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let run_id = new_id();
        let at = now();
        let mut run = Vec::new();
        for (control, target, value) in &entries {
            let text = value.get_untracked();
            if text.trim().is_empty() {
                continue;
            }
            let value = match number(&text, &format!("Level {}", control.level)) {
                Ok(v) => v,
                Err(why) => return outcome.set(Some(Err(why))),
            };
            let result = QcResult {
                id: new_id(),
                control_lot_id: control.id.clone(),
                analyte: target.analyte.clone(),
                analyser: target.analyser.clone(),
                run_id: run_id.clone(),
                at,
                value,
                entered_by: by.get_untracked().trim().to_string(),
            };
            match result.observe(target) {
                Ok(obs) => run.push((
                    result,
                    obs,
                    format!("Level {} ({value} {})", control.level, target.unit),
                )),
                Err(err) => return outcome.set(Some(Err(err.to_string()))),
            }
        }
        if run.is_empty() {
            return outcome.set(Some(Err("Enter at least one level's result.".into())));
        }
        if by.get_untracked().trim().is_empty() {
            return outcome.set(Some(Err("Who ran the controls is missing.".into())));
        }
        let observed: Vec<Observation> = run.iter().map(|(_, o, _)| o.clone()).collect();
        let found = check_run(&previous, &observed)
            .into_iter()
            .map(|v| {
                let involved: Vec<String> = v
                    .result_ids
                    .iter()
                    .map(|id| match run.iter().find(|(r, _, _)| &r.id == id) {
                        Some((_, _, text)) => format!("{text}, this run"),
                        None => "an earlier result".to_string(),
                    })
                    .collect();
                (v, involved.join("; "))
            })
            .collect::<Vec<_>>();
        for (_, _, value) in &entries {
            value.set(String::new());
        }
        spawn_local(async move {
            let saved = async {
                let store = Store::open().await?;
                for (result, _, _) in &run {
                    store.create(lab_scope(), result).await?;
                }
                Ok::<_, crate::store::StoreError>(())
            }
            .await;
            outcome.set(Some(saved.map(|_| found).map_err(|err| format!("Not saved: {err}"))));
        });
    };
    view! {
        <form class="card qc-run" on:submit=save>
            <h2>"Enter a run"</h2>
            {levels.iter().map(|(control, target, value)| {
                let id = format!("qc-value-{}", control.id);
                let label = format!("Level {} · {} lot {} ({})", control.level, control.material, control.lot_number, target.unit);
                let value = *value;
                view! {
                    <div class="field">
                        <label for=id.clone()>{label}</label>
                        <input id=id type="text" inputmode="decimal" autocomplete="off"
                            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                    </div>
                }
            }).collect_view()}
            <TextField id="qc-by" label="Run by" value=by />
            <button type="submit" class="button">"Save run"</button>
            <div aria-live="polite" class="qc-outcome">
                {move || outcome.get().map(|o| match o {
                    Err(why) => view! { <p class="notice danger" role="alert">{why}</p> }.into_any(),
                    Ok(found) if found.is_empty() => view! { <p class="notice ok" role="status">"Saved. No Westgard rule broken: accept the run."</p> }.into_any(),
                    Ok(found) => view! {
                        <div class="westgard" role="status">
                            <p>"Saved."</p>
                            {found.into_iter().map(|(v, involved)| {
                                let class = if v.rejects_run { "notice danger" } else { "notice warn" };
                                let verdict = if v.rejects_run { "rejects the run" } else { "warning" };
                                view! {
                                    <div class=class>
                                        <strong class="rule">{format!("{} ({verdict})", v.rule.name())}</strong>
                                        <p>{format!("Results: {involved}.")}</p>
                                        <p>{v.action.clone()}</p>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    }.into_any(),
                })}
            </div>
        </form>
    }
}

/// The Levey-Jennings chart of each control lot for the chosen analyte.
#[component]
fn Charts(data: QcData, pair: Pair) -> impl IntoView {
    let (analyte, analyser) = pair.clone();
    // Rules are judged over all levels together, so across-level rules mark their points too.
    let violations = check_run(&[], &observations(&data, &pair));
    data.controls
        .iter()
        .filter_map(|(record, control)| {
            let target = control.target(&analyte, &analyser)?;
            let results: Vec<QcResult> = data
                .results
                .iter()
                .filter(|r| r.control_lot_id == control.id && r.analyte == analyte && r.analyser == analyser)
                .cloned()
                .collect();
            let title = format!(
                "{analyte}, level {} ({} lot {})",
                control.level, control.material, control.lot_number
            );
            Some(match levey_jennings(target, &results, &violations) {
                Ok(chart) if chart.points.is_empty() => {
                    view! { <p class="muted">{format!("{title}: no results yet.")}</p> }.into_any()
                }
                Ok(chart) => view! {
                    <LeveyJenningsSvg chart=chart title=title />
                    <EstablishTarget record=record.id() control=control.clone() analyte=analyte.clone()
                        analyser=analyser.clone() results=results violations=violations.clone() />
                }
                .into_any(),
                Err(err) => view! { <p class="notice warn">{format!("{title}: {err}")}</p> }.into_any(),
            })
        })
        .collect_view()
}

/// A new control lot with its target for one analyte (from the package insert).
#[component]
fn ControlLotForm() -> impl IntoView {
    let s = || RwSignal::new(String::new());
    let (material, level, lot, expiry, analyte, analyser, unit, mean, sd) =
        (s(), s(), s(), s(), s(), s(), s(), s(), s());
    let notice = RwSignal::new(None::<Result<String, String>>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = |v: RwSignal<String>| v.get_untracked().trim().to_string();
        let built = (|| {
            for (v, what) in [
                (material, "The material"),
                (level, "The level"),
                (lot, "The lot number"),
                (analyte, "The analyte"),
                (analyser, "The analyser"),
                (unit, "The unit"),
            ] {
                if text(v).is_empty() {
                    return Err(format!("{what} is missing."));
                }
            }
            let expiry = chrono::NaiveDate::parse_from_str(&text(expiry), "%Y-%m-%d")
                .map_err(|_| "The expiry date is missing or not a date.".to_string())?;
            let mean = number(&text(mean), "Target mean")?;
            let sd = number(&text(sd), "Target SD")?;
            if sd <= 0.0 {
                return Err("Target SD must be more than zero.".to_string());
            }
            Ok(ControlLot {
                id: new_id(),
                material: text(material),
                level: text(level),
                lot_number: text(lot),
                expiry,
                targets: vec![Target {
                    analyte: text(analyte),
                    analyser: text(analyser),
                    unit: text(unit),
                    mean,
                    sd,
                    source: TargetSource::PackageInsert,
                }],
            })
        })();
        match built {
            Err(why) => notice.set(Some(Err(why))),
            Ok(control) => spawn_local(async move {
                let saved = async { Store::open().await?.create(lab_scope(), &control).await }.await;
                notice.set(Some(
                    saved
                        .map(|_| format!("Saved: level {} lot {}.", control.level, control.lot_number))
                        .map_err(|e| format!("Not saved: {e}")),
                ));
            }),
        }
    };
    view! {
        <form class="card" on:submit=save>
            <h2>"Add a control lot"</h2>
            <p class="hint">"Target mean and SD from the package insert, per analyte and analyser."</p>
            <TextField id="control-material" label="Control material" value=material />
            <div class="field-row">
                <TextField id="control-level" label="Level" value=level />
                <TextField id="control-lot" label="Lot number" value=lot />
            </div>
            <TextField id="control-expiry" label="Expiry" value=expiry kind="date" />
            <div class="field-row">
                <TextField id="control-analyte" label="Analyte" value=analyte />
                <TextField id="control-analyser" label="Analyser" value=analyser />
            </div>
            <div class="field-row">
                <TextField id="control-unit" label="Unit" value=unit />
                <TextField id="control-mean" label="Target mean" value=mean inputmode="decimal" />
                <TextField id="control-sd" label="Target SD" value=sd inputmode="decimal" />
            </div>
            <button type="submit" class="button secondary">"Save control lot"</button>
            {move || notice.get().map(|n| match n {
                Ok(t) => view! { <p class="notice ok" role="status">{t}</p> }.into_any(),
                Err(t) => view! { <p class="notice danger" role="alert">{t}</p> }.into_any(),
            })}
        </form>
    }
}
