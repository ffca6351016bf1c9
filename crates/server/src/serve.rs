//! `benchmate serve`: the HTTP service (`app`) and running it until Ctrl-C or SIGTERM.

use std::process::ExitCode;

use axum::http::{header, HeaderValue};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::cli::ServeArgs;

/// What every request handler can reach. It holds no state two server processes would need
/// to agree on: everything shared lives in the database.
#[derive(Clone)]
pub struct AppState {
    pub db: crate::db::Db,
    /// Whether the server is behind a reverse proxy whose `X-Forwarded-For` names the
    /// client (`--trust-proxy`): the sign-in limit per address then counts the client's
    /// address instead of the proxy's.
    pub trust_proxy: bool,
}

impl AppState {
    /// The state for a server reached directly (no proxy).
    pub fn new(db: crate::db::Db) -> AppState {
        AppState { db, trust_proxy: false }
    }
}

/// The whole HTTP service: the API under `/api/v1`, the app everywhere else.
pub fn app(state: AppState) -> Router {
    let api = crate::api::routes().layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ));
    Router::new()
        .nest("/api/v1", api)
        .fallback(crate::assets::serve_app)
        .with_state(state)
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TraceLayer::new_for_http())
}

/// Runs `benchmate serve` to completion.
pub fn run(args: ServeArgs) -> ExitCode {
    init_logging(&args.log_format);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("benchmate: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("benchmate: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    let location = crate::db::Location::choose(&args.store.data, args.store.database_url.as_deref())?;
    let db = crate::db::open(&location).await?;
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|err| format!("cannot listen on {}: {err}", args.addr))?;
    let addr = listener.local_addr().map_err(|err| err.to_string())?;
    tracing::info!(%addr, database = %location.describe(), "serving");
    // Tools (and people) read this line to learn the address, also when the port was 0.
    println!(
        "Benchmate is serving http://{addr}/ (data in {}). Press Ctrl-C to stop.",
        location.describe()
    );
    let state = AppState {
        db: db.clone(),
        trust_proxy: args.trust_proxy,
    };
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|err| format!("server error: {err}"))?;
    db.pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests finish and the database closes cleanly.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}
