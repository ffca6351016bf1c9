//! A credential's transcript for its current cycle: a print-friendly page (the browser saves
//! it as PDF) with the counted entries, totals per requirement, the rules applied and their
//! sources, and the certificates appended; and the same as CSV.

use benchmate_core::portfolio::credit::format_decimal;
use benchmate_core::portfolio::{evaluate, transcript_csv, Transcript, WarningPolicy};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::certificate::Thumbnail;
use super::{catalogue, today, PortfolioData};
use crate::files::download;
use crate::settings::use_preferences;
use crate::store::revision;

/// Builds the transcript of credential `id` from the stored records.
fn build(data: &PortfolioData, id: &str, policy: &WarningPolicy) -> Result<Transcript, String> {
    let (_, credential) = data
        .credentials
        .iter()
        .find(|(record, _)| record.id().to_string() == id)
        .ok_or("This credential is not on this device.")?;
    let catalogue = catalogue()?;
    let rules = catalogue.rules_for(credential).map_err(|err| err.to_string())?;
    let evaluation =
        evaluate(rules, credential, &data.entries, today(), policy).map_err(|problems| problems.to_string())?;
    Ok(Transcript::build(
        rules,
        credential,
        &data.entries,
        &evaluation,
        today(),
    ))
}

#[component]
fn TranscriptView(transcript: Transcript) -> impl IntoView {
    let unit = transcript.unit;
    let csv_note = RwSignal::new(None::<String>);
    let csv_text = transcript_csv(&transcript);
    let file_name = format!("transcript-{}-{}.csv", transcript.program_id, transcript.cycle_start);
    let save_csv = move |_| {
        csv_note.set(Some(match download(&file_name, "text/csv", &csv_text) {
            Ok(()) => format!("Saved {file_name}."),
            Err(why) => why,
        }))
    };
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let certificates: Vec<_> = transcript
        .lines
        .iter()
        .flat_map(|line| line.attachments.iter().map(move |a| (line.title.clone(), a.clone())))
        .collect();
    view! {
        <article class="transcript">
            <header>
                <h1>{format!("CE transcript: {}", transcript.credential_label)}</h1>
                <p>{transcript.program_name.clone()}" · "{transcript.issuer.clone()}</p>
                {transcript.credential_number.clone().map(|n| view! { <p>{format!("Number: {n}")}</p> })}
                <p>{format!("Cycle {} to {} · generated {} · rules checked {}", transcript.cycle_start, transcript.cycle_end, transcript.generated_on, transcript.rules_checked)}</p>
                <p><strong>{if transcript.complete { "All requirements met." } else { "Not all requirements are met yet." }}</strong></p>
            </header>
            <div class="toolbar no-print">
                <button type="button" class="button" on:click=print>"Print or save as PDF"</button>
                <button type="button" class="button secondary" on:click=save_csv>"Download CSV"</button>
                {move || csv_note.get().map(|text| view! { <span role="status">{text}</span> })}
            </div>
            <h2>"Requirements"</h2>
            <div class="table-scroll">
                <table>
                    <thead><tr><th>"Requirement"</th><th>"Needed"</th><th>"Earned"</th><th>"Status"</th></tr></thead>
                    <tbody>
                        {transcript.requirements.iter().map(|r| view! {
                            <tr>
                                <td>{r.label.clone()}{(!r.verified).then_some(" (unverified)")}</td>
                                <td>{unit.amount_text(r.needed)}</td>
                                <td>{unit.amount_text(r.earned)}</td>
                                <td>{if r.waived { "waived".to_string() } else if r.met { "met".to_string() } else { format!("{} missing", unit.amount_text(r.missing)) }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2>"Entries counted"</h2>
            {transcript.lines.is_empty().then(|| view! { <p>"No entry counts in this cycle yet."</p> })}
            <div class="table-scroll">
                <table class="transcript-entries">
                    <thead><tr><th>"Date"</th><th>"Title"</th><th>"Provider, accreditation, number"</th><th>"Credit"</th><th>"Counted"</th><th>"Counts toward"</th></tr></thead>
                    <tbody>
                        {transcript.lines.iter().map(|line| {
                            let details = [line.provider.clone(), line.accreditation.clone(), line.tracking_number.clone()]
                                .into_iter().flatten().collect::<Vec<_>>().join(" · ");
                            view! {
                                <tr>
                                    <td>{line.completed_on.to_string()}</td>
                                    <td>{line.title.clone()}</td>
                                    <td>{details}</td>
                                    <td>{format!("{} {}", format_decimal(line.amount.value), line.amount.credit_type.label())}</td>
                                    <td>{unit.amount_text(line.counted)}{line.capped.then_some(" (capped)")}</td>
                                    <td>{line.counts_toward.join(", ")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(!transcript.not_counted.is_empty()).then(|| view! {
                <h2>"Entries in the cycle that do not count"</h2>
                <ul>
                    {transcript.not_counted.iter().map(|line| view! {
                        <li>{format!("{} {}: {}", line.completed_on, line.title, line.reason)}</li>
                    }).collect_view()}
                </ul>
            })}
            <h2>"Rules applied"</h2>
            <ul>
                {transcript.rules_applied.iter().map(|rule| view! {
                    <li>{rule.text.clone()}{(!rule.verified).then_some(" (unverified)")}</li>
                }).collect_view()}
            </ul>
            <h2>"Sources"</h2>
            <ul>
                {transcript.sources.iter().map(|source| view! {
                    <li>{source.title.clone()}{source.url.clone().map(|url| format!(" ({url})"))}</li>
                }).collect_view()}
            </ul>
            {(!certificates.is_empty()).then(|| view! {
                <section class="certificates">
                    <h2>"Certificates"</h2>
                    {certificates.into_iter().map(|(title, reference)| view! {
                        <figure class="certificate">
                            <Thumbnail reference=reference />
                            <figcaption>{title}</figcaption>
                        </figure>
                    }).collect_view()}
                </section>
            })}
        </article>
    }
}

#[component]
pub fn TranscriptPage() -> impl IntoView {
    let params = use_params_map();
    let prefs = use_preferences();
    let data = LocalResource::new(move || {
        revision().track();
        PortfolioData::load()
    });
    view! {
        <section data-section="portfolio">
            <nav class="breadcrumb no-print"><A href="/portfolio">"Portfolio"</A></nav>
            <Suspense fallback=|| view! { <p class="hint">"Loading..."</p> }>
                {move || data.get().map(|result| {
                    let id = params.with(|p| p.get("id").unwrap_or_default());
                    match result.map_err(|err| err.to_string()).and_then(|data| build(&data, &id, &prefs.with(|p| p.ce_warning_policy()))) {
                        Ok(transcript) => view! { <TranscriptView transcript=transcript /> }.into_any(),
                        Err(why) => view! { <h1>"Transcript"</h1><p class="notice danger" role="alert">{why}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
