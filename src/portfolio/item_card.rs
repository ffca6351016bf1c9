//! One portfolio item in the list: its headline, dates, particulars (assessor, site, venue...),
//! notes and attachments, and the way in to editing it.

use benchmate_core::portfolio::PortfolioItem;
use leptos::prelude::*;
use leptos_router::components::A;

use super::certificate::Thumbnail;

#[component]
pub fn ItemCard(id: String, item: PortfolioItem) -> impl IntoView {
    let details = item.detail_lines();
    view! {
        <li class="card" data-item=id.clone()>
            <strong>{item.headline()}</strong>
            <span class="hint">{item.dates_text()}</span>
            {(!details.is_empty()).then(|| view! {
                <dl class="item-details">
                    {details.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                </dl>
            })}
            {(!item.notes.is_empty()).then(|| view! { <span class="hint">{item.notes.clone()}</span> })}
            {(!item.attachments.is_empty()).then(|| view! {
                <ul class="thumbnails">
                    {item.attachments.iter().map(|reference| view! {
                        <li><Thumbnail reference=reference.clone() /></li>
                    }).collect_view()}
                </ul>
            })}
            <A href=format!("/portfolio/items?edit={id}")>"Edit or delete"</A>
        </li>
    }
}
