//! The lab's critical-call log: every call, newest first, and its export as CSV.

use benchmate_core::ranges::{calls_to_csv, CriticalCall};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::time::show;
use crate::files::download;
use crate::store::{revision, Store, StoreError};

async fn load_calls() -> Result<Vec<(String, CriticalCall)>, StoreError> {
    let mut calls: Vec<(String, CriticalCall)> = Store::open()
        .await?
        .list::<CriticalCall>()
        .await?
        .into_iter()
        .map(|(record, call)| (record.id().to_string(), call))
        .collect();
    calls.sort_by_key(|c| std::cmp::Reverse((c.1.call_time, c.1.result_time)));
    Ok(calls)
}

#[component]
pub fn CallsPage() -> impl IntoView {
    let calls = LocalResource::new(move || {
        revision().track();
        load_calls()
    });
    let exported = RwSignal::new(None::<Result<String, String>>);
    let export = move |_| {
        spawn_local(async move {
            let result = match load_calls().await {
                Ok(list) => {
                    let bodies: Vec<CriticalCall> = list.into_iter().map(|(_, c)| c).collect();
                    download("critical-calls.csv", "text/csv", &calls_to_csv(&bodies))
                        .map(|()| format!("{} calls saved as critical-calls.csv.", bodies.len()))
                }
                Err(err) => Err(err.to_string()),
            };
            exported.set(Some(result));
        });
    };
    view! {
        <section data-section="ranges">
            <p class="breadcrumb"><A href="/ranges">"Reference ranges"</A></p>
            <h1>"Critical calls"</h1>
            <p>"The lab's log of critical-value calls, newest first. Log a call from a critical flag on an analyte's page."</p>
            <div class="toolbar">
                <button id="export-calls" class="button secondary" on:click=export>"Export as CSV"</button>
            </div>
            {move || exported.get().map(|r| match r {
                Ok(text) => view! { <p class="notice ok" role="status">{text}</p> }.into_any(),
                Err(why) => view! { <p class="notice danger" role="alert">{why}</p> }.into_any(),
            })}
            <Suspense fallback=|| view! { <p class="muted">"Loading the log..."</p> }>
                {move || calls.get().map(|loaded| match loaded {
                    Ok(list) if list.is_empty() => view! { <p class="muted">"No calls logged yet."</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="call-list">
                            {list.into_iter().map(|(id, call)| view! {
                                <li class="card">
                                    <A href=format!("/ranges/calls/{id}")>
                                        {format!("{} {} {}", call.analyte_name, call.value, call.unit)}
                                    </A>
                                    <strong class="flag-text">{call.flag.clone()}</strong>
                                    <span class="hint">{format!(
                                        "Called {} to {} ({}){}",
                                        show(&call.call_time),
                                        call.notified_name,
                                        call.notified_role,
                                        if call.read_back { ", read back" } else { ", NOT read back" },
                                    )}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(err) => view! { <p class="notice danger" role="alert">{format!("The call log could not be read: {err}")}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}
