//! The credential form, for adding one or editing it: its program (ASCP, AMT, California,
//! Florida, or your own rules), the cycle's first and last day (the last suggested from the
//! program's cycle length), and any roles or licensed categories the program asks for.

use benchmate_core::portfolio::{ContentCategory, Credential, ProgramChoice, ProgramRules};
use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::{catalogue, parse_date, Notice};
use crate::calculators::parse_number;
use crate::store::{personal_scope, Store};

const CUSTOM: &str = "custom";

/// The short name of a program for a credential's label: "MLS(ASCP)" from
/// "ASCP BOC Credential Maintenance Program: MLS(ASCP)".
fn short_name(rules: &ProgramRules) -> String {
    rules.name.rsplit(": ").next().unwrap_or(&rules.name).to_string()
}

#[derive(Clone, Copy)]
struct Fields {
    program: RwSignal<String>,
    label: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    number: RwSignal<String>,
    roles: RwSignal<Vec<String>>,
    specialties: RwSignal<String>,
    custom_total: RwSignal<String>,
}

impl Fields {
    /// The form for a new credential, or filled from one being edited.
    fn new(editing: Option<&Credential>) -> Fields {
        let Some(credential) = editing else {
            return Fields {
                program: RwSignal::new("ascp-boc-cmp-mls".to_string()),
                label: RwSignal::new(String::new()),
                start: RwSignal::new(String::new()),
                end: RwSignal::new(String::new()),
                number: RwSignal::new(String::new()),
                roles: RwSignal::new(Vec::new()),
                specialties: RwSignal::new(String::new()),
                custom_total: RwSignal::new("24".to_string()),
            };
        };
        let (program, custom_total) = match &credential.program {
            ProgramChoice::Catalogue(id) => (id.clone(), "24".to_string()),
            ProgramChoice::Custom(rules) => (CUSTOM.to_string(), rules.total.minimum.to_string()),
        };
        let specialties: Vec<&str> = credential.specialties.iter().map(|c| c.label()).collect();
        Fields {
            program: RwSignal::new(program),
            label: RwSignal::new(credential.label.clone()),
            start: RwSignal::new(credential.cycle_start.to_string()),
            end: RwSignal::new(credential.cycle_end.to_string()),
            number: RwSignal::new(credential.credential_number.clone().unwrap_or_default()),
            roles: RwSignal::new(credential.roles.clone()),
            specialties: RwSignal::new(specialties.join(", ")),
            custom_total: RwSignal::new(custom_total),
        }
    }

    /// The credential the fields describe, checked against its program. `editing` is the
    /// stored credential: its notes and its own custom rules (beyond the total) are kept.
    fn credential(&self, editing: Option<&Credential>) -> Result<Credential, String> {
        let catalogue = catalogue()?;
        let program = self.program.get_untracked();
        let start = parse_date(&self.start.get_untracked()).ok_or("Cycle start: pick a date.")?;
        let end = parse_date(&self.end.get_untracked()).ok_or("Cycle end: pick a date.")?;
        let typed_label = self.label.get_untracked().trim().to_string();
        let mut credential = if program == CUSTOM {
            let total = parse_number(&self.custom_total.get_untracked()).ok_or("Hours per cycle: enter a number.")?;
            // An edited custom credential keeps the rules it had; only the total is on the form.
            let mut rules = match editing.map(|c| &c.program) {
                Some(ProgramChoice::Custom(rules)) => (**rules).clone(),
                _ => catalogue.custom_template.clone(),
            };
            rules.total.minimum = total;
            if !typed_label.is_empty() {
                rules.name = typed_label.clone();
            }
            let mut credential = Credential::new(&typed_label, CUSTOM, start, end);
            credential.program = ProgramChoice::Custom(Box::new(rules));
            credential
        } else {
            let rules = catalogue.program(&program).ok_or("Pick a program.")?;
            let label = if typed_label.is_empty() {
                short_name(rules)
            } else {
                typed_label
            };
            Credential::new(&label, &program, start, end)
        };
        credential.notes = editing.map(|c| c.notes.clone()).unwrap_or_default();
        // Roles the chosen program does not define are dropped: they were ticked for another.
        let roles: Vec<String> = {
            let rules = catalogue.rules_for(&credential).map_err(|err| err.to_string())?;
            let ticked = self.roles.get_untracked();
            ticked.into_iter().filter(|role| rules.role(role).is_some()).collect()
        };
        credential.roles = roles;
        credential.credential_number = Some(self.number.get_untracked().trim().to_string()).filter(|n| !n.is_empty());
        credential.specialties = self
            .specialties
            .get_untracked()
            .split(',')
            .filter(|text| !text.trim().is_empty())
            .map(ContentCategory::parse)
            .collect::<Result<_, _>>()
            .map_err(|err| err.to_string())?;
        credential
            .validate(catalogue)
            .map_err(|problems| problems.to_string())?;
        Ok(credential)
    }
}

/// Adding a credential; the home page shows it once saved.
#[component]
pub fn NewCredentialPage() -> impl IntoView {
    view! {
        <section data-section="portfolio">
            <nav class="breadcrumb"><A href="/portfolio">"Portfolio"</A></nav>
            <h1>"Add a credential"</h1>
            <CredentialForm editing=None />
        </section>
    }
}

/// The form; `editing` is the credential being edited (the outcome then goes to the page's
/// `notice`, since the page re-renders after the save), or `None` for a new one.
#[component]
pub fn CredentialForm(
    editing: Option<(RecordId, Credential)>,
    #[prop(optional)] notice: Option<Notice>,
) -> impl IntoView {
    let fields = Fields::new(editing.as_ref().map(|(_, c)| c));
    let id = editing.as_ref().map(|(id, _)| *id);
    let stored = StoredValue::new(editing.map(|(_, c)| c));
    // Suggest the cycle's last day from its first and the program's cycle length, but only
    // once the user changes one of them: an edited credential keeps its stored end date.
    Effect::new(move |previous: Option<(String, String)>| {
        let current = (fields.start.get(), fields.program.get());
        if previous.is_none() && id.is_some() {
            return current;
        }
        let (Ok(catalogue), Some(start)) = (catalogue(), parse_date(&current.0)) else {
            return current;
        };
        let rules = catalogue.program(&current.1).unwrap_or(&catalogue.custom_template);
        if let Some(end) = rules.suggested_cycle_end(start) {
            fields.end.set(end.to_string());
        }
        current
    });
    let selected_rules = move || catalogue().ok().and_then(|c| c.program(&fields.program.get()).cloned());
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let credential = match stored.with_value(|editing| fields.credential(editing.as_ref())) {
            Ok(credential) => credential,
            Err(why) => return error.set(Some(why)),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let saved = async {
                let store = Store::open().await?;
                match id {
                    Some(id) => store.update(id, &credential).await,
                    None => store.create(personal_scope(), &credential).await.map(|_| ()),
                }
            }
            .await;
            match (saved, notice) {
                (Ok(()), Some(notice)) => notice.set(Some(Ok("Saved on this device".to_string()))),
                (Ok(()), None) => navigate("/portfolio", Default::default()),
                (Err(err), _) => error.set(Some(err.to_string())),
            }
        });
    };
    let programs = catalogue().map(|c| c.programs.clone()).unwrap_or_default();
    view! {
            <form class="card" on:submit=submit novalidate>
                <div class="field">
                    <label for="credential-program">"Program"</label>
                    <select id="credential-program" bind:value=fields.program>
                        {programs.into_iter().map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> }).collect_view()}
                        <option value=CUSTOM>"Another credential (your own rules)"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="credential-label">"Name shown"</label>
                    <input id="credential-label" type="text" bind:value=fields.label
                        placeholder=move || selected_rules().map(|r| short_name(&r)).unwrap_or_default() />
                </div>
                <Show when=move || fields.program.get() == CUSTOM>
                    <div class="field">
                        <label for="credential-total">"Hours per cycle"</label>
                        <input id="credential-total" type="text" inputmode="decimal" bind:value=fields.custom_total />
                    </div>
                </Show>
                <div class="field">
                    <label for="credential-start">"Cycle start"</label>
                    <input id="credential-start" type="date" bind:value=fields.start />
                </div>
                <div class="field">
                    <label for="credential-end">"Cycle end"</label>
                    <input id="credential-end" type="date" bind:value=fields.end />
                    <span class="hint">"Filled in from the program's cycle length; change it to match your renewal date."</span>
                </div>
                {move || selected_rules().filter(|r| !r.roles.is_empty()).map(|rules| view! {
                    <fieldset class="field">
                        <legend>"Roles"</legend>
                        <div class="choices">
                            {rules.roles.into_iter().map(|role| {
                                let id = role.id.clone();
                                let checked_id = role.id.clone();
                                view! {
                                    <label>
                                        <input type="checkbox"
                                            prop:checked=move || fields.roles.with(|r| r.contains(&checked_id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                fields.roles.update(|r| {
                                                    r.retain(|x| *x != id);
                                                    if on { r.push(id.clone()); }
                                                });
                                            } />
                                        {role.label.clone()}
                                        {(!role.verified).then_some(" (unverified)")}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                })}
                <Show when=move || selected_rules().is_some_and(|r| r.per_specialty.is_some())>
                    <div class="field">
                        <label for="credential-specialties">"Licensed categories"</label>
                        <input id="credential-specialties" type="text" bind:value=fields.specialties />
                        <span class="hint">"Separate them with commas: Hematology, Chemistry, ..."</span>
                    </div>
                </Show>
                <div class="field">
                    <label for="credential-number">"Certificate or license number (optional)"</label>
                    <input id="credential-number" type="text" bind:value=fields.number />
                </div>
                <div class="toolbar">
                    <button class="button" type="submit">
                        {if id.is_some() { "Save changes" } else { "Add credential" }}
                    </button>
                </div>
                {move || error.get().map(|why| view! { <p class="notice danger" role="alert">{why}</p> })}
            </form>
    }
}
