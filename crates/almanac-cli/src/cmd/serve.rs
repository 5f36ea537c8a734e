//! `almanac serve`: the ledger's JSON API and dashboard over HTTP (`almanac-server`).

use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Args;

use crate::args::DbArgs;

/// `almanac serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Where to listen; loopback unless told otherwise (0.0.0.0:8080 for every interface)
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub db: DbArgs,
    /// The bearer token that writes (POST /api/documents, corrections) must carry; without
    /// one, writes are refused
    #[arg(
        long,
        env = "ALMANAC_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
    /// Read-only connections to the ledger (requests served at once)
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub readers: usize,
    /// The largest request body POST /api/documents takes, in megabytes
    #[arg(long, default_value_t = 16, value_name = "MB")]
    pub max_body_mb: usize,
    #[command(flatten)]
    pub limits: crate::limits::LimitArgs,
    /// Log level and filters (RUST_LOG syntax): info logs each request
    #[arg(long, env = "RUST_LOG", default_value = "info", value_name = "FILTER")]
    pub log: String,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = almanac_server::Config {
        addr: args.addr,
        db: args.db.address(),
        token: args.token,
        readers: args.readers,
        max_body_bytes: args.max_body_mb * 1024 * 1024,
        limits: args.limits.limits(),
    };
    almanac_server::run(config, &args.log)?;
    Ok(ExitCode::SUCCESS)
}
