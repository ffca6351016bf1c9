//! The section navigation: a bottom bar on phones and a side bar on tablets (the CSS decides).

use leptos::prelude::*;
use leptos_router::components::A;

/// One entry of the navigation.
struct Section {
    href: &'static str,
    label: &'static str,
    /// An SVG path in a 24 x 24 box, drawn with the text colour.
    icon: &'static str,
}

const SECTIONS: [Section; 5] = [
    Section { href: "/calculators", label: "Calculators", icon: "M6 2h12a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm1 3v4h10V5zm0 7v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2zm-8 4v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2z" },
    Section { href: "/ranges", label: "Ranges", icon: "M3 20h18v2H3zm2-3h3V8H5zm5.5 0h3V3h-3zM16 17h3v-6h-3z" },
    Section { href: "/reagents", label: "Reagents", icon: "M9 2h6v2h-1v5.2l5.6 9.7A2 2 0 0 1 17.9 22H6.1a2 2 0 0 1-1.7-3.1L10 9.2V4H9zm3 9.3L8.5 17h7z" },
    Section { href: "/portfolio", label: "Portfolio", icon: "M12 2l3 6 6.5 1-4.7 4.6 1.1 6.4L12 17l-5.9 3 1.1-6.4L2.5 9 9 8z" },
    Section { href: "/settings", label: "Settings", icon: "M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm-1-6h2l.5 3 2 .8 2.5-1.8 1.4 1.4-1.8 2.5.8 2 3 .5v2l-3 .5-.8 2 1.8 2.5-1.4 1.4-2.5-1.8-2 .8-.5 3h-2l-.5-3-2-.8-2.5 1.8-1.4-1.4 1.8-2.5-.8-2-3-.5v-2l3-.5.8-2-1.8-2.5 1.4-1.4 2.5 1.8 2-.8z" },
];

#[component]
pub fn NavBar() -> impl IntoView {
    view! {
        <nav class="nav" aria-label="Sections">
            {SECTIONS
                .iter()
                .map(|section| {
                    view! {
                        <A href=section.href>
                            <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor" fill-rule="evenodd">
                                <path d=section.icon />
                            </svg>
                            <span>{section.label}</span>
                        </A>
                    }
                })
                .collect_view()}
        </nav>
    }
}
