//! almanac-server: `almanac serve`, the ledger's JSON API and its dashboard over HTTP.
//!
//! - The JSON API under `/api/`, described by an OpenAPI 3.1 document generated from the
//!   handlers themselves (`/api/openapi.json`, [`openapi`]): facts with every filter of
//!   `almanac facts`, facet counts and keyset pages with a total, as JSON, CSV or NDJSON;
//!   entities, documents, timelines, checks and promises; `POST /api/documents` (the
//!   pipeline of `almanac ingest`) and corrections, both behind a bearer token.
//! - The dashboard: server-rendered HTML pages (templates in `templates/`, one stylesheet
//!   and one small script in `assets/`, no build step), each with a `.json` twin that
//!   holds exactly what the page shows.
//!
//! What it does not do: SQL (the store's), extraction or analysis (their crates'), TLS
//! or user accounts (put it behind a reverse proxy for those). It is the only crate that
//! knows HTTP.
//!
//! The key decision: reads go through a small pool of connections (read-only on SQLite)
//! on blocking threads, so an `almanac ingest` can run beside the server, and whatever is
//! costly to compute (totals and facets of a filter, a place's charts, the checks and
//! promises over the whole ledger) is cached until another connection commits, which the
//! ledger's `data_version` tells each reader at almost no cost (SQLite's own; on
//! PostgreSQL a hash of the server's snapshot). It reads the ledger through the store's
//! `Ledger` trait only, so an SQLite file and a PostgreSQL database are served alike.
//!
//! ```no_run
//! # async fn run() -> anyhow::Result<()> {
//! let db = almanac_store::LedgerAddress::parse("almanac.db");
//! let config = almanac_server::Config::new(db);
//! almanac_server::serve(config, std::future::pending()).await
//! # }
//! ```

#![forbid(unsafe_code)]

mod api;
mod chart;
mod corrections;
mod error;
mod pages;
mod params;
mod state;
mod views;

use almanac_store::LedgerAddress;
use std::future::Future;
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Request};
use axum::Router;
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use api::openapi;
pub use state::AppState;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on; loopback unless told otherwise.
    pub addr: SocketAddr,
    /// The ledger: an SQLite file or a PostgreSQL database.
    pub db: LedgerAddress,
    /// The bearer token that writes need; without one, writes are refused.
    pub token: Option<String>,
    /// Read-only connections to the ledger, each used by one request at a time.
    pub readers: usize,
    /// The largest request body `POST /api/documents` takes.
    pub max_body_bytes: usize,
    /// The limits on each document posted, as `almanac ingest` has them.
    pub limits: almanac_ingest::Limits,
}

impl Config {
    /// The defaults for the ledger at `db`: `127.0.0.1:8080`, no token, four readers,
    /// bodies up to 16 MiB.
    pub fn new(db: impl Into<LedgerAddress>) -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: db.into(),
            token: None,
            readers: 4,
            max_body_bytes: 16 * 1024 * 1024,
            limits: almanac_ingest::Limits::default(),
        }
    }
}

/// Serves the ledger of `config` on its address until `shutdown` completes, then finishes
/// the requests under way.
///
/// # Errors
///
/// When the ledger cannot be opened or the address cannot be bound.
pub async fn serve(
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    serve_on(listener, config, shutdown).await
}

/// Serves until Ctrl-C or SIGTERM, logging requests to stderr at `log` (`RUST_LOG`
/// syntax: `info` logs each request): what `almanac serve` runs.
///
/// # Errors
///
/// When the log filter, the ledger or the address is wrong, or the server fails.
pub fn run(config: Config, log: &str) -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_new(log)
        .with_context(|| format!("invalid log filter {log:?}"))?;
    // A second call (tests that run several servers) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours for a terminal only: a log file or a pipe gets plain text.
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
    let runtime = tokio::runtime::Runtime::new().context("cannot start the server's runtime")?;
    runtime.block_on(serve(config, shutdown_signal()))
}

/// Ctrl-C, or SIGTERM where there is one: stop accepting, finish what is under way.
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
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests under way");
}

/// [`serve`] on a listener already bound (tests bind port 0 and read the port back).
///
/// # Errors
///
/// When the ledger cannot be opened or the server fails.
pub async fn serve_on(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let state = AppState::open(config).await?;
    let addr = listener.local_addr()?;
    tracing::info!(
        "serving {} on http://{addr}/ (API: http://{addr}/api/, OpenAPI: http://{addr}/api/openapi.json){}",
        state.config().db,
        if state.config().token.is_some() {
            "; writes need the token"
        } else {
            "; writes are off (no token)"
        }
    );
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
        .context("the server failed")?;
    tracing::info!("stopped");
    Ok(())
}

/// The whole application: the API, the dashboard and its assets, with request logs.
pub fn app(state: AppState) -> Router {
    let (api, _) = api::router().split_for_parts();
    let max_body = state.config().max_body_bytes;
    Router::new()
        .merge(api)
        .merge(pages::router())
        .fallback(pages::not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<_>| {
                    tracing::info_span!("request", method = %request.method(), uri = %request.uri())
                })
                .on_response(
                    |response: &axum::http::Response<_>, latency: Duration, _span: &tracing::Span| {
                        tracing::info!(status = response.status().as_u16(), ?latency, "done");
                    },
                ),
        )
        // Scripts and styles only from this server: even text that escaped escaping could
        // run nothing. Pages are never framed by another site, and nothing guesses
        // content types.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                 object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            ),
        ))

        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
}
