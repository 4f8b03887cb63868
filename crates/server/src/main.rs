//! `server`: the Command Center binary (CLI-1).

use anyhow::Context;
use clap::{Parser, Subcommand};
use server::{config::Config, operator, seed, startup, telemetry, worker};

#[derive(Parser)]
#[command(
    name = "server",
    version,
    about = "Command Center: API server, worker and operator commands"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the SPA (default), with the worker embedded unless EMBEDDED_WORKER=false.
    Serve,
    /// Apply pending database migrations (as the owner of DATABASE_URL).
    Migrate,
    /// Run the background worker alone.
    Worker,
    /// Print the OpenAPI document.
    Openapi,
    /// Load data: --demo (into an empty database) or --scale N (synthetic, for benchmarks).
    Seed {
        #[arg(long, conflicts_with = "scale")]
        demo: bool,
        #[arg(long, value_name = "N")]
        scale: Option<u64>,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API keys.
    ApiKey {
        #[command(subcommand)]
        command: ApiKeyCommand,
    },
    /// Receivables maintenance.
    Ar {
        #[command(subcommand)]
        command: ArCommand,
    },
}

#[derive(Subcommand)]
enum ArCommand {
    /// Rebuild ar_daily_totals (the DSO series' day sums) from invoices and allocations,
    /// e.g. after a restore; holds AR writers off while it runs.
    RebuildDailyTotals,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        password: String,
        #[arg(long)]
        full_name: Option<String>,
    },
}

#[derive(Subcommand)]
enum ApiKeyCommand {
    /// Create an API key and print it once.
    Create {
        #[arg(long)]
        name: String,
        /// tickets:write, broadcast:write or whatsapp:write; repeat for several.
        #[arg(long = "scope", required = true)]
        scopes: Vec<String>,
        /// Requests per minute the key may make (1 to 1,000,000).
        #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(i32).range(1..=1_000_000))]
        rate_limit_per_minute: i32,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::Openapi) = cli.command {
        let json = serde_json::to_string_pretty(&http_api::openapi())?;
        #[allow(clippy::print_stdout)]
        {
            println!("{json}");
        }
        return Ok(());
    }
    let config = Config::from_env()?;
    telemetry::init(config.log_format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => startup::serve(config).await?,
        Command::Migrate => {
            operator::migrate(&config).await?;
            tracing::info!("migrations applied");
        }
        Command::Worker => {
            let db = persistence::Db::connect_lazy(
                config.app_options()?,
                &startup::db_settings(&config),
            );
            tokio::select! {
                () = worker::run(
                    db,
                    config.worker_settings(),
                    config.smtp.as_ref().map(server::mail::Mailer::new).transpose()?,
                ) => {}
                result = tokio::signal::ctrl_c() => result.context("signal handler")?,
            }
        }
        Command::Openapi => {}
        Command::Seed { demo, scale } => {
            let pool = operator::owner_pool(&config).await?;
            if demo {
                if config.production() {
                    anyhow::bail!("demo data is refused in production mode");
                }
                match seed::demo(&pool).await? {
                    true => tracing::info!("demo data loaded"),
                    false => tracing::info!("database already has users; demo data not loaded"),
                }
            }
            if let Some(count) = scale {
                let added = seed::scale(&pool, count).await?;
                tracing::info!(added, "synthetic users added");
            }
            if !demo && scale.is_none() {
                anyhow::bail!("give --demo or --scale N");
            }
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    role,
                    password,
                    full_name,
                },
        } => operator::create_user(&config, &email, &role, &password, full_name.as_deref()).await?,
        Command::ApiKey {
            command:
                ApiKeyCommand::Create {
                    name,
                    scopes,
                    rate_limit_per_minute,
                },
        } => operator::create_api_key(&config, &name, &scopes, rate_limit_per_minute).await?,
        Command::Ar {
            command: ArCommand::RebuildDailyTotals,
        } => operator::rebuild_ar_daily_totals(&config).await?,
    }
    Ok(())
}
