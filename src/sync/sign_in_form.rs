//! Signing in: the server's address (this app's own by default), email and password.

use leptos::prelude::*;

use super::account::own_origin;
use super::session;

#[component]
pub fn SignInForm() -> impl IntoView {
    let server = RwSignal::new(own_origin());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let sign_in = Action::new_local(move |_: &()| {
        let (server, email, password) = (server.get_untracked(), email.get_untracked(), password.get_untracked());
        async move { session::sign_in(&server, &email, &password).await }
    });
    let problem = move || sign_in.value().get().and_then(Result::err);
    view! {
        <form class="sign-in" on:submit=move |ev| {
            ev.prevent_default();
            sign_in.dispatch(());
        }>
            <div class="field">
                <label for="sync-server">"Server address"</label>
                <input id="sync-server" type="url" autocomplete="url" prop:value=server on:input=move |ev| server.set(event_target_value(&ev)) />
                <span class="hint">"Your lab's Benchmate server. This app's own address unless your lab says otherwise."</span>
            </div>
            <div class="field">
                <label for="sync-email">"Email"</label>
                <input id="sync-email" type="email" autocomplete="username" prop:value=email on:input=move |ev| email.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="sync-password">"Password"</label>
                <input id="sync-password" type="password" autocomplete="current-password" prop:value=password on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            {move || problem().map(|p| view! { <p class="notice danger" role="alert">{p}</p> })}
            <button id="sync-sign-in" class="button" type="submit" disabled=move || sign_in.pending().get()>
                {move || if sign_in.pending().get() { "Signing in…" } else { "Sign in" }}
            </button>
        </form>
    }
}
