//! The sync status in the header: words (synced, N changes waiting, offline, syncing, or the
//! error), linking to Settings where the details are. Hidden with no account.

use leptos::prelude::*;
use leptos_router::components::A;

use super::state::sync_state;

#[component]
pub fn SyncIndicator() -> impl IntoView {
    let state = sync_state();
    let status = Memo::new(move |_| state.status());
    view! {
        <Show when=move || state.account.with(Option::is_some)>
            <A href="/settings#sync" attr:class="sync-indicator" attr:data-status=move || status.with(|s| s.name())>
                <span role="status" aria-live="polite">{move || status.with(|s| s.text())}</span>
            </A>
        </Show>
    }
}
