//! The commands about the user's own account: `login` (check a token with
//! the node's `Account.WhoAmI`, then store it in the config file),
//! `logout` (remove it from the file) and `whoami`.
//!
//! A token is read from `--token-file` (or `--token`, or their
//! environment variables) when one is given there, else from stdin: one
//! line, typed without echo after a prompt on stderr when stdin is a
//! terminal. Nothing here prints a token.

use std::io::{BufRead as _, IsTerminal as _, Read as _, Write};

use liaison_proto::auth::BearerToken;
use liaison_proto::pb;
use liaison_proto::pb::account_client::AccountClient;
use tonic::transport::Channel;

use crate::config::{
    self, ConfigFile, Location, MAX_TOKEN_BYTES, Origin, Secret, Settings, TokenSource,
};
use crate::connection;
use crate::failure::{Failure, code_name, status};
use crate::output::Printer;

/// Asks the node who the token belongs to.
pub async fn who_am_i(channel: Channel, token: BearerToken) -> Result<pb::Identity, tonic::Status> {
    AccountClient::with_interceptor(channel, token)
        .who_am_i(pb::WhoAmIRequest {})
        .await
        .map(tonic::Response::into_inner)
}

/// `liaison whoami`: the node's answer, and which node gave it.
pub async fn whoami<W: Write>(
    node: &str,
    channel: Channel,
    token: BearerToken,
    out: &mut Printer<W>,
) -> anyhow::Result<()> {
    let identity = who_am_i(channel, token).await.map_err(status)?;
    out.identity(&identity, node)?;
    Ok(())
}

/// The token `login` stores: the one given with `--token-file`, `--token`
/// or their environment variables, else one line of stdin.
fn token_to_store(settings: &Settings) -> Result<(Secret, String), Failure> {
    match &settings.token {
        Some(source) if !matches!(source.origin(), Origin::File(_)) => {
            let name = match source {
                TokenSource::Text(..) => "--token".to_string(),
                TokenSource::File(path, _) => format!("--token-file {}", path.display()),
            };
            Ok((source.secret()?, name))
        }
        _ => Ok((read_stdin(&settings.node.value)?, "stdin".to_string())),
    }
}

/// One line of stdin; at a terminal, typed without echo after a prompt on
/// stderr.
fn read_stdin(node: &str) -> Result<Secret, Failure> {
    let failed = |e: std::io::Error| {
        Failure::invalid("token", format!("cannot read the token from stdin: {e}"))
    };
    let text = if std::io::stdin().is_terminal() {
        let config = rpassword::ConfigBuilder::new()
            .output_writer(std::io::stderr())
            .build();
        rpassword::prompt_password_with_config(format!("Token for {node}: "), config)
            .map_err(failed)?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .take(MAX_TOKEN_BYTES + 1)
            .read_line(&mut line)
            .map_err(failed)?;
        if line.len() as u64 > MAX_TOKEN_BYTES {
            return Err(Failure::invalid(
                "token",
                format!(
                    "the line read from stdin is longer than {MAX_TOKEN_BYTES} bytes: it is not a token"
                ),
            ));
        }
        line
    };
    let secret = Secret::new(&text);
    if secret.expose().is_empty() {
        return Err(Failure::invalid(
            "token",
            "no token on stdin: give it in one line (`liaison login < FILE`), type it when \
             asked, or give --token-file",
        ));
    }
    Ok(secret)
}

/// `liaison login`: checks the token with the node, then stores it with the
/// node's address and CA in the config file.
pub async fn login<W: Write>(
    settings: &Settings,
    location: Option<&Location>,
    out: &mut Printer<W>,
) -> anyhow::Result<()> {
    let location = location.ok_or_else(|| {
        Failure::invalid(
            "--config",
            "cannot tell where to store the token: neither XDG_CONFIG_HOME nor HOME is set; name \
             the file with --config or LIAISON_CONFIG",
        )
    })?;
    let path = &location.path;
    let node = &settings.node.value;
    let ca = settings.ca.as_ref().map(|ca| ca.value.as_path());
    // Reach the node before asking for the token, so that nobody types a
    // token for a node that is not there.
    let channel = connection::connect(node, ca, None).await?;
    let (secret, read_from) = token_to_store(settings)?;
    let bearer = secret
        .bearer()
        .map_err(|rule| Failure::invalid("token", format!("the token from {read_from}: {rule}")))?;
    let identity = who_am_i(channel, bearer).await.map_err(|e| {
        let unchanged = format!("nothing was written to {}", path.display());
        match e.code() {
            tonic::Code::Unauthenticated | tonic::Code::PermissionDenied => Failure::new(
                code_name(e.code()),
                Some("token"),
                format!(
                    "the node at {node} does not accept the token from {read_from} ({}): \
                     {unchanged}",
                    e.message()
                ),
            ),
            tonic::Code::Unimplemented => Failure::new(
                code_name(e.code()),
                Some("--node"),
                format!(
                    "the node at {node} does not serve liaison.v1.Account (an older version), \
                     so the token cannot be checked: {unchanged}"
                ),
            ),
            _ => Failure::new(
                code_name(e.code()),
                None,
                format!("cannot check the token: {}: {unchanged}", e.message()),
            ),
        }
    })?;
    let ca = ca
        .map(|ca| {
            std::path::absolute(ca).map_err(|e| {
                Failure::invalid(
                    "--ca",
                    format!("--ca: cannot resolve {}: {e}", ca.display()),
                )
            })
        })
        .transpose()?;
    let text = config::with_login(settings.file.as_ref(), path, node, ca.as_deref(), &secret)?;
    config::write_private(path, &text)?;
    out.logged_in(&identity, node, path)?;
    Ok(())
}

/// `liaison logout`: removes the token from the config file, keeping the
/// node's address and CA.
pub fn logout<W: Write>(
    location: Option<&Location>,
    file: Option<&ConfigFile>,
    out: &mut Printer<W>,
) -> anyhow::Result<()> {
    let Some(location) = location else {
        return Err(Failure::invalid(
            "--config",
            "no config file: neither XDG_CONFIG_HOME nor HOME is set, and no --config or \
             LIAISON_CONFIG names one",
        )
        .into());
    };
    let removed = match file.map(config::without_token).transpose()?.flatten() {
        Some(text) => {
            config::write_private(&location.path, &text)?;
            true
        }
        None => false,
    };
    out.logged_out(&location.path, removed)?;
    Ok(())
}
